package vn.cadretraining.catalog.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Counting working days (Monday to Friday) for the rule that a training batch runs at most five of them. Public
 * holidays are not known to the application, so a batch over Tết counts them as working days: the rule only
 * warns, it never refuses.
 */
public final class WorkingDays {

    /** A batch runs at most five working days. */
    public static final int BATCH_LIMIT = 5;

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days from the first to the last day, both included; 0 when either is missing or out of order. */
    public static int between(LocalDate first, LocalDate last) {
        if (first == null || last == null || last.isBefore(first)) {
            return 0;
        }
        int days = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** True when the dates go beyond a batch: said to the user as a warning. */
    public static boolean exceedBatch(LocalDate first, LocalDate last) {
        return between(first, last) > BATCH_LIMIT;
    }
}
