package vn.cadretraining.attendance.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/** What a trainer teaches: their classes, newest first, and a class's sessions. */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
public class TeachingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AttendanceService attendance;

    /**
     * The caller's classes (all of them for an administrator) in the order a trainer works through them: those
     * under way, those over whose results are still to be closed, those to come (soonest first), and those
     * closed in the last three months (latest first).
     */
    public record Teaching(List<CourseClass> running, List<CourseClass> toClose, List<CourseClass> upcoming,
            List<CourseClass> closed) {
        public List<CourseClass> getRunning() {
            return running;
        }

        public List<CourseClass> getToClose() {
            return toClose;
        }

        public List<CourseClass> getUpcoming() {
            return upcoming;
        }

        public List<CourseClass> getClosed() {
            return closed;
        }

        public boolean isNone() {
            return running.isEmpty() && toClose.isEmpty() && upcoming.isEmpty() && closed.isEmpty();
        }
    }

    public Teaching myClasses(int max) {
        Caller caller = currentUser.get();
        String mine = caller.role() == Role.ADMIN ? "" : " AND t.accountId = :a";
        LocalDate today = VietnamTime.today();
        var q = em.createQuery("SELECT DISTINCT k FROM CourseClass k JOIN FETCH k.course JOIN k.trainers t"
                        + " WHERE k.status <> :draft AND k.status <> :cancelled AND k.endDate >= :since" + mine
                        + " ORDER BY k.startDate", CourseClass.class)
                .setParameter("draft", ClassStatus.DRAFT).setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("since", today.minusMonths(3));
        if (!mine.isEmpty()) {
            q.setParameter("a", caller.accountId());
        }
        List<CourseClass> running = new ArrayList<>();
        List<CourseClass> toClose = new ArrayList<>();
        List<CourseClass> upcoming = new ArrayList<>();
        List<CourseClass> closed = new ArrayList<>();
        for (CourseClass k : q.setMaxResults(max).getResultList()) {
            switch (k.phaseOn(today)) {
                case CLOSED -> closed.add(0, k);
                case AWAITING_RESULTS -> toClose.add(k);
                case RUNNING -> running.add(k);
                case UPCOMING -> upcoming.add(k);
                case CANCELLED -> { }
            }
        }
        return new Teaching(running, toClose, upcoming, closed);
    }

    public CourseClass taught(long classId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !attendance.mayTakeAttendance(cls)) {
            throw new NotFoundException("class");
        }
        return cls;
    }

    public List<ClassSession> sessions(long classId) {
        CourseClass cls = taught(classId);
        return em.createQuery("SELECT s FROM ClassSession s LEFT JOIN FETCH s.venue WHERE s.courseClass = :k"
                + " ORDER BY s.startsAt", ClassSession.class).setParameter("k", cls).getResultList();
    }
}
