package vn.cadretraining.certification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A certificate of completion (giấy chứng nhận). What it says is copied in when it is issued (holder, course,
 * hours), so that the verification page shows the record as issued, whatever is renamed later. Its number
 * ("QN-2026-000123") is unique per issuer and year; its verification code is random and unguessable.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** The issuer's code when none is configured: the province's licence-plate letters. */
    public static final String DEFAULT_ISSUER = "QN";

    private static final char[] BASE32 = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(name = "cert_number", nullable = false, length = Lengths.LONG_CODE, updatable = false)
    private String number;

    @Column(name = "issuer_code", nullable = false, length = Lengths.CODE, updatable = false)
    private String issuerCode;

    @Column(name = "year_no", nullable = false, updatable = false)
    private int year;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "verify_code", nullable = false, length = Lengths.LONG_CODE, updatable = false)
    private String verifyCode;

    @Column(name = "enrollment_id", nullable = false, updatable = false)
    private Long enrollmentId;

    @Column(name = "cadre_id", nullable = false, updatable = false)
    private Long cadreId;

    @Column(name = "class_id", nullable = false, updatable = false)
    private Long classId;

    @Column(name = "holder_name", nullable = false, length = Lengths.NAME, updatable = false)
    private String holderName;

    @Column(name = "course_title", nullable = false, length = Lengths.TITLE, updatable = false)
    private String courseTitle;

    @Column(name = "hours", nullable = false, precision = 6, scale = 1, updatable = false)
    private BigDecimal hours;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = Lengths.SHORT_ENUM)
    private CertificateStatus status = CertificateStatus.VALID;

    @Column(name = "revoked_reason", length = Lengths.REASON)
    private String revokedReason;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = Lengths.USERNAME)
    private String revokedBy;

    protected Certificate() {
    }

    public Certificate(String issuerCode, int year, int sequence, long enrollmentId, long cadreId, long classId,
            String holderName, String courseTitle, BigDecimal hours, LocalDate issuedOn, Integer validYears) {
        this.issuerCode = issuerCode;
        this.year = year;
        this.sequence = sequence;
        this.number = numberOf(issuerCode, year, sequence);
        this.verifyCode = newCode();
        this.enrollmentId = enrollmentId;
        this.cadreId = cadreId;
        this.classId = classId;
        this.holderName = holderName;
        this.courseTitle = courseTitle;
        this.hours = hours;
        this.issuedOn = issuedOn;
        this.validUntil = validYears == null ? null : issuedOn.plusYears(validYears).minusDays(1);
    }

    /** "QN-2026-000123". */
    public static String numberOf(String issuerCode, int year, int sequence) {
        return issuerCode + "-" + year + "-" + String.format("%06d", sequence);
    }

    /** 26 characters from an unambiguous alphabet: 130 bits, not to be guessed or counted through. */
    public static String newCode() {
        StringBuilder sb = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            sb.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return sb.toString();
    }

    public void revoke(String reason, String by) {
        if (status == CertificateStatus.REVOKED) {
            throw new BusinessException("certificate.error.alreadyRevoked");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("certificate.error.reasonRequired");
        }
        status = CertificateStatus.REVOKED;
        revokedReason = reason.strip();
        revokedAt = Instant.now();
        revokedBy = by;
    }

    /** What the verification page says: revoked, expired (past its date), or valid. */
    public String standingOn(LocalDate day) {
        if (status == CertificateStatus.REVOKED) {
            return "REVOKED";
        }
        return validUntil != null && validUntil.isBefore(day) ? "EXPIRED" : "VALID";
    }

    public String getNumber() {
        return number;
    }

    public String getIssuerCode() {
        return issuerCode;
    }

    public int getYear() {
        return year;
    }

    public int getSequence() {
        return sequence;
    }

    public String getVerifyCode() {
        return verifyCode;
    }

    public Long getEnrollmentId() {
        return enrollmentId;
    }

    public Long getCadreId() {
        return cadreId;
    }

    public Long getClassId() {
        return classId;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getCourseTitle() {
        return courseTitle;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public CertificateStatus getStatus() {
        return status;
    }

    public String getRevokedReason() {
        return revokedReason;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
