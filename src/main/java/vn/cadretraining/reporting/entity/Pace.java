package vn.cadretraining.reporting.entity;

import java.time.LocalDate;

/**
 * The expected pace: a year's target spread evenly over the year, so that on a given day a unit is expected to
 * have done the target times the share of the year elapsed. A past year is wholly elapsed, a future one not
 * at all. Units below that pace stand out; far below (by a fifth of the expected figure or more) stand out
 * more.
 */
public final class Pace {

    /** Below this share of the expected figure a unit is far behind. */
    public static final double FAR_BEHIND_BELOW = 0.8;

    private Pace() {
    }

    /** The share of the year elapsed at the end of {@code today} (1 for a past year, 0 for a future one). */
    public static double elapsed(int year, LocalDate today) {
        if (year < today.getYear()) {
            return 1.0;
        }
        if (year > today.getYear()) {
            return 0.0;
        }
        return (double) today.getDayOfYear() / today.lengthOfYear();
    }

    /** The share of a quarter elapsed at the end of {@code today}. */
    public static double elapsedInQuarter(int year, int quarter, LocalDate today) {
        LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate last = first.plusMonths(3).minusDays(1);
        if (today.isAfter(last)) {
            return 1.0;
        }
        if (today.isBefore(first)) {
            return 0.0;
        }
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        return (double) (today.toEpochDay() - first.toEpochDay() + 1) / days;
    }

    /** What should be done by now: the target times the elapsed share. */
    public static double expected(Integer target, double elapsed) {
        return target == null ? 0 : target * elapsed;
    }

    /** Where {@code actual} stands against {@code target} given the elapsed share. */
    public static Standing standing(double actual, Integer target, double elapsed) {
        if (target == null) {
            return Standing.NO_TARGET;
        }
        if (actual >= target) {
            return Standing.REACHED;
        }
        double expected = expected(target, elapsed);
        if (actual >= expected) {
            return Standing.ON_TRACK;
        }
        return actual >= expected * FAR_BEHIND_BELOW ? Standing.BEHIND : Standing.FAR_BEHIND;
    }

    /** actual / target in percent, or null without a (positive) target. */
    public static Double percentOf(double actual, Integer target) {
        if (target == null || target <= 0) {
            return null;
        }
        return 100.0 * actual / target;
    }
}
