package vn.cadretraining.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/** One sitting of a class: a date and hours, a topic, a trainer, a venue or connection point. */
@Entity
@Table(name = "class_session")
public class ClassSession extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false, updatable = false)
    private CourseClass courseClass;

    @Column(name = "session_date", nullable = false)
    private LocalDate sessionDate;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime endsAt;

    @Column(name = "topic", length = Lengths.LINE)
    private String topic;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "trainer_id")
    private Trainer trainer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @Column(name = "cancelled", nullable = false)
    private boolean cancelled;

    @Column(name = "cancel_reason", length = Lengths.REASON)
    private String cancelReason;

    protected ClassSession() {
    }

    public ClassSession(CourseClass courseClass, LocalDate date, LocalTime start, LocalTime end, String topic,
            Trainer trainer, Venue venue) {
        this.courseClass = courseClass;
        reschedule(date, start, end, topic, trainer, venue);
    }

    private void reschedule(LocalDate date, LocalTime start, LocalTime end, String newTopic, Trainer newTrainer,
            Venue newVenue) {
        TimeSlot slot = new TimeSlot(date, start, end);
        this.sessionDate = date;
        this.startsAt = slot.startsAt();
        this.endsAt = slot.endsAt();
        this.topic = blankToNull(newTopic);
        this.trainer = newTrainer;
        this.venue = newVenue;
    }

    /**
     * Changes the sitting and says what changed, for the cadres to be told: a comma-separated list of
     * {@code date}, {@code time}, {@code topic}, {@code trainer}, {@code venue}; empty when nothing did.
     */
    public String change(LocalDate date, LocalTime start, LocalTime end, String newTopic, Trainer newTrainer,
            Venue newVenue) {
        requireNotCancelled();
        List<String> what = new ArrayList<>();
        if (!date.equals(sessionDate)) {
            what.add("date");
        }
        if (!start.equals(getStartTime()) || !end.equals(getEndTime())) {
            what.add("time");
        }
        if (!Objects.equals(blankToNull(newTopic), topic)) {
            what.add("topic");
        }
        if (!Objects.equals(newTrainer, trainer)) {
            what.add("trainer");
        }
        if (!Objects.equals(newVenue, venue)) {
            what.add("venue");
        }
        reschedule(date, start, end, newTopic, newTrainer, newVenue);
        return String.join(",", what);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void requireNotCancelled() {
        if (cancelled) {
            throw new BusinessException("session.error.cancelled");
        }
    }

    /** Where the sitting takes place: its own venue or connection point, else the class's places. */
    public Set<Venue> getPlaces() {
        return venue != null ? Set.of(venue) : courseClass.getPlaces();
    }

    public TimeSlot getSlot() {
        return new TimeSlot(sessionDate, getStartTime(), getEndTime());
    }

    public void cancel(String reason) {
        requireNotCancelled();
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("session.error.reasonRequired");
        }
        this.cancelled = true;
        this.cancelReason = reason.strip();
    }

    /** Whether the session has begun by the given time (Vietnam time): the grid takes only excused absences before. */
    public boolean hasStarted(LocalDateTime now) {
        return !now.isBefore(startsAt);
    }

    /** True when the two sittings share any moment (touching end to start does not count). */
    public boolean overlaps(ClassSession other) {
        return getSlot().overlaps(other.getSlot());
    }

    public CourseClass getCourseClass() {
        return courseClass;
    }

    public LocalDate getSessionDate() {
        return sessionDate;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public LocalTime getStartTime() {
        return startsAt.toLocalTime();
    }

    public LocalTime getEndTime() {
        return endsAt.toLocalTime();
    }

    public String getTopic() {
        return topic;
    }

    public Trainer getTrainer() {
        return trainer;
    }

    public Venue getVenue() {
        return venue;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
