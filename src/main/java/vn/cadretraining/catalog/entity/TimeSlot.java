package vn.cadretraining.catalog.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A stretch of time on one day, in Vietnam time: when a session sits. Two slots overlap when they share a
 * moment; one ending at 11:30 and the next starting at 11:30 do not (a trainer can walk from one to the next).
 */
public record TimeSlot(LocalDate date, LocalTime start, LocalTime end) implements Serializable {

    public TimeSlot {
        if (date == null || start == null || end == null || !end.isAfter(start)) {
            throw new BusinessException("session.error.times");
        }
    }

    public LocalDateTime startsAt() {
        return date.atTime(start);
    }

    public LocalDateTime endsAt() {
        return date.atTime(end);
    }

    /** The same rule the database applies: start &lt; other end and other start &lt; end. */
    public boolean overlaps(TimeSlot other) {
        return startsAt().isBefore(other.endsAt()) && other.startsAt().isBefore(endsAt());
    }
}
