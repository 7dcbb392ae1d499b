package vn.cadretraining.commendation.entity;

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
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A commendation of a cadre, as its decision reads: number, date, the issuing body, the form and the reason.
 * The issuing body's name is kept as it was on the day, so that the record reads right after a rename or merge.
 */
@Entity
@Table(name = "commendation")
public class Commendation extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int DECISION_NUMBER_LENGTH = Lengths.LONG_CODE;
    public static final int REASON_LENGTH = Lengths.NOTE;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cadre_id", nullable = false, updatable = false)
    private Cadre cadre;

    @Column(name = "decision_number", nullable = false, length = DECISION_NUMBER_LENGTH)
    private String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    private LocalDate decisionDate;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "issuing_unit_id", nullable = false)
    private AdminUnit issuingUnit;

    @Column(name = "issuer_name", nullable = false, length = Lengths.NAME)
    private String issuerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "form", nullable = false, length = Lengths.ENUM)
    private CommendationForm form;

    @Column(name = "reason", nullable = false, length = REASON_LENGTH)
    private String reason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = Lengths.USERNAME, updatable = false)
    private String recordedBy;

    protected Commendation() {
    }

    /**
     * A commendation as its decision reads. Refuses a decision without a number, without a date or dated after
     * {@code today} (a decision not yet signed is not a commendation), without a form or without a reason.
     */
    public Commendation(Cadre cadre, String decisionNumber, LocalDate decisionDate, LocalDate today,
            AdminUnit issuingUnit, CommendationForm form, String reason, String recordedBy) {
        String number = decisionNumber == null ? "" : decisionNumber.strip();
        String why = reason == null ? "" : reason.strip();
        if (number.isEmpty()) {
            throw new BusinessException("commendation.decisionNumber.required");
        }
        if (number.length() > DECISION_NUMBER_LENGTH) {
            throw new BusinessException("commendation.decisionNumber.tooLong", DECISION_NUMBER_LENGTH);
        }
        if (decisionDate == null) {
            throw new BusinessException("commendation.decisionDate.required");
        }
        if (decisionDate.isAfter(today)) {
            throw new BusinessException("commendation.decisionDate.future");
        }
        if (form == null) {
            throw new BusinessException("commendation.form.required");
        }
        if (why.isEmpty()) {
            throw new BusinessException("commendation.reason.required");
        }
        if (why.length() > REASON_LENGTH) {
            throw new BusinessException("commendation.reason.tooLong", REASON_LENGTH);
        }
        this.cadre = cadre;
        this.decisionNumber = number;
        this.decisionDate = decisionDate;
        this.issuingUnit = issuingUnit;
        this.issuerName = issuerNameOf(issuingUnit);
        this.form = form;
        this.reason = why;
        this.recordedAt = Instant.now();
        this.recordedBy = recordedBy;
    }

    /**
     * The body as a decision names it: "Ban Dân vận Tỉnh ủy Quảng Ninh" for the province (the body under its
     * superior), "Đảng ủy Phường Hạ Long" for a commune.
     */
    static String issuerNameOf(AdminUnit unit) {
        var issuer = unit.issuer();
        String name = unit.getParent() == null && issuer.superior() != null && !issuer.superior().isBlank()
                ? issuer.name() + " " + issuer.superior() : issuer.name();
        return name.length() > Lengths.NAME ? name.substring(0, Lengths.NAME) : name;
    }

    public Cadre getCadre() {
        return cadre;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public AdminUnit getIssuingUnit() {
        return issuingUnit;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public CommendationForm getForm() {
        return form;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
