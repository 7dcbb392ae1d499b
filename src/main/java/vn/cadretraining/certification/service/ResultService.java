package vn.cadretraining.certification.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.Completion;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * Results: scores, the outcome of every enrolment by its course's rule, recomputed in the same transaction
 * as any change of attendance or scores, until the trainer closes the class; closing freezes the outcomes
 * and issues the certificates.
 */
@Stateless
public class ResultService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AttendanceService attendance;

    @Inject
    CertificateService certificates;

    /** The enrolled cadres of a class with their results, for the trainer's results page. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public List<Enrollment> results(long classId) {
        CourseClass cls = ownClass(classId);
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre c JOIN FETCH e.unit WHERE e.courseClass = :k"
                + " AND e.status = :s ORDER BY c.nameSort", Enrollment.class)
                .setParameter("k", cls).setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
    }

    /** Records assessment scores (0 to 10; empty: none yet) and recomputes the outcomes. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public void saveScores(long classId, Map<Long, BigDecimal> scores) {
        CourseClass cls = ownClass(classId);
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        cls.requireResultsOpen();
        for (Map.Entry<Long, BigDecimal> s : scores.entrySet()) {
            Enrollment e = em.find(Enrollment.class, s.getKey());
            if (e == null || !e.getCourseClass().equals(cls)) {
                throw new NotFoundException("enrollment");
            }
            e.score(s.getValue());
        }
        recompute(cls);
    }

    public void onAttendanceChanged(@Observes AttendanceService.AttendanceChanged change) {
        CourseClass cls = em.find(CourseClass.class, change.classId());
        if (cls != null && !cls.areResultsClosed()) {
            recompute(cls);
        }
    }

    /**
     * Every enrolled cadre's outcome by the course's rule, in three queries whatever the class's size: the
     * sessions held, and each enrolment's attended and excused counts.
     */
    public void recompute(CourseClass cls) {
        long held = em.createQuery("SELECT COUNT(s) FROM ClassSession s WHERE s.courseClass = :k AND s.cancelled = FALSE",
                Long.class).setParameter("k", cls).getSingleResult();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.enrollment.id, m.status, COUNT(m) FROM AttendanceMark m"
                        + " WHERE m.session.courseClass = :k AND m.session.cancelled = FALSE"
                        + " GROUP BY m.enrollment.id, m.status", Object[].class)
                .setParameter("k", cls).getResultList()) {
            int[] c = counts.computeIfAbsent((Long) row[0], k -> new int[2]);
            AttendanceStatus status = (AttendanceStatus) row[1];
            int n = ((Long) row[2]).intValue();
            if (status.attended()) {
                c[0] += n;
            } else if (status == AttendanceStatus.EXCUSED) {
                c[1] += n;
            }
        }
        CompletionRule rule = cls.getCourse().getRule();

        for (Enrollment e : em.createQuery("SELECT e FROM Enrollment e WHERE e.courseClass = :k AND e.status = :s",
                Enrollment.class).setParameter("k", cls).setParameter("s", EnrollmentStatus.ENROLLED).getResultList()) {
            int[] c = counts.getOrDefault(e.getId(), new int[2]);
            Completion result = Completion.evaluate(rule.getMinAttendancePct(), rule.isHasAssessment(), rule.getPassMark(),
                    rule.isExcusedCounts(), (int) held, c[0], c[1], e.getScore());
            e.conclude(result.outcome(), result.reasonKey(), result.attendancePct());
        }
    }

    /**
     * Closes the class: outcomes are recomputed one last time and frozen, and every completion with a
     * certificate-bearing course gets its numbered certificate. Two classes closing at once get distinct
     * numbers (the counter row is locked).
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public int close(long classId) {
        CourseClass cls = ownClass(classId);
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        cls.requireResultsOpen();
        recompute(cls);
        cls.closeResults(currentUser.get().username());
        em.flush();
        return certificates.issueFor(cls);
    }

    private CourseClass ownClass(long classId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !attendance.mayTakeAttendance(cls)) {
            throw new NotFoundException("class");
        }
        return cls;
    }
}
