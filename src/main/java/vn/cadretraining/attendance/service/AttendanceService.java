package vn.cadretraining.attendance.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cadretraining.attendance.entity.AttendanceMark;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.entity.MarkSource;
import vn.cadretraining.attendance.entity.QrCheckIn;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.JdbcBatch;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Attendance: the trainer's grid per session, saved whole in one transaction, and the cadre's QR check-in.
 *
 * <p>A grid save never overwrites silently. The grid remembers, per row, the mark as it was when it was opened
 * (its version). At saving, under the session row's lock: a row the trainer did not change is left as it is
 * now (a QR check-in made meanwhile stays); a row the trainer changed is written if nobody else changed it
 * meanwhile; if somebody did, nothing at all is written and the trainer is shown, row by row, their value
 * and the other one, to choose.
 */
@Stateless
public class AttendanceService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<AttendanceChanged> changed;

    @Inject
    AuditTrail audit;

    /** Attendance of a class changed: its outcomes are to be recomputed, in the same transaction. */
    public record AttendanceChanged(long classId) {
    }

    /** One line of the grid as it was read: the cadre and their mark (null values: not marked yet). */
    public record GridRow(long enrollmentId, String cadreName, String unitLabel, Long markVersion,
            AttendanceStatus status, String note, MarkSource source) implements Serializable {
        public long getEnrollmentId() {
            return enrollmentId;
        }

        public String getCadreName() {
            return cadreName;
        }

        public String getUnitLabel() {
            return unitLabel;
        }

        public AttendanceStatus getStatus() {
            return status;
        }

        public String getNote() {
            return note;
        }

        public MarkSource getSource() {
            return source;
        }
    }

    /** A row as the trainer wants it, with the row as it was when the grid was read. */
    public record GridChange(GridRow before, AttendanceStatus status, String note) implements Serializable {
        boolean changes() {
            return before.status() != status || !Objects.equals(blank(before.note()), blank(note));
        }
    }

    /** A row changed both by the trainer and, meanwhile, by someone else: the two values, to choose from. */
    public record Conflict(long enrollmentId, String cadreName, AttendanceStatus theirs, String theirNote,
            String theirBy, AttendanceStatus mine, String myNote) implements Serializable {
        public String getCadreName() {
            return cadreName;
        }

        public AttendanceStatus getTheirs() {
            return theirs;
        }

        public String getTheirNote() {
            return theirNote;
        }

        public String getTheirBy() {
            return theirBy;
        }

        public AttendanceStatus getMine() {
            return mine;
        }

        public String getMyNote() {
            return myNote;
        }

        public long getEnrollmentId() {
            return enrollmentId;
        }
    }

    /** Refused: rows changed meanwhile; nothing was written. */
    public static class ConflictException extends BusinessException {
        private static final long serialVersionUID = 1L;
        private final List<Conflict> conflicts;

        public ConflictException(List<Conflict> conflicts) {
            super("attendance.error.conflict", conflicts.size());
            this.conflicts = List.copyOf(conflicts);
        }

        public List<Conflict> getConflicts() {
            return conflicts;
        }
    }

    /** What a save did, and the grid as saved. */
    public record SaveResult(int written, int keptFromOthers, List<GridRow> grid) implements Serializable {
    }

    // ---- the grid -----------------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public ClassSession session(long sessionId) {
        // with its class and course, which the page heads and the audit entries name
        ClassSession s = em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.courseClass k JOIN FETCH k.course"
                + " WHERE s.id = :id", ClassSession.class).setParameter("id", sessionId).getResultStream().findFirst()
                .orElse(null);
        if (s == null || !mayTakeAttendance(s.getCourseClass())) {
            throw new NotFoundException("session");
        }
        return s;
    }

    /** The enrolled cadres of the session's class, by name, with their marks for this session. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public List<GridRow> grid(long sessionId) {
        ClassSession s = session(sessionId);
        return rows(enrolled(s), marksOf(s));
    }

    /** The grid page: the session and its grid, in one transaction. */
    public record GridPage(ClassSession session, List<GridRow> rows) implements Serializable {
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public GridPage page(long sessionId) {
        ClassSession s = session(sessionId);
        return new GridPage(s, rows(enrolled(s), marksOf(s)));
    }

    private List<Enrollment> enrolled(ClassSession s) {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre c JOIN FETCH e.unit"
                + " WHERE e.courseClass = :k AND e.status = :s ORDER BY c.nameSort", Enrollment.class)
                .setParameter("k", s.getCourseClass()).setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
    }

    private static List<GridRow> rows(List<Enrollment> enrolled, Map<Long, AttendanceMark> marks) {
        List<GridRow> rows = new ArrayList<>(enrolled.size());
        for (Enrollment e : enrolled) {
            AttendanceMark m = marks.get(e.getId());
            rows.add(new GridRow(e.getId(), e.getCadre().getFullName(), e.getUnit().getLabel(),
                    m == null ? null : m.getVersion(), m == null ? null : m.getStatus(), m == null ? null : m.getNote(),
                    m == null ? null : m.getSource()));
        }
        return rows;
    }

    /**
     * Saves the grid as described on the class: one transaction, the session locked, conflicting rows refused
     * all together and shown. The marks and their audit entries are written in batches (a few statements for
     * any size of class), and the grid as saved comes back for the page.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public SaveResult save(long sessionId, List<GridChange> rows) {
        ClassSession s = session(sessionId);
        lockOpen(s.getCourseClass());
        List<Enrollment> enrolledList = enrolled(s);
        Map<Long, AttendanceMark> current = marksOf(s);
        Map<Long, Enrollment> enrolled = new HashMap<>();
        for (Enrollment e : enrolledList) {
            enrolled.put(e.getId(), e);
        }
        List<Conflict> conflicts = new ArrayList<>();
        List<GridChange> toWrite = new ArrayList<>();
        int keptFromOthers = 0;
        for (GridChange row : rows) {
            AttendanceMark now = current.get(row.before().enrollmentId());
            boolean changedMeanwhile = now == null ? row.before().markVersion() != null
                    : !Objects.equals(row.before().markVersion(), now.getVersion());
            if (!row.changes()) {
                if (changedMeanwhile) {
                    keptFromOthers++;
                }
                continue;
            }
            if (!enrolled.containsKey(row.before().enrollmentId())) {
                throw new NotFoundException("enrollment");
            }
            // before the start only an absence sent ahead is new; a mark already there (a QR check-in, which opens
            // before the start) keeps its status while its note changes
            if (row.status() != null && row.status() != row.before().status() && !row.status().knownAhead()
                    && !s.hasStarted(VietnamTime.now())) {
                throw new BusinessException("attendance.error.notStarted", VietnamTime.DATE.format(s.getSessionDate()),
                        s.getStartTime().toString());
            }
            if (changedMeanwhile && !(now != null && now.says(row.status(), row.note()))) {
                conflicts.add(new Conflict(row.before().enrollmentId(), row.before().cadreName(),
                        now == null ? null : now.getStatus(), now == null ? null : now.getNote(),
                        now == null ? null : now.getMarkedBy(), row.status(), row.note()));
            } else {
                toWrite.add(row);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts);
        }
        String by = currentUser.get().username();
        List<AuditTrail.MarkChange> audited = new ArrayList<>();
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        List<Object[]> changedMarks = new ArrayList<>();
        for (GridChange row : toWrite) {
            AttendanceMark now = current.get(row.before().enrollmentId());
            Enrollment e = enrolled.get(row.before().enrollmentId());
            audited.add(new AuditTrail.MarkChange(e, now, row.status(), row.note()));
            if (row.status() == null) {
                if (now != null) {
                    removed.add(new Object[] {now.getId(), now.getVersion()});
                }
            } else if (now == null || !now.says(row.status(), row.note())) {
                // the entity shapes the values (a note trimmed and cut); the batch below writes them
                AttendanceMark mark = new AttendanceMark(s, e, row.status(), row.note(), MarkSource.GRID, by);
                if (now == null) {
                    added.add(new Object[] {s.getId(), e.getId(), mark.getStatus(), mark.getNote(), mark.getSource(),
                        mark.getMarkedAt(), mark.getMarkedBy()});
                } else {
                    changedMarks.add(new Object[] {mark.getStatus(), mark.getNote(), mark.getSource(),
                        mark.getMarkedAt(), mark.getMarkedBy(), now.getId(), now.getVersion()});
                }
            }
        }
        audit.marks(s, audited, MarkSource.GRID);
        JdbcBatch.runVersioned(em, "DELETE FROM attendance_mark WHERE id = ? AND version = ?", ID_VERSION, removed);
        JdbcBatch.run(em, "INSERT INTO attendance_mark (version, session_id, enrollment_id, status, note, source,"
                + " marked_at, marked_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)", INSERTED, added);
        JdbcBatch.runVersioned(em, "UPDATE attendance_mark SET status = ?, note = ?, source = ?, marked_at = ?,"
                + " marked_by = ?, version = version + 1 WHERE id = ? AND version = ?", UPDATED, changedMarks);
        // the marks read above are stale now: read them again as written
        current.values().forEach(em::detach);
        changed.fire(new AttendanceChanged(s.getCourseClass().getId()));
        return new SaveResult(removed.size() + added.size() + changedMarks.size(), keptFromOthers,
                rows(enrolledList, marksOf(s)));
    }

    private static final int[] ID_VERSION = {Types.BIGINT, Types.BIGINT};
    private static final int[] INSERTED = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.TIMESTAMP, Types.VARCHAR};
    private static final int[] UPDATED = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
        Types.BIGINT, Types.BIGINT};

    private Map<Long, AttendanceMark> marksOf(ClassSession s) {
        Map<Long, AttendanceMark> marks = new HashMap<>();
        // the enrollment's id read with the mark: no enrollment is loaded one by one
        for (Object[] m : em.createQuery("SELECT m.enrollment.id, m FROM AttendanceMark m WHERE m.session = :s",
                Object[].class).setParameter("s", s).getResultList()) {
            marks.put((Long) m[0], (AttendanceMark) m[1]);
        }
        return marks;
    }

    // ---- QR check-in --------------------------------------------------------------------------------

    @Inject
    CheckInCodes codes;

    /** The code the trainer shows now for a session, and how many seconds it has left. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CheckInCodes.Code currentCode(long sessionId) {
        ClassSession s = session(sessionId);
        if (s.getCourseClass().areResultsClosed()) {
            throw new BusinessException("attendance.error.closed");
        }
        return codes.current(s.getId());
    }

    /** What a check-in did. */
    public enum CheckInResult {
        PRESENT,
        LATE
    }

    /**
     * The signed-in cadre checks in with the code they scanned: refused when the code is not the session's
     * current (or immediately previous) one, when it was used already, when the cadre has no place in the
     * class, or outside the session's time (from 30 minutes before it starts to its end).
     */
    @RolesAllowed(Role.Names.CADRE)
    public CheckInResult checkIn(long sessionId, String scanned) {
        ClassSession s = em.find(ClassSession.class, sessionId);
        if (s == null) {
            throw new BusinessException("checkin.error.unknown");
        }
        long slot = codes.validSlot(sessionId, scanned)
                .orElseThrow(() -> new BusinessException("checkin.error.expired"));
        Long cadreId = currentUser.get().cadreId();
        Enrollment e = cadreId == null ? null : em.createQuery("SELECT e FROM Enrollment e WHERE e.courseClass = :k"
                        + " AND e.cadre.id = :c AND e.status = :s", Enrollment.class)
                .setParameter("k", s.getCourseClass()).setParameter("c", cadreId)
                .setParameter("s", EnrollmentStatus.ENROLLED).getResultStream().findFirst().orElse(null);
        if (e == null) {
            throw new BusinessException("checkin.error.notEnrolled");
        }
        if (s.isCancelled()) {
            throw new BusinessException("checkin.error.cancelled");
        }
        LocalDateTime now = VietnamTime.now();
        if (now.isBefore(s.getStartsAt().minusMinutes(30)) || now.isAfter(s.getEndsAt())) {
            throw new BusinessException("checkin.error.outsideTime");
        }
        lockOpen(s.getCourseClass());
        long used = em.createQuery("SELECT COUNT(q) FROM QrCheckIn q WHERE q.sessionId = :s AND q.cadreId = :c"
                + " AND q.slot = :slot", Long.class).setParameter("s", sessionId).setParameter("c", cadreId)
                .setParameter("slot", slot).getSingleResult();
        if (used > 0) {
            throw new BusinessException("checkin.error.replayed");
        }
        em.persist(new QrCheckIn(sessionId, cadreId, slot));
        CheckInResult result = now.isAfter(s.getStartsAt().plusMinutes(15)) ? CheckInResult.LATE : CheckInResult.PRESENT;
        AttendanceStatus status = result == CheckInResult.LATE ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        AttendanceMark mark = marksOf(s).get(e.getId());
        String by = currentUser.get().username();
        if (mark == null) {
            audit.mark(s, e, null, status, null, MarkSource.QR);
            em.persist(new AttendanceMark(s, e, status, null, MarkSource.QR, by));
        } else if (!mark.getStatus().attended()) {
            audit.mark(s, e, mark, status, mark.getNote(), MarkSource.QR);
            mark.set(status, mark.getNote(), MarkSource.QR, by);
        }
        em.flush();
        changed.fire(new AttendanceChanged(s.getCourseClass().getId()));
        return result;
    }

    // ---- rules --------------------------------------------------------------------------------------

    /** The class's trainers, and administrators. */
    public boolean mayTakeAttendance(CourseClass cls) {
        Caller caller = currentUser.get();
        if (caller.role() == Role.ADMIN) {
            return true;
        }
        return caller.role() == Role.TRAINER && em.createQuery("SELECT COUNT(t) FROM CourseClass k JOIN k.trainers t"
                        + " WHERE k = :k AND t.accountId = :a", Long.class)
                .setParameter("k", cls).setParameter("a", caller.accountId()).getSingleResult() > 0;
    }

    /**
     * A class whose results are closed keeps its attendance as it was. The class row is locked for the rest of
     * the transaction, as closing locks it: a save or a check-in either comes before the closing, and is
     * counted, or after it, and is refused; and two saves of a session are checked one after the other.
     */
    private void lockOpen(CourseClass cls) {
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        if (cls.areResultsClosed()) {
            throw new BusinessException("attendance.error.closed");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
