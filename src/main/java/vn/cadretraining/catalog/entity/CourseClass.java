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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.service.BusinessException;

/**
 * One run of a course: organised by a unit for the cadres under it, delivered by a provider and trainers,
 * on dates, for a number of places, at a venue or at several connection points.
 *
 * <p>{@code enrolledCount} is kept by every change of an enrolment while the class row is locked, so that two
 * people taking the last place at the same moment cannot both get it.
 */
@Entity
@Table(name = "course_class")
public class CourseClass extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** A batch runs at most five working days. */
    public static final int MAX_WORKING_DAYS = 5;

    @Column(name = "code", nullable = false, length = 40, updatable = false)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @Column(name = "unit_path", nullable = false, length = 400)
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
    private LocalDate enrolFrom;

    @Column(name = "enrol_until")
    private LocalDate enrolUntil;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @Column(name = "online", nullable = false)
    private boolean online;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ClassStatus status = ClassStatus.DRAFT;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "enrolled_count", nullable = false)
    private int enrolledCount;

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
        this.code = code;
        this.course = course;
        this.createdAt = Instant.now();
        organisedBy(unit);
    }

    public final void organisedBy(AdminUnit newUnit) {
        this.unit = newUnit;
        this.unitPath = newUnit.getPath();
    }

    /** The dates, places and enrolment window; a capacity below the places already taken is refused. */
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
        this.enrolFrom = from;
        this.enrolUntil = until;
    }

    public void deliveredBy(Provider newProvider, Collection<Trainer> newTrainers) {
        this.provider = newProvider;
        trainers.clear();
        trainers.addAll(newTrainers);
    }

    /** At a venue, or online at several connection points. */
    public void heldAt(Venue newVenue, boolean newOnline, Collection<Venue> points) {
        this.venue = newVenue;
        this.online = newOnline;
        connectionPoints.clear();
        if (newOnline) {
            connectionPoints.addAll(points);
        }
    }

    public void note(String text) {
        this.note = text;
    }

    /** Working days (Monday to Friday) from the first to the last day. */
    public int getWorkingDays() {
        int days = 0;
        for (LocalDate d = startDate; !d.isAfter(endDate); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** A batch should not run beyond five working days: said as a warning, not refused. */
    public boolean isLongerThanABatch() {
        return getWorkingDays() > MAX_WORKING_DAYS;
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

    /** Open, and within the enrolment window when one is set. */
    public boolean acceptsEnrolmentsOn(LocalDate day) {
        return status.takesEnrolments() && (enrolFrom == null || !day.isBefore(enrolFrom))
                && (enrolUntil == null || !day.isAfter(enrolUntil));
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

    public LocalDate getEnrolFrom() {
        return enrolFrom;
    }

    public LocalDate getEnrolUntil() {
        return enrolUntil;
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
