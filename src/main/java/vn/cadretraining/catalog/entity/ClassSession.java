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
import vn.cadretraining.shared.entity.BaseEntity;
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

    @Column(name = "topic", length = 300)
    private String topic;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "trainer_id")
    private Trainer trainer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @Column(name = "cancelled", nullable = false)
    private boolean cancelled;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    protected ClassSession() {
    }

    public ClassSession(CourseClass courseClass, LocalDate date, LocalTime start, LocalTime end, String topic,
            Trainer trainer, Venue venue) {
        this.courseClass = courseClass;
        reschedule(date, start, end, topic, trainer, venue);
    }

    public final void reschedule(LocalDate date, LocalTime start, LocalTime end, String newTopic, Trainer newTrainer,
            Venue newVenue) {
        if (date == null || start == null || end == null || !end.isAfter(start)) {
            throw new BusinessException("session.error.times");
        }
        this.sessionDate = date;
        this.startsAt = date.atTime(start);
        this.endsAt = date.atTime(end);
        this.topic = newTopic;
        this.trainer = newTrainer;
        this.venue = newVenue;
    }

    public void cancel(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("session.error.reasonRequired");
        }
        this.cancelled = true;
        this.cancelReason = reason.strip();
    }

    /** True when the two sittings share any moment (touching end to start does not count). */
    public boolean overlaps(ClassSession other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
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
