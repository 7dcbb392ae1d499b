package vn.cadretraining.catalog.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.cadretraining.shared.service.BusinessException;

/**
 * "Every morning and afternoon from D1 to D2": the sessions a class usually has, generated rather than typed
 * one by one. Weekends are skipped unless asked for (study tours and some conferences run on Saturdays).
 *
 * @param morning   whether to hold the morning sitting at all
 * @param afternoon whether to hold the afternoon sitting at all
 */
public record SessionPlan(LocalDate from, LocalDate to, boolean morning, LocalTime morningStart, LocalTime morningEnd,
        boolean afternoon, LocalTime afternoonStart, LocalTime afternoonEnd, boolean weekends) implements Serializable {

    public static final LocalTime MORNING_START = LocalTime.of(7, 30);
    public static final LocalTime MORNING_END = LocalTime.of(11, 30);
    public static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
    public static final LocalTime AFTERNOON_END = LocalTime.of(17, 0);

    /** Longer runs are typed session by session: a plan this long is more likely a mistyped year. */
    public static final int MAX_DAYS = 31;

    /** Mornings and afternoons at the usual hours, on working days. */
    public static SessionPlan usual(LocalDate from, LocalDate to) {
        return new SessionPlan(from, to, true, MORNING_START, MORNING_END, true, AFTERNOON_START, AFTERNOON_END, false);
    }

    /** The sittings in date order, morning before afternoon; refused when the plan makes no sense. */
    public List<TimeSlot> slots() {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessException("session.error.planDates");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BusinessException("session.error.planTooLong", MAX_DAYS);
        }
        if (!morning && !afternoon) {
            throw new BusinessException("session.error.planEmpty");
        }
        TimeSlot am = morning ? new TimeSlot(from, morningStart, morningEnd) : null;
        TimeSlot pm = afternoon ? new TimeSlot(from, afternoonStart, afternoonEnd) : null;
        if (am != null && pm != null && am.overlaps(pm)) {
            throw new BusinessException("session.error.planOverlap");
        }
        List<TimeSlot> slots = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!weekends && !WorkingDays.isWorkingDay(d)) {
                continue;
            }
            if (am != null) {
                slots.add(new TimeSlot(d, morningStart, morningEnd));
            }
            if (pm != null) {
                slots.add(new TimeSlot(d, afternoonStart, afternoonEnd));
            }
        }
        if (slots.isEmpty()) {
            throw new BusinessException("session.error.planNoDays");
        }
        return slots;
    }
}
