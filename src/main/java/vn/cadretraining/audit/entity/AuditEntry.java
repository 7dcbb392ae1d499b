package vn.cadretraining.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.text.TextFold;

/**
 * One line of the audit trail. Immutable: every column is insert-only and there is no setter, so nothing in
 * the application can change an entry once written (nor is there a version to bump). Who did it is copied
 * (id, username, display name) and so is the subject's label, so that the entry reads the same after renames.
 * Values that are enum constants are kept as their bundle keys ("AttendanceStatus.PRESENT") and shown in the
 * reader's language; names and numbers are kept as they were.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int LABEL_LENGTH = Lengths.LINE;
    public static final int VALUE_LENGTH = Lengths.LINE;
    public static final int NOTE_LENGTH = Lengths.REASON;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private Instant happenedAt;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_username", length = Lengths.USERNAME, updatable = false)
    private String actorUsername;

    @Column(name = "actor_name", length = Lengths.NAME, updatable = false)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = Lengths.LONG_ENUM, updatable = false)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = Lengths.ENUM, updatable = false)
    private AuditSubject subjectKind;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(name = "subject_label", nullable = false, length = LABEL_LENGTH, updatable = false)
    private String subjectLabel;

    @Column(name = "subject_folded", nullable = false, length = LABEL_LENGTH, updatable = false)
    private String subjectFolded;

    @Column(name = "unit_id", updatable = false)
    private Long unitId;

    @Column(name = "value_before", length = VALUE_LENGTH, updatable = false)
    private String valueBefore;

    @Column(name = "value_after", length = VALUE_LENGTH, updatable = false)
    private String valueAfter;

    @Column(name = "note", length = NOTE_LENGTH, updatable = false)
    private String note;

    protected AuditEntry() {
    }

    /** Who did it: an account as it is now (null fields for the system itself). */
    public record Actor(Long id, String username, String name) implements Serializable {
        public static final Actor SYSTEM = new Actor(null, null, null);
    }

    public AuditEntry(Actor actor, AuditAction action, AuditSubject kind, Long subjectId, String label, Long unitId,
            String before, String after, String note) {
        this.happenedAt = Instant.now();
        this.actorId = actor.id();
        this.actorUsername = cut(actor.username(), 60);
        this.actorName = cut(actor.name(), 150);
        this.action = action;
        this.subjectKind = kind;
        this.subjectId = subjectId;
        this.subjectLabel = label == null || label.isBlank() ? "—" : cut(label.strip(), LABEL_LENGTH);
        this.subjectFolded = cut(TextFold.fold(this.subjectLabel), LABEL_LENGTH);
        this.unitId = unitId;
        this.valueBefore = cut(before, VALUE_LENGTH);
        this.valueAfter = cut(after, VALUE_LENGTH);
        this.note = cut(note, NOTE_LENGTH);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public String getActorName() {
        return actorName;
    }

    public AuditAction getAction() {
        return action;
    }

    public AuditSubject getSubjectKind() {
        return subjectKind;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getSubjectLabel() {
        return subjectLabel;
    }

    public String getSubjectFolded() {
        return subjectFolded;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getValueBefore() {
        return valueBefore;
    }

    public String getValueAfter() {
        return valueAfter;
    }

    public String getNote() {
        return note;
    }
}
