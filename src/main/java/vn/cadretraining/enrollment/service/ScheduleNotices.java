package vn.cadretraining.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Tells the cadres of a class when its schedule changes: a session moved or changed place, a session
 * cancelled, the whole class cancelled. The catalog fires the events inside its own transaction, so the
 * notices are written with the change or not at all; the e-mail copy leaves only after the commit.
 *
 * <p>A changed session is told with its new date, time and place (what the cadre has to act on), not
 * with a list of what changed. Sessions already past are not told about: nobody has to go to them.
 */
@ApplicationScoped
public class ScheduleNotices {

    @PersistenceContext
    EntityManager em;

    @Inject
    InboxService inbox;

    void onChanged(@Observes SessionEvents.Changed change) {
        ClassSession s = em.find(ClassSession.class, change.sessionId());
        if (s == null || s.isCancelled() || s.getSessionDate().isBefore(VietnamTime.today())) {
            return;
        }
        String places = s.getPlaces().stream().map(Venue::getName).sorted().collect(Collectors.joining("; "));
        CourseClass cls = s.getCourseClass();
        for (Long cadre : cadresOf(cls, List.of(EnrollmentStatus.ENROLLED))) {
            inbox.send(places.isEmpty()
                    ? Notification.toCadre(cadre, NotificationKind.SESSION_CHANGED, cls.getId(), "notify.sessionChanged",
                            cls.getCourse().getTitleVi(), cls.getCode(), day(s.getSessionDate()), s.getStartTime(),
                            s.getEndTime())
                    : Notification.toCadre(cadre, NotificationKind.SESSION_CHANGED, cls.getId(),
                            "notify.sessionChangedAt", cls.getCourse().getTitleVi(), cls.getCode(),
                            day(s.getSessionDate()), s.getStartTime(), s.getEndTime(), places));
        }
    }

    void onCancelled(@Observes SessionEvents.Cancelled cancel) {
        ClassSession s = em.find(ClassSession.class, cancel.sessionId());
        if (s == null || s.getSessionDate().isBefore(VietnamTime.today())) {
            return;
        }
        CourseClass cls = s.getCourseClass();
        for (Long cadre : cadresOf(cls, List.of(EnrollmentStatus.ENROLLED))) {
            inbox.send(Notification.toCadre(cadre, NotificationKind.SESSION_CANCELLED, cls.getId(),
                    "notify.sessionCancelled", cls.getCourse().getTitleVi(), cls.getCode(), day(s.getSessionDate()),
                    s.getStartTime(), cancel.reason() == null ? "" : cancel.reason()));
        }
    }

    /** Everyone waiting on the class hears of it: those with a place, on the waitlist, or still asking. */
    void onClassCancelled(@Observes SessionEvents.ClassCancelled cancel) {
        CourseClass cls = em.find(CourseClass.class, cancel.classId());
        if (cls == null) {
            return;
        }
        for (Long cadre : cadresOf(cls, List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED,
                EnrollmentStatus.REQUESTED))) {
            inbox.send(Notification.toCadre(cadre, NotificationKind.CLASS_CANCELLED, cls.getId(), "notify.classCancelled",
                    cls.getCourse().getTitleVi(), cls.getCode()));
        }
    }

    private List<Long> cadresOf(CourseClass cls, List<EnrollmentStatus> statuses) {
        return em.createQuery("SELECT e.cadre.id FROM Enrollment e WHERE e.courseClass = :k AND e.status IN :s",
                Long.class).setParameter("k", cls).setParameter("s", statuses).getResultList();
    }

    private static String day(LocalDate d) {
        return VietnamTime.DATE.format(d);
    }
}
