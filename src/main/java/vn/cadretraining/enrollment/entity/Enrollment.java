package vn.cadretraining.enrollment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A cadre's place (or wish for one) in a class. The unit is the cadre's unit at the time, so that training
 * counts where the cadre served when they trained, whatever moves come later.
 *
 * <p>Places are counted on the class: every change that takes or frees a place says so, and the service does
 * it under the class row's lock.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false, updatable = false)
    private CourseClass courseClass;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cadre_id", nullable = false, updatable = false)
    private Cadre cadre;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = Lengths.ENUM)
    private EnrollmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = Lengths.ENUM, updatable = false)
    private EnrollmentOrigin origin;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "waitlisted_at")
    private Instant waitlistedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = Lengths.USERNAME)
    private String decidedBy;

    @Column(name = "reason", length = Lengths.REASON)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = Lengths.ENUM)
    private Outcome outcome;

    /** The bundle key of why the outcome is "not completed" (attendance, score…). */
    @Column(name = "outcome_reason", length = Lengths.LONG_CODE)
    private String outcomeReason;

    @Column(name = "score", precision = 5, scale = 2)
    private BigDecimal score;

    @Column(name = "attendance_pct", precision = 5, scale = 2)
    private BigDecimal attendancePct;

    protected Enrollment() {
    }

    private Enrollment(CourseClass courseClass, Cadre cadre, EnrollmentOrigin origin) {
        this.courseClass = courseClass;
        this.cadre = cadre;
        this.unit = cadre.getUnit();
        this.origin = origin;
        this.requestedAt = Instant.now();
    }

    /** A cadre asks for a place. */
    public static Enrollment request(CourseClass courseClass, Cadre cadre) {
        Enrollment e = new Enrollment(courseClass, cadre, EnrollmentOrigin.REQUESTED);
        e.status = EnrollmentStatus.REQUESTED;
        return e;
    }

    /** A coordinator sends a cadre: a place if one is free, else the waitlist. */
    public static Enrollment nominate(CourseClass courseClass, Cadre cadre, String by) {
        Enrollment e = new Enrollment(courseClass, cadre, EnrollmentOrigin.NOMINATED);
        e.decidedBy = by;
        e.decidedAt = e.requestedAt;
        e.place();
        return e;
    }

    /** The request is accepted: a place if one is free, else the waitlist. */
    public void approve(String by) {
        requireStatus(EnrollmentStatus.REQUESTED);
        decidedBy = by;
        decidedAt = Instant.now();
        place();
    }

    public void decline(String by, String why) {
        requireStatus(EnrollmentStatus.REQUESTED);
        if (why == null || why.isBlank()) {
            throw new BusinessException("enrollment.error.reasonRequired");
        }
        status = EnrollmentStatus.DECLINED;
        decidedBy = by;
        decidedAt = Instant.now();
        reason = why.strip();
    }

    /**
     * Leaves the class; true when a place was freed (for the first on the waitlist). Not once the class's results
     * are closed: an outcome then is final (a certificate, the progress counted from it).
     */
    public boolean withdraw(String why) {
        if (!status.isActive()) {
            throw new BusinessException("enrollment.error.notActive");
        }
        courseClass.requireResultsOpen();
        if (why == null || why.isBlank()) {
            throw new BusinessException("enrollment.error.reasonRequired");
        }
        boolean hadPlace = status == EnrollmentStatus.ENROLLED;
        if (hadPlace) {
            courseClass.releasePlace();
        }
        status = EnrollmentStatus.WITHDRAWN;
        reason = why.strip();
        decidedAt = Instant.now();
        return hadPlace;
    }

    /** Whether {@link #withdraw} is still possible: active, in a class whose results are open. */
    public boolean isWithdrawable() {
        return status.isActive() && !courseClass.areResultsClosed();
    }

    /** A place freed: the first on the waitlist takes it. */
    public void promote() {
        requireStatus(EnrollmentStatus.WAITLISTED);
        courseClass.takePlace();
        status = EnrollmentStatus.ENROLLED;
    }

    private void place() {
        if (courseClass.isFull()) {
            status = EnrollmentStatus.WAITLISTED;
            waitlistedAt = Instant.now();
        } else {
            courseClass.takePlace();
            status = EnrollmentStatus.ENROLLED;
        }
    }

    private void requireStatus(EnrollmentStatus expected) {
        if (status != expected) {
            throw new BusinessException("enrollment.error.status");
        }
    }

    /** Set by attendance and results. */
    public void conclude(Outcome result) {
        this.outcome = result;
        this.outcomeReason = null;
    }

    /** The result by the course's rule, with the attendance share it was computed from. */
    public void conclude(Outcome result, String reasonKey, BigDecimal share) {
        this.outcome = result;
        this.outcomeReason = reasonKey;
        this.attendancePct = share;
    }

    /** The attendance share so far, while the class runs; the outcome waits for the closing. */
    public void progress(BigDecimal share) {
        this.attendancePct = share;
    }

    /** A score from 0 to 10, or none yet; a refusal names the participant, among the many saved at once. */
    public void score(BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.TEN) > 0)) {
            throw new BusinessException("result.error.scoreRange", cadre.getFullName(), value);
        }
        this.score = value;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public BigDecimal getScore() {
        return score;
    }

    public BigDecimal getAttendancePct() {
        return attendancePct;
    }

    public CourseClass getCourseClass() {
        return courseClass;
    }

    public Cadre getCadre() {
        return cadre;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public EnrollmentOrigin getOrigin() {
        return origin;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getWaitlistedAt() {
        return waitlistedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
