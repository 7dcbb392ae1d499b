package vn.cadretraining.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What completing a course takes, and what it earns: attending at least a share of the sessions (80% by
 * default), passing an assessment where there is one, and then a certificate valid for some years or for
 * ever.
 */
@Embeddable
public class CompletionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_ATTENDANCE_PCT = 80;

    @Column(name = "min_attendance_pct", nullable = false)
    private int minAttendancePct = DEFAULT_ATTENDANCE_PCT;

    @Column(name = "has_assessment", nullable = false)
    private boolean hasAssessment;

    @Column(name = "pass_mark", precision = 5, scale = 2)
    private BigDecimal passMark;

    @Column(name = "issues_certificate", nullable = false)
    private boolean issuesCertificate = true;

    /** Whether an excused absence (vắng có phép) counts towards the attendance share, as some courses allow. */
    @Column(name = "excused_counts", nullable = false)
    private boolean excusedCounts;

    /** Years a certificate stays valid; null: for ever. */
    @Column(name = "certificate_years")
    private Integer certificateYears;

    public CompletionRule() {
    }

    public CompletionRule(int minAttendancePct, boolean hasAssessment, BigDecimal passMark, boolean issuesCertificate,
            Integer certificateYears) {
        this(minAttendancePct, false, hasAssessment, passMark, issuesCertificate, certificateYears);
    }

    public CompletionRule(int minAttendancePct, boolean excusedCounts, boolean hasAssessment, BigDecimal passMark,
            boolean issuesCertificate, Integer certificateYears) {
        this.excusedCounts = excusedCounts;
        this.minAttendancePct = minAttendancePct;
        this.hasAssessment = hasAssessment;
        this.passMark = hasAssessment ? passMark : null;
        this.issuesCertificate = issuesCertificate;
        this.certificateYears = issuesCertificate ? certificateYears : null;
    }

    public int getMinAttendancePct() {
        return minAttendancePct;
    }

    public boolean isExcusedCounts() {
        return excusedCounts;
    }

    public boolean isHasAssessment() {
        return hasAssessment;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }

    public boolean isIssuesCertificate() {
        return issuesCertificate;
    }

    public Integer getCertificateYears() {
        return certificateYears;
    }
}
