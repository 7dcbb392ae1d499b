package vn.cadretraining.audit.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Types;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.cadretraining.attendance.entity.AttendanceMark;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.entity.MarkSource;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry.Actor;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.audit.entity.AuditSubject;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.entity.Completion;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.JdbcBatch;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Writes the audit trail, always inside the transaction of the change it records (MANDATORY: called without
 * one it fails rather than commit an entry for a change that may not happen), so that an entry commits or
 * rolls back with its change. Each feature calls it with one line at the point of the change; the methods
 * here decide whether anything changed and how it reads. Labels and notes are written in Vietnamese, the
 * language of the province's records; values that are enum constants stay bundle keys, shown in the reader's
 * language. Inserts only: there is no method that changes or removes an entry.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    // ---- attendance, results, certificates ----------------------------------------------------------

    /**
     * A mark about to be written by a grid save or a check-in ({@code now}: the mark as it is, null if none;
     * status null: cleared). Nothing is recorded when it would not change.
     */
    public void mark(ClassSession s, Enrollment e, AttendanceMark now, AttendanceStatus status, String note,
            MarkSource via) {
        AuditEntry entry = markEntry(actor(), s, new MarkChange(e, now, status, note), via);
        if (entry != null) {
            em.persist(entry);
        }
    }

    /** A mark about to be written, as {@link #mark} takes it. */
    public record MarkChange(Enrollment enrollment, AttendanceMark now, AttendanceStatus status, String note) {
    }

    /** The marks a grid save is about to write: an entry for each that changes, inserted in one batch. */
    public void marks(ClassSession s, List<MarkChange> changes, MarkSource via) {
        Actor actor = actor();
        List<Object[]> rows = new ArrayList<>();
        for (MarkChange change : changes) {
            AuditEntry a = markEntry(actor, s, change, via);
            if (a != null) {
                rows.add(new Object[] {a.getHappenedAt(), a.getActorId(), a.getActorUsername(), a.getActorName(),
                    a.getAction(), a.getSubjectKind(), a.getSubjectId(), a.getSubjectLabel(), a.getSubjectFolded(),
                    a.getUnitId(), a.getValueBefore(), a.getValueAfter(), a.getNote()});
            }
        }
        JdbcBatch.run(em, "INSERT INTO audit_entry (happened_at, actor_id, actor_username, actor_name, action,"
                + " subject_kind, subject_id, subject_label, subject_folded, unit_id, value_before, value_after, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ENTRY_TYPES, rows);
    }

    private static final int[] ENTRY_TYPES = {Types.TIMESTAMP, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR};

    private static AuditEntry markEntry(Actor actor, ClassSession s, MarkChange c, MarkSource via) {
        AttendanceMark now = c.now();
        if (now == null ? c.status() == null : now.says(c.status(), c.note())) {
            return null;
        }
        Enrollment e = c.enrollment();
        String label = e.getCadre().getFullName() + " · " + s.getCourseClass().getCode() + " · "
                + VietnamTime.DATE.format(s.getSessionDate()) + " " + s.getStartTime();
        String why = via == MarkSource.QR ? "MarkSource.QR" : blank(c.note());
        return new AuditEntry(actor, AuditAction.ATTENDANCE_MARKED, AuditSubject.ENROLLMENT, e.getId(), label,
                unitOf(e), now == null ? null : key(now.getStatus()), c.status() == null ? null : key(c.status()), why);
    }

    /** A score about to be recorded (null: cleared); nothing when it is the same. */
    public void score(Enrollment e, BigDecimal value) {
        BigDecimal was = e.getScore();
        if (was == null ? value == null : value != null && was.compareTo(value) == 0) {
            return;
        }
        write(actor(), AuditAction.SCORE_RECORDED, AuditSubject.ENROLLMENT, e.getId(), participant(e), unitOf(e),
                number(was), number(value), null);
    }

    /** The outcome a closing decides for one participant (before the enrollment takes it). */
    public void outcome(Enrollment e, Completion decided) {
        String share = decided.attendancePct() == null ? null : "Chuyên cần " + number(decided.attendancePct()) + "%";
        write(actor(), AuditAction.OUTCOME_DECIDED, AuditSubject.ENROLLMENT, e.getId(), participant(e), unitOf(e),
                e.getOutcome() == null ? null : key(e.getOutcome()), key(decided.outcome()),
                decided.reasonKey() == null ? share : Bundle.text(Bundle.VIETNAMESE, decided.reasonKey())
                        + (share == null ? "" : " · " + share));
    }

    /** A class's results closed, with how many certificates it issued. */
    public void closed(CourseClass cls, int certificatesIssued) {
        write(actor(), AuditAction.CLASS_CLOSED, AuditSubject.CLASS, cls.getId(), classLabel(cls),
                cls.getUnit() == null ? null : cls.getUnit().getId(), null, null,
                "Cấp " + certificatesIssued + " chứng chỉ");
    }

    /** One entry per certificate of the class that has none yet: those just issued. */
    public void certificatesIssued(long classId) {
        List<Object[]> rows = em.createQuery("SELECT c, d.unit.id FROM Certificate c, Cadre d WHERE d.id = c.cadreId"
                        + " AND c.classId = :k AND NOT EXISTS (SELECT a FROM AuditEntry a WHERE a.subjectKind = :kind"
                        + " AND a.subjectId = c.id AND a.action = :issued) ORDER BY c.sequence", Object[].class)
                .setParameter("k", classId).setParameter("kind", AuditSubject.CERTIFICATE)
                .setParameter("issued", AuditAction.CERTIFICATE_ISSUED).getResultList();
        Actor actor = actor();
        for (Object[] row : rows) {
            Certificate c = (Certificate) row[0];
            write(actor, AuditAction.CERTIFICATE_ISSUED, AuditSubject.CERTIFICATE, c.getId(), certificateLabel(c),
                    (Long) row[1], null, key(c.getStatus()), c.getCourseTitle());
        }
    }

    /** A certificate just revoked (the reason is the note). */
    public void revoked(Certificate c) {
        Cadre holder = em.find(Cadre.class, c.getCadreId());
        write(actor(), AuditAction.CERTIFICATE_REVOKED, AuditSubject.CERTIFICATE, c.getId(), certificateLabel(c),
                holder == null ? null : holder.getUnit().getId(), "CertificateStatus.VALID", key(c.getStatus()),
                c.getRevokedReason());
    }

    // ---- targets ------------------------------------------------------------------------------------

    /** One target cell about to be set, changed or cleared (null). */
    public void target(int year, long unitId, Measure measure, long dimensionId, Integer before, Integer after) {
        if (Objects.equals(before, after)) {
            return;
        }
        AdminUnit unit = em.find(AdminUnit.class, unitId);
        String dimension = null;
        if (measure == Measure.TITLE_SHARE) {
            PositionTitle title = em.find(PositionTitle.class, dimensionId);
            dimension = title == null ? null : title.getNameVi();
        } else if (measure == Measure.SUBJECT_TURNS) {
            SubjectGroup group = em.find(SubjectGroup.class, dimensionId);
            dimension = group == null ? null : group.getNameVi();
        }
        String label = "Chỉ tiêu " + year + " · " + (unit == null ? "#" + unitId : unit.getLabel()) + " · "
                + Bundle.text(Bundle.VIETNAMESE, "Measure." + measure) + (dimension == null ? "" : " · " + dimension);
        String unitMark = measure.isPercent() ? "%" : "";
        write(actor(), AuditAction.TARGET_SAVED, AuditSubject.TARGET, null, label, unitId,
                before == null ? null : before + unitMark, after == null ? null : after + unitMark, null);
    }

    // ---- accounts -----------------------------------------------------------------------------------

    /** An account just created (its role is the value after; its unit, or its cadre, the note). */
    public void accountCreated(Account a) {
        write(actor(), AuditAction.ACCOUNT_CREATED, AuditSubject.ACCOUNT, a.getId(), accountLabel(a), unitOf(a),
                null, key(a.getRole()), a.getUnit() == null ? null : a.getUnit().getLabel());
    }

    /** An account about to take this role and unit: one entry for a new role, one for a new scope. */
    public void accountAssigned(Account a, Role role, Long unitId) {
        if (a.getRole() != role) {
            write(actor(), AuditAction.ACCOUNT_ROLE_CHANGED, AuditSubject.ACCOUNT, a.getId(), accountLabel(a),
                    unitId != null ? unitId : unitOf(a), key(a.getRole()), key(role), null);
        }
        Long was = a.getUnit() == null ? null : a.getUnit().getId();
        if (!Objects.equals(was, unitId)) {
            AdminUnit next = unitId == null ? null : em.find(AdminUnit.class, unitId);
            write(actor(), AuditAction.ACCOUNT_SCOPE_CHANGED, AuditSubject.ACCOUNT, a.getId(), accountLabel(a),
                    unitId != null ? unitId : was, a.getUnit() == null ? null : a.getUnit().getLabel(),
                    next == null ? null : next.getLabel(), null);
        }
    }

    /** Disabled, enabled, or its password reset: the action says which. */
    public void account(AuditAction action, Account a) {
        write(actor(), action, AuditSubject.ACCOUNT, a.getId(), accountLabel(a), unitOf(a), null, null, null);
    }

    // ---- imports and merges -------------------------------------------------------------------------

    /** A roster import applied, by the caller who started it (it ran in the background). */
    public void rosterImported(Caller by, String fileName, int inserted, int updated, int skipped) {
        write(new Actor(by.accountId(), by.username(), by.displayName()), AuditAction.ROSTER_IMPORTED,
                AuditSubject.IMPORT, null, fileName, by.unitId(), null, null,
                inserted + " hồ sơ mới, " + updated + " hồ sơ cập nhật, " + skipped + " dòng bỏ qua");
    }

    /** Units merged into a successor on a day. */
    public void unitsMerged(List<AdminUnit> sources, AdminUnit successor, LocalDate effective) {
        write(actor(), AuditAction.UNITS_MERGED, AuditSubject.UNIT, successor.getId(), successor.getLabel(),
                successor.getId(), sources.stream().map(AdminUnit::getLabel).collect(Collectors.joining(", ")),
                successor.getLabel(), "Từ ngày " + VietnamTime.DATE.format(effective));
    }

    // ---- commendations ------------------------------------------------------------------------------

    /** A commendation just recorded (flushed: its id is known): its form is the value after, the decision the note. */
    public void commendation(Commendation c) {
        write(actor(), AuditAction.COMMENDATION_RECORDED, AuditSubject.COMMENDATION, c.getId(),
                c.getCadre().getFullName() + " · " + c.getDecisionNumber(), c.getCadre().getUnit().getId(), null,
                key(c.getForm()), c.getIssuerName() + " · " + VietnamTime.DATE.format(c.getDecisionDate()));
    }

    /** A candidate for commendation set aside ("not now") for a year. */
    public void commendationDeferred(Cadre cadre, int year) {
        write(actor(), AuditAction.COMMENDATION_DEFERRED, AuditSubject.CADRE, cadre.getId(), cadre.getFullName(),
                cadre.getUnit().getId(), null, String.valueOf(year), null);
    }

    /** A study tour's place and cost set or changed: as they were and as they are. */
    public void studyTourDescribed(CourseClass k, String destinationBefore, Long costBefore, String destination,
            Long cost) {
        write(actor(), AuditAction.STUDY_TOUR_DESCRIBED, AuditSubject.CLASS, k.getId(), k.getCode(), k.getUnit().getId(),
                destinationBefore == null && costBefore == null ? null : tourLine(destinationBefore, costBefore),
                tourLine(destination, cost), null);
    }

    /** A briefing's chair, secretary and theme set or changed: as they were and as they are. */
    public void briefingDescribed(CourseClass k, String before, String after) {
        write(actor(), AuditAction.BRIEFING_DESCRIBED, AuditSubject.CLASS, k.getId(), k.getCode(), k.getUnit().getId(),
                before, after, null);
    }

    /** Invitations sent to a briefing: how many, and how many were there already. */
    public void briefingInvited(CourseClass k, int invited, int already) {
        write(actor(), AuditAction.BRIEFING_INVITED, AuditSubject.CLASS, k.getId(), k.getCode(), k.getUnit().getId(),
                String.valueOf(already), String.valueOf(already + invited), null);
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static String tourLine(String destination, Long cost) {
        return (destination == null ? "" : destination) + " · " + (cost == null ? "" : NumberFormat.getIntegerInstance(VIETNAMESE).format(cost) + " đ");
    }

    // ---- petitions ----------------------------------------------------------------------------------

    /** A petition just recorded (flushed: its id is known): its field is the value after. */
    public void petitionRecorded(Petition p) {
        write(actor(), AuditAction.PETITION_RECORDED, AuditSubject.PETITION, p.getId(), petitionLabel(p),
                p.getHamlet().getId(), null, key(p.getField()), VietnamTime.DATE.format(p.getReceivedOn()));
    }

    /** A petition moved along its lifecycle: the state before and after, and what came with the step. */
    public void petitionMoved(Petition p, PetitionState before, String note) {
        write(actor(), AuditAction.PETITION_MOVED, AuditSubject.PETITION, p.getId(), petitionLabel(p),
                p.getHamlet().getId(), key(before), key(p.getState()), note);
    }

    private static String petitionLabel(Petition p) {
        return "#" + p.getId() + " · " + p.getRaiser().getFullName();
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private void write(Actor actor, AuditAction action, AuditSubject kind, Long id, String label, Long unitId,
            String before, String after, String note) {
        em.persist(new AuditEntry(actor, action, kind, id, label, unitId, before, after, note));
    }

    /** The signed-in person; the system itself when there is none (work started outside a request). */
    private Actor actor() {
        try {
            return currentUser.find().map(c -> new Actor(c.accountId(), c.username(), c.displayName()))
                    .orElse(Actor.SYSTEM);
        } catch (ContextNotActiveException e) {
            return Actor.SYSTEM;
        }
    }

    /** The cadre's unit now: a coordinator reads what happened to the cadres they look after. */
    private static Long unitOf(Enrollment e) {
        return e.getCadre().getUnit().getId();
    }

    private Long unitOf(Account a) {
        if (a.getUnit() != null) {
            return a.getUnit().getId();
        }
        Cadre cadre = a.getCadreId() == null ? null : em.find(Cadre.class, a.getCadreId());
        return cadre == null ? null : cadre.getUnit().getId();
    }

    private static String participant(Enrollment e) {
        return e.getCadre().getFullName() + " · " + classLabel(e.getCourseClass());
    }

    private static String classLabel(CourseClass cls) {
        return cls.getCode() + " " + cls.getCourse().getTitleVi();
    }

    private static String certificateLabel(Certificate c) {
        return c.getNumber() + " · " + c.getHolderName();
    }

    private static String accountLabel(Account a) {
        return a.getUsername() + " (" + a.getDisplayName() + ")";
    }

    private static String key(Enum<?> value) {
        return value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** "7,5": as the province writes numbers. */
    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
