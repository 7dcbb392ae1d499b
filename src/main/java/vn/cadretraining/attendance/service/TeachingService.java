package vn.cadretraining.attendance.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    /** The caller's classes (all of them for an administrator) that are running, open, or recently over. */
    public List<CourseClass> myClasses(int max) {
        Caller caller = currentUser.get();
        String mine = caller.role() == Role.ADMIN ? ""
                : " AND EXISTS (SELECT t FROM CourseClass k2 JOIN k2.trainers t WHERE k2 = k AND t.accountId = :a)";
        var q = em.createQuery("SELECT k FROM CourseClass k JOIN FETCH k.course WHERE k.status <> :draft"
                + " AND k.status <> :cancelled AND k.endDate >= :since" + mine + " ORDER BY k.startDate DESC", CourseClass.class)
                .setParameter("draft", ClassStatus.DRAFT).setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("since", VietnamTime.today().minusMonths(3));
        if (!mine.isEmpty()) {
            q.setParameter("a", caller.accountId());
        }
        return q.setMaxResults(max).getResultList();
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
