package vn.cadretraining.attendance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/**
 * A cadre's attendance at one session. Its version tells a grid save whether someone (another trainer, or
 * the cadre's own QR check-in) changed it since the grid was opened.
 */
@Entity
@Table(name = "attendance_mark")
public class AttendanceMark extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NOTE_LENGTH = Lengths.LINE;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private ClassSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enrollment_id", nullable = false, updatable = false)
    private Enrollment enrollment;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = Lengths.SHORT_ENUM)
    private AttendanceStatus status;

    @Column(name = "note", length = NOTE_LENGTH)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = Lengths.SHORT_ENUM)
    private MarkSource source;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    @Column(name = "marked_by", length = Lengths.USERNAME)
    private String markedBy;

    protected AttendanceMark() {
    }

    public AttendanceMark(ClassSession session, Enrollment enrollment, AttendanceStatus status, String note,
            MarkSource source, String by) {
        this.session = session;
        this.enrollment = enrollment;
        set(status, note, source, by);
    }

    public final void set(AttendanceStatus newStatus, String newNote, MarkSource newSource, String by) {
        this.status = newStatus;
        String trimmed = newNote == null || newNote.isBlank() ? null : newNote.strip();
        this.note = trimmed != null && trimmed.length() > NOTE_LENGTH ? trimmed.substring(0, NOTE_LENGTH) : trimmed;
        this.source = newSource;
        this.markedBy = by;
        this.markedAt = Instant.now();
    }

    /** True when status and note are those given (a save that changes nothing writes nothing). */
    public boolean says(AttendanceStatus s, String n) {
        String other = n == null || n.isBlank() ? null : n.strip();
        return status == s && Objects.equals(note, other);
    }

    public ClassSession getSession() {
        return session;
    }

    public Enrollment getEnrollment() {
        return enrollment;
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

    public Instant getMarkedAt() {
        return markedAt;
    }

    public String getMarkedBy() {
        return markedBy;
    }
}
