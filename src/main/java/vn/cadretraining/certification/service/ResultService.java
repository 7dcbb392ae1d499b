package vn.cadretraining.certification.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.Completion;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.JdbcBatch;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * Results: scores, the attendance share of every participant kept up to date in the same transaction as any
 * change of attendance or sessions, and, when the trainer closes the class, the outcome of every enrollment by
 * its course's rule, frozen with the certificates it earns. An outcome is an official fact (reports and
 * prerequisites count it), so none is recorded before the closing; the results page shows the expected one.
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

    @Inject
    Event<ResultEvents.Closed> closed;

    @Inject
    AuditTrail audit;

    /**
     * A participant's result as it stands: the recorded outcome once the class is closed; before that, what
     * the rule would say if the class were closed now (expected), on the sessions held so far.
     */
    public record ResultRow(Enrollment enrollment, Completion completion, boolean expected) implements Serializable {
        public Enrollment getEnrollment() {
            return enrollment;
        }

        public Outcome getOutcome() {
            return completion.outcome();
        }

        public String getReasonKey() {
            return completion.reasonKey();
        }

        public BigDecimal getAttendancePct() {
            return completion.attendancePct();
        }

        public boolean isExpected() {
            return expected;
        }
    }

    /**
     * A class as its trainer runs it, in one read: its sessions, the participants with their results, the
     * certificates issued, and whether it can be closed now (no session still to end).
     */
    public record ClassPage(CourseClass courseClass, List<ClassSession> sessions, List<ResultRow> participants,
            List<Certificate> certificates, boolean closable) implements Serializable {
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public ClassPage classPage(long classId) {
        CourseClass cls = ownClass(classId);
        List<ClassSession> sessions = em.createQuery("SELECT s FROM ClassSession s LEFT JOIN FETCH s.venue"
                + " WHERE s.courseClass = :k ORDER BY s.startsAt", ClassSession.class).setParameter("k", cls)
                .getResultList();
        // the caller's reach was checked on the class: all of its certificates are theirs to see
        List<Certificate> issued = em.createQuery("SELECT c FROM Certificate c WHERE c.classId = :k ORDER BY c.sequence",
                Certificate.class).setParameter("k", classId).getResultList();
        LocalDateTime now = VietnamTime.now();
        boolean toCome = sessions.stream().anyMatch(s -> !s.isCancelled() && s.getEndsAt().isAfter(now));
        return new ClassPage(cls, sessions, results(cls), issued, !cls.areResultsClosed() && !toCome);
    }

    /** The enrolled cadres of a class with their results, for the trainer's results page. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public List<ResultRow> results(long classId) {
        return results(ownClass(classId));
    }

    private List<ResultRow> results(CourseClass cls) {
        List<Enrollment> enrolled = em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre c JOIN FETCH e.unit"
                + " WHERE e.courseClass = :k AND e.status = :s ORDER BY c.nameSort", Enrollment.class)
                .setParameter("k", cls).setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
        if (cls.areResultsClosed()) {
            return enrolled.stream().map(e -> new ResultRow(e, new Completion(e.getOutcome(), e.getOutcomeReason(),
                    e.getAttendancePct()), false)).toList();
        }
        Tally tally = tally(cls, VietnamTime.now());
        return enrolled.stream().map(e -> new ResultRow(e, tally.evaluate(cls, e), true)).toList();
    }

    /** Records assessment scores (0 to 10; empty: none yet). */
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
            audit.score(e, s.getValue());
            e.score(s.getValue());
        }
    }

    public void onAttendanceChanged(@Observes AttendanceService.AttendanceChanged change) {
        refreshShares(change.classId());
    }

    /** A session cancelled or moved changes how many were held. */
    public void onSessionChanged(@Observes SessionEvents.Changed change) {
        refreshShares(change.classId());
    }

    public void onSessionCancelled(@Observes SessionEvents.Cancelled change) {
        refreshShares(change.classId());
    }

    /**
     * While a class runs, each participant's attendance share over the sessions held so far is kept up to
     * date (the cadre sees it on their record); the outcome itself is decided only when the class closes.
     */
    private void refreshShares(long classId) {
        // under the class row's lock, as the grid's saves and check-ins: two changes to one class's sessions or
        // marks count one after the other, and the later writes the shares from both
        CourseClass cls = em.find(CourseClass.class, classId, LockModeType.PESSIMISTIC_WRITE);
        if (cls == null || cls.areResultsClosed()) {
            return;
        }
        Tally tally = tally(cls, VietnamTime.now());
        List<Object[]> changed = new ArrayList<>();
        for (Enrollment e : enrolled(cls)) {
            BigDecimal share = tally.evaluate(cls, e).attendancePct();
            // every share written: the entity read earlier in this transaction may not show a share written
            // by a refresh before this one
            changed.add(new Object[] {share, e.getId()});
        }
        // one batch for the class rather than an update per participant. The share is derived, not the enrollment's
        // own state: its version stays, so that an enrollment read in this transaction can still be written
        JdbcBatch.run(em, "UPDATE enrollment SET attendance_pct = ? WHERE id = ?",
                new int[] {Types.DECIMAL, Types.BIGINT}, changed);
    }

    /** Sessions held up to a moment, and per enrollment how many it attended and was excused from, in two queries. */
    private Tally tally(CourseClass cls, LocalDateTime upTo) {
        long held = em.createQuery("SELECT COUNT(s) FROM ClassSession s WHERE s.courseClass = :k AND s.cancelled = FALSE"
                + " AND s.startsAt <= :upTo", Long.class).setParameter("k", cls).setParameter("upTo", upTo).getSingleResult();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.enrollment.id, m.status, COUNT(m) FROM AttendanceMark m"
                        + " WHERE m.session.courseClass = :k AND m.session.cancelled = FALSE AND m.session.startsAt <= :upTo"
                        + " GROUP BY m.enrollment.id, m.status", Object[].class)
                .setParameter("k", cls).setParameter("upTo", upTo).getResultList()) {
            int[] c = counts.computeIfAbsent((Long) row[0], k -> new int[2]);
            AttendanceStatus status = (AttendanceStatus) row[1];
            int n = ((Long) row[2]).intValue();
            if (status.attended()) {
                c[0] += n;
            } else if (status == AttendanceStatus.EXCUSED) {
                c[1] += n;
            }
        }
        return new Tally((int) held, counts);
    }

    private record Tally(int held, Map<Long, int[]> counts) {
        Completion evaluate(CourseClass cls, Enrollment e) {
            CompletionRule rule = cls.getCourse().getRule();
            int[] c = counts.getOrDefault(e.getId(), new int[2]);
            return Completion.evaluate(rule.getMinAttendancePct(), rule.isHasAssessment(), rule.getPassMark(),
                    rule.isExcusedCounts(), held, c[0], c[1], e.getScore());
        }
    }

    /** The class's participants, with their cadres (the audit and the certificates name each of them). */
    private List<Enrollment> enrolled(CourseClass cls) {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre WHERE e.courseClass = :k AND e.status = :s",
                        Enrollment.class)
                .setParameter("k", cls).setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
    }

    /**
     * Closes the class: every participant's outcome is decided by the rule over all its sessions and frozen,
     * and every completion of a certificate-bearing course gets its numbered certificate. Refused while a
     * session is still to end (cancel it first if it will not take place). Two classes closing at once get
     * distinct numbers (the counter row is locked).
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public int close(long classId) {
        CourseClass cls = ownClass(classId);
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        cls.requireResultsOpen();
        LocalDateTime now = VietnamTime.now();
        em.createQuery("SELECT s FROM ClassSession s WHERE s.courseClass = :k AND s.cancelled = FALSE"
                        + " AND s.endsAt > :now ORDER BY s.startsAt", ClassSession.class)
                .setParameter("k", cls).setParameter("now", now).setMaxResults(1).getResultStream().findFirst()
                .ifPresent(s -> {
                    throw new BusinessException("result.error.notOver", VietnamTime.DATE.format(s.getSessionDate()),
                            s.getStartTime().toString());
                });
        Tally tally = tally(cls, now);
        for (Enrollment e : enrolled(cls)) {
            Completion result = tally.evaluate(cls, e);
            audit.outcome(e, result);
            e.conclude(result.outcome(), result.reasonKey(), result.attendancePct());
        }
        cls.closeResults(currentUser.get().username());
        em.flush();
        int issued = certificates.issueFor(cls);
        audit.closed(cls, issued);
        closed.fire(new ResultEvents.Closed(cls.getId()));
        return issued;
    }

    private CourseClass ownClass(long classId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !attendance.mayTakeAttendance(cls)) {
            throw new NotFoundException("class");
        }
        return cls;
    }
}
