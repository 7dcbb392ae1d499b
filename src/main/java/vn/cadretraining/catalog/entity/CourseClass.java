package vn.cadretraining.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * One run of a course: organised by a unit for the cadres under it, delivered by a provider and trainers,
 * on dates, for a number of places, at a venue or at several connection points.
 *
 * <p>{@code enrolledCount} is kept by every change of an enrollment while the class row is locked, so that two
 * people taking the last place at the same moment cannot both get it.
 */
@Entity
@Table(name = "course_class")
public class CourseClass extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** A batch runs at most five working days. */
    public static final int MAX_WORKING_DAYS = WorkingDays.BATCH_LIMIT;

    @Column(name = "code", nullable = false, length = Lengths.LONG_CODE, updatable = false)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @Column(name = "unit_path", nullable = false, length = Lengths.PATH)
    private String unitPath;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "provider_id")
    private Provider provider;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "capacity", nullable = false)
    private int capacity;

    @Column(name = "enrol_from")
    private LocalDate enrollFrom;

    @Column(name = "enrol_until")
    private LocalDate enrollUntil;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @Column(name = "online", nullable = false)
    private boolean online;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = Lengths.ENUM)
    private ClassStatus status = ClassStatus.DRAFT;

    @Column(name = "note", length = Lengths.NOTE)
    private String note;

    @Column(name = "enrolled_count", nullable = false)
    private int enrolledCount;

    /** When the trainer closed the results: outcomes frozen, certificates issued. Null while still open. */
    @Column(name = "closed_at")
    private Instant resultsClosedAt;

    @Column(name = "closed_by", length = Lengths.USERNAME)
    private String resultsClosedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "class_trainer", joinColumns = @JoinColumn(name = "class_id"),
            inverseJoinColumns = @JoinColumn(name = "trainer_id"))
    @BatchFetch(BatchFetchType.IN)
    private Set<Trainer> trainers = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "class_connection_point", joinColumns = @JoinColumn(name = "class_id"),
            inverseJoinColumns = @JoinColumn(name = "venue_id"))
    @BatchFetch(BatchFetchType.IN)
    private Set<Venue> connectionPoints = new HashSet<>();

    protected CourseClass() {
    }

    public CourseClass(String code, Course course, AdminUnit unit) {
        if (!ClassCodes.isValid(code)) {
            throw new BusinessException("class.error.code");
        }
        if (!course.isActive()) {
            throw new BusinessException("class.error.courseRetired", course.getCode());
        }
        this.code = ClassCodes.normalize(code);
        this.course = course;
        this.createdAt = Instant.now();
        organisedBy(unit);
    }

    public final void organisedBy(AdminUnit newUnit) {
        this.unit = newUnit;
        this.unitPath = newUnit.getPath();
    }

    /** The dates, places and enrollment window; a capacity below the places already taken is refused. */
    public void schedule(LocalDate start, LocalDate end, int newCapacity, LocalDate from, LocalDate until) {
        if (start == null || end == null || end.isBefore(start)) {
            throw new BusinessException("class.error.dates");
        }
        if (newCapacity < 1 || newCapacity < enrolledCount) {
            throw new BusinessException("class.error.capacity", enrolledCount);
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new BusinessException("class.error.window");
        }
        this.startDate = start;
        this.endDate = end;
        this.capacity = newCapacity;
        this.enrollFrom = from;
        this.enrollUntil = until;
    }

    public void deliveredBy(Provider newProvider, Collection<Trainer> newTrainers) {
        this.provider = newProvider;
        trainers.clear();
        trainers.addAll(newTrainers);
    }

    /**
     * At a venue (which may be settled later), or online at several connection points, at least one. An online
     * conference has no hall of its own: each connection point is a place of its own.
     */
    public void heldAt(Venue newVenue, boolean newOnline, Collection<Venue> points) {
        if (newOnline && (points == null || points.isEmpty())) {
            throw new BusinessException("class.error.noConnectionPoints");
        }
        this.venue = newOnline ? null : newVenue;
        this.online = newOnline;
        connectionPoints.clear();
        if (newOnline) {
            connectionPoints.addAll(points);
        }
    }

    /** The places a session of this class occupies when it names none of its own. */
    public Set<Venue> getPlaces() {
        if (online) {
            return Set.copyOf(connectionPoints);
        }
        return venue == null ? Set.of() : Set.of(venue);
    }

    /** True when the account is linked to one of the class's trainers: they run it and may change it. */
    public boolean isRunBy(long accountId) {
        return trainers.stream().anyMatch(t -> t.getAccountId() != null && t.getAccountId() == accountId);
    }

    /** A finished or cancelled class is a record: its details and sessions no longer change. */
    public boolean isClosed() {
        return status == ClassStatus.FINISHED || status == ClassStatus.CANCELLED;
    }

    /** Whether the class's details and sessions may still change (it is not closed). */
    public boolean isChangeable() {
        return !isClosed();
    }

    public void requireChangeable() {
        if (!isChangeable()) {
            throw new BusinessException("class.error.closed");
        }
    }

    /** Refuses a session day outside the class's dates. */
    public void requireWithinDates(LocalDate day) {
        if (day.isBefore(startDate) || day.isAfter(endDate)) {
            throw new BusinessException("session.error.outsideClass", VietnamTime.DATE.format(startDate),
                    VietnamTime.DATE.format(endDate));
        }
    }

    /**
     * Whether a coordinator of the unit with this path sees the class: its audience is the cadres under the
     * organising unit, so the classes organised by their unit, by a unit under it, or by a unit above it (the
     * province) are the ones their cadres may attend.
     */
    public static boolean isInAreaOf(String classUnitPath, String coordinatorUnitPath) {
        return classUnitPath != null && coordinatorUnitPath != null
                && (classUnitPath.startsWith(coordinatorUnitPath) || coordinatorUnitPath.startsWith(classUnitPath));
    }

    public void note(String text) {
        this.note = text;
    }

    /** Working days (Monday to Friday) from the first to the last day. */
    public int getWorkingDays() {
        return WorkingDays.between(startDate, endDate);
    }

    /** A batch should not run beyond five working days: said as a warning, not refused. */
    public boolean isLongerThanABatch() {
        return WorkingDays.exceedBatch(startDate, endDate);
    }

    // ---- status ----

    public void open() {
        requireStatus(ClassStatus.DRAFT);
        status = ClassStatus.OPEN;
    }

    public void start() {
        requireStatus(ClassStatus.OPEN);
        status = ClassStatus.RUNNING;
    }

    public void finish() {
        requireStatus(ClassStatus.RUNNING);
        status = ClassStatus.FINISHED;
    }

    /**
     * Closes the results: from now on attendance and scores are a record. The class is finished with it,
     * whatever step of its life it was at (a class whose last session passed unnoticed is closed all the
     * same); a cancelled class has no results to close.
     */
    public void closeResults(String by) {
        if (status == ClassStatus.CANCELLED) {
            throw new BusinessException("class.error.status", status.name());
        }
        requireResultsOpen();
        resultsClosedAt = Instant.now();
        resultsClosedBy = by;
        status = ClassStatus.FINISHED;
    }

    public ClassPhase phaseOn(LocalDate day) {
        if (status == ClassStatus.CANCELLED) {
            return ClassPhase.CANCELLED;
        }
        if (resultsClosedAt != null) {
            return ClassPhase.CLOSED;
        }
        if (endDate.isBefore(day)) {
            return ClassPhase.AWAITING_RESULTS;
        }
        return startDate.isAfter(day) ? ClassPhase.UPCOMING : ClassPhase.RUNNING;
    }

    public boolean areResultsClosed() {
        return resultsClosedAt != null;
    }

    public void requireResultsOpen() {
        if (resultsClosedAt != null) {
            throw new BusinessException("result.error.closed");
        }
    }

    public Instant getResultsClosedAt() {
        return resultsClosedAt;
    }

    public String getResultsClosedBy() {
        return resultsClosedBy;
    }

    public void cancel() {
        if (status == ClassStatus.FINISHED || status == ClassStatus.CANCELLED) {
            throw new BusinessException("class.error.status", status.name());
        }
        status = ClassStatus.CANCELLED;
    }

    private void requireStatus(ClassStatus expected) {
        if (status != expected) {
            throw new BusinessException("class.error.status", status.name());
        }
    }

    /** Why a class takes no enrollment on a day, for those who would nominate to it. */
    public enum EnrollmentClosed {
        /** Being prepared: it takes enrollments once its organiser opens it. */
        DRAFT,
        /** Open, but its enrollment window starts later ({@link #getEnrollFrom()}). */
        NOT_YET,
        /** Open, but its enrollment window is over ({@link #getEnrollUntil()}). */
        ENDED,
        /** Under way or over. */
        STARTED,
        CANCELLED
    }

    /** Why the class takes no enrollment on this day; null when it does. */
    public EnrollmentClosed enrollmentClosedOn(LocalDate day) {
        return switch (status) {
            case DRAFT -> EnrollmentClosed.DRAFT;
            case RUNNING, FINISHED -> EnrollmentClosed.STARTED;
            case CANCELLED -> EnrollmentClosed.CANCELLED;
            case OPEN -> enrollFrom != null && day.isBefore(enrollFrom) ? EnrollmentClosed.NOT_YET
                    : enrollUntil != null && day.isAfter(enrollUntil) ? EnrollmentClosed.ENDED : null;
        };
    }

    /** Open, and within the enrollment window when one is set. */
    public boolean acceptsEnrollmentsOn(LocalDate day) {
        return status.takesEnrollments() && (enrollFrom == null || !day.isBefore(enrollFrom))
                && (enrollUntil == null || !day.isAfter(enrollUntil));
    }

    // ---- places ----

    public boolean isFull() {
        return enrolledCount >= capacity;
    }

    /** Takes a place; the caller holds the class row's lock. */
    public void takePlace() {
        if (isFull()) {
            throw new BusinessException("enrollment.error.full");
        }
        enrolledCount++;
    }

    public void releasePlace() {
        if (enrolledCount > 0) {
            enrolledCount--;
        }
    }

    public int getFreePlaces() {
        return Math.max(0, capacity - enrolledCount);
    }

    public String getCode() {
        return code;
    }

    public Course getCourse() {
        return course;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public Provider getProvider() {
        return provider;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public int getCapacity() {
        return capacity;
    }

    public LocalDate getEnrollFrom() {
        return enrollFrom;
    }

    public LocalDate getEnrollUntil() {
        return enrollUntil;
    }

    public Venue getVenue() {
        return venue;
    }

    public boolean isOnline() {
        return online;
    }

    public ClassStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public int getEnrolledCount() {
        return enrolledCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Trainer> getTrainers() {
        return trainers;
    }

    public Set<Venue> getConnectionPoints() {
        return connectionPoints;
    }
}
