package vn.cadretraining.petition.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A petition (ý kiến, kiến nghị, phản ánh) raised by a hamlet cadre, and how far it has gone. The hamlet and the
 * commune are kept as they were at receipt, so that a cadre moved or a hamlet merged later does not move the
 * petition out of the hands that received it. Each step keeps its date; the lifecycle is enforced here, so a
 * crafted request cannot answer a petition nobody assigned, nor confirm one not answered.
 */
@Entity
@Table(name = "petition")
public class Petition extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int CONTENT_LENGTH = 2000;
    public static final int ANSWER_LENGTH = 2000;
    public static final int BODY_LENGTH = Lengths.NAME;
    public static final int DOCUMENT_NUMBER_LENGTH = Lengths.LONG_CODE;
    public static final int REASON_LENGTH = Lengths.REASON;

    /** Where the commune may still send it up: not once answered, nor twice. */
    private static final Set<PetitionState> TRANSFERABLE = EnumSet.of(PetitionState.RECEIVED, PetitionState.ASSIGNED,
            PetitionState.IN_PROGRESS, PetitionState.REOPENED);

    /** Where the province may send it back down: whatever it holds that is not answered yet. */
    private static final Set<PetitionState> RETURNABLE = EnumSet.of(PetitionState.TRANSFERRED_UP,
            PetitionState.ASSIGNED, PetitionState.IN_PROGRESS, PetitionState.REOPENED);

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "raiser_id", nullable = false, updatable = false)
    private Cadre raiser;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hamlet_id", nullable = false, updatable = false)
    private AdminUnit hamlet;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_id", nullable = false, updatable = false)
    private AdminUnit commune;

    /** The commune's path at receipt: a coordinator's scope, checked in SQL without a join. */
    @Column(name = "commune_path", nullable = false, length = Lengths.PATH, updatable = false)
    private String communePath;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "briefing_id", updatable = false)
    private CourseClass briefing;

    @Enumerated(EnumType.STRING)
    @Column(name = "field", nullable = false, length = Lengths.ENUM)
    private PetitionField field;

    @Column(name = "content", nullable = false, length = CONTENT_LENGTH)
    private String content;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "responsible_body", length = BODY_LENGTH)
    private String responsibleBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = Lengths.ENUM)
    private PetitionState state;

    /** Sent up: the province handles it from then on. */
    @Column(name = "at_province", nullable = false)
    private boolean atProvince;

    @Column(name = "assigned_on")
    private LocalDate assignedOn;

    @Column(name = "handling_on")
    private LocalDate handlingOn;

    @Column(name = "answered_on")
    private LocalDate answeredOn;

    @Column(name = "answer", length = ANSWER_LENGTH)
    private String answer;

    @Column(name = "answer_number", length = DOCUMENT_NUMBER_LENGTH)
    private String answerNumber;

    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    @Column(name = "reopened_on")
    private LocalDate reopenedOn;

    @Column(name = "reopen_reason", length = REASON_LENGTH)
    private String reopenReason;

    @Column(name = "transferred_on")
    private LocalDate transferredOn;

    @Column(name = "transfer_reason", length = REASON_LENGTH)
    private String transferReason;

    @Column(name = "transferred_down_on")
    private LocalDate transferredDownOn;

    @Column(name = "transfer_down_reason", length = REASON_LENGTH)
    private String transferDownReason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = Lengths.USERNAME, updatable = false)
    private String recordedBy;

    protected Petition() {
    }

    /**
     * A petition as received: due {@code deadlineDays} after its receipt. Refuses one without a field or content,
     * without a date of receipt or received after {@code today}.
     */
    public Petition(Cadre raiser, AdminUnit commune, CourseClass briefing, PetitionField field, String content,
            LocalDate receivedOn, LocalDate today, int deadlineDays, String recordedBy) {
        String text = content == null ? "" : content.strip();
        if (field == null) {
            throw new BusinessException("petition.field.required");
        }
        if (text.isEmpty()) {
            throw new BusinessException("petition.content.required");
        }
        if (text.length() > CONTENT_LENGTH) {
            throw new BusinessException("petition.content.tooLong", CONTENT_LENGTH);
        }
        if (receivedOn == null) {
            throw new BusinessException("petition.receivedOn.required");
        }
        if (receivedOn.isAfter(today)) {
            throw new BusinessException("petition.receivedOn.future");
        }
        this.raiser = raiser;
        this.hamlet = raiser.getUnit();
        this.commune = commune;
        this.communePath = commune.getPath();
        this.briefing = briefing;
        this.field = field;
        this.content = text;
        this.receivedOn = receivedOn;
        this.dueOn = receivedOn.plusDays(deadlineDays);
        this.state = PetitionState.RECEIVED;
        this.recordedAt = Instant.now();
        this.recordedBy = recordedBy;
    }

    // ---- the lifecycle ---------------------------------------------------------------------------------

    /** Gives it to the body that will answer: just received, or just arrived at the province. */
    public void assign(String body, LocalDate today) {
        require(canAssign());
        this.responsibleBody = required(body, BODY_LENGTH, "petition.body.required", "petition.body.tooLong");
        this.assignedOn = today;
        this.state = PetitionState.ASSIGNED;
    }

    /** The responsible body has begun on it, or begins again after the hamlet reopened it. */
    public void startHandling(LocalDate today) {
        require(canStartHandling());
        this.handlingOn = today;
        this.state = PetitionState.IN_PROGRESS;
    }

    /** The answer, as the document that carries it: its text and its number. */
    public void answer(String text, String documentNumber, LocalDate today) {
        require(canAnswer());
        String a = required(text, ANSWER_LENGTH, "petition.answer.required", "petition.answer.tooLong");
        String n = required(documentNumber, DOCUMENT_NUMBER_LENGTH, "petition.answerNumber.required",
                "petition.answerNumber.tooLong");
        this.answer = a;
        this.answerNumber = n;
        this.answeredOn = today;
        this.state = PetitionState.ANSWERED;
    }

    /** The hamlet is satisfied with the answer: resolved. */
    public void confirm(LocalDate today) {
        require(canConfirm());
        this.confirmedOn = today;
        this.state = PetitionState.CONFIRMED;
    }

    /** The hamlet is not satisfied: handled again (the earlier answer stays on record until a new one). */
    public void reopen(String reason, LocalDate today) {
        require(canReopen());
        this.reopenReason = required(reason, REASON_LENGTH, "petition.reopenReason.required",
                "petition.reopenReason.tooLong");
        this.reopenedOn = today;
        this.state = PetitionState.REOPENED;
    }

    /**
     * Beyond the commune's authority: sent up to the province, which has its own {@code deadlineDays} from today.
     * The body the commune named no longer answers it.
     */
    public void transferUp(String reason, LocalDate today, int deadlineDays) {
        require(canTransferUp());
        this.transferReason = required(reason, REASON_LENGTH, "petition.transferReason.required",
                "petition.transferReason.tooLong");
        this.transferredOn = today;
        this.dueOn = today.plusDays(deadlineDays);
        this.responsibleBody = null;
        this.atProvince = true;
        this.state = PetitionState.TRANSFERRED_UP;
    }

    /**
     * Within the commune's authority after all: the province sends it back down, and the commune has its own
     * {@code deadlineDays} from today. The body the province named no longer answers it.
     */
    public void transferDown(String reason, LocalDate today, int deadlineDays) {
        require(canTransferDown());
        this.transferDownReason = required(reason, REASON_LENGTH, "petition.transferDownReason.required",
                "petition.transferDownReason.tooLong");
        this.transferredDownOn = today;
        this.dueOn = today.plusDays(deadlineDays);
        this.responsibleBody = null;
        this.atProvince = false;
        this.state = PetitionState.TRANSFERRED_DOWN;
    }

    public boolean canAssign() {
        return state == PetitionState.RECEIVED || state == PetitionState.TRANSFERRED_UP
                || state == PetitionState.TRANSFERRED_DOWN;
    }

    public boolean canStartHandling() {
        return state == PetitionState.ASSIGNED || state == PetitionState.REOPENED;
    }

    public boolean canAnswer() {
        return state == PetitionState.IN_PROGRESS || state == PetitionState.REOPENED;
    }

    public boolean canConfirm() {
        return state == PetitionState.ANSWERED;
    }

    public boolean canReopen() {
        return state == PetitionState.ANSWERED;
    }

    /** Not once the province has sent it down: the province has said whose it is. */
    public boolean canTransferUp() {
        return !atProvince && transferredDownOn == null && TRANSFERABLE.contains(state);
    }

    public boolean canTransferDown() {
        return atProvince && RETURNABLE.contains(state);
    }

    /** Not answered and past its due date, in the province's calendar. */
    public boolean isOverdue(LocalDate today) {
        return !state.isAnswered() && today.isAfter(dueOn);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new BusinessException("petition.error.state");
        }
    }

    private static String required(String value, int max, String requiredKey, String tooLongKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new BusinessException(requiredKey);
        }
        if (v.length() > max) {
            throw new BusinessException(tooLongKey, max);
        }
        return v;
    }

    // ---- reading ---------------------------------------------------------------------------------------

    public Cadre getRaiser() {
        return raiser;
    }

    public AdminUnit getHamlet() {
        return hamlet;
    }

    public AdminUnit getCommune() {
        return commune;
    }

    public String getCommunePath() {
        return communePath;
    }

    public CourseClass getBriefing() {
        return briefing;
    }

    public PetitionField getField() {
        return field;
    }

    public String getContent() {
        return content;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getResponsibleBody() {
        return responsibleBody;
    }

    public PetitionState getState() {
        return state;
    }

    public boolean isAtProvince() {
        return atProvince;
    }

    public LocalDate getAssignedOn() {
        return assignedOn;
    }

    public LocalDate getHandlingOn() {
        return handlingOn;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnswerNumber() {
        return answerNumber;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public LocalDate getReopenedOn() {
        return reopenedOn;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public LocalDate getTransferredOn() {
        return transferredOn;
    }

    public String getTransferReason() {
        return transferReason;
    }

    public LocalDate getTransferredDownOn() {
        return transferredDownOn;
    }

    public String getTransferDownReason() {
        return transferDownReason;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
