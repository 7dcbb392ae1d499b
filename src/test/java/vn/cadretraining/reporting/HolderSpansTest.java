package vn.cadretraining.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.cadretraining.reporting.entity.HolderSpans;
import vn.cadretraining.reporting.entity.HolderSpans.Held;

/**
 * The kept title-holder changes, summed to a day, give on every day what the dashboard's rule says when counted
 * from the positions and completions themselves (ProgressSql's holders): held on the day; trained since the
 * term began; trained in the day's year. Random cadres with overlapping positions of one title, two paid titles,
 * positions in two communes, open and ended.
 */
class HolderSpansTest {

    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final int DAYS = 6 * 365;
    private static final String[] PATHS = {"/1/10/100/", "/1/10/101/", "/1/20/200/", "/1/20/"};

    @Test
    void theChangesSummedToADayAreTheHoldersAndTrainedHoldersOfThatDay() {
        Random random = new Random(7);
        for (int cadre = 0; cadre < 150; cadre++) {
            List<Held> positions = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                LocalDate start = FROM.plusDays(random.nextInt(DAYS));
                LocalDate end = random.nextBoolean() ? null : start.plusDays(random.nextInt(900));
                LocalDate termFrom = random.nextBoolean() ? start : start.withDayOfYear(1).minusYears(random.nextInt(2));
                long title = 1 + random.nextInt(3);
                positions.add(new Held(title, title != 3, start, end, termFrom, PATHS[random.nextInt(PATHS.length)]));
            }
            List<LocalDate> done = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                done.add(FROM.plusDays(random.nextInt(DAYS)));
            }
            Map<Long, Integer> changes = new HashMap<>();
            HolderSpans.Sink sink = (k, n) -> changes.merge(k, n, Integer::sum);
            HolderSpans.add(positions, done, 1, sink);
            check(positions, done, changes, "cadre " + cadre);
            HolderSpans.add(positions, done, -1, sink);
            changes.values().removeIf(n -> n == 0);
            assertTrue(changes.isEmpty(), "taken away, nothing is left");
        }
    }

    private static void check(List<Held> positions, List<LocalDate> done, Map<Long, Integer> changes, String what) {
        // per (unit, title, measure): the changes by day, summed as the days go by
        Map<List<Long>, TreeMap<LocalDate, Integer>> byKey = new HashMap<>();
        changes.forEach((k, n) -> byKey.computeIfAbsent(List.of(HolderSpans.unitOf(k), HolderSpans.titleOf(k),
                (long) HolderSpans.measureOf(k)), x -> new TreeMap<>()).merge(HolderSpans.dayOf(k), n, Integer::sum));
        // the total is every day's changes summed, and kept on the first day
        Map<List<Long>, Integer> totals = new HashMap<>();
        changes.forEach((k, n) -> {
            int m = HolderSpans.measureOf(k);
            if (m >= HolderSpans.TOTAL) {
                assertEquals(HolderSpans.FIRST, HolderSpans.dayOf(k), what + ": the total's day");
            }
            List<Long> t = List.of(HolderSpans.unitOf(k), HolderSpans.titleOf(k), (long) (m % HolderSpans.TOTAL));
            totals.merge(t, m >= HolderSpans.TOTAL ? -n : n, Integer::sum);
        });
        totals.forEach((t, n) -> assertEquals(0, n, what + ": the total " + t));
        for (long unit : new long[] {1, 10, 20}) {
            for (long title = 0; title <= 3; title++) {
                for (int measure = 0; measure < 3; measure++) {
                    TreeMap<LocalDate, Integer> days = byKey.getOrDefault(List.of(unit, title, (long) measure),
                            new TreeMap<>());
                    int sum = 0;
                    LocalDate day = FROM.minusDays(400);
                    for (int i = 0; i < DAYS + 1200; i++, day = day.plusDays(1)) {
                        Integer n = days.get(day);
                        sum += n == null ? 0 : n;
                        int expected = counted(positions, done, unit, title, measure, day) ? 1 : 0;
                        assertEquals(expected, sum, what + ": unit " + unit + ", title " + title + ", measure "
                                + measure + ", " + day);
                    }
                }
            }
        }
    }

    /** The rule as the records' SQL counts it, for one day. */
    private static boolean counted(List<Held> positions, List<LocalDate> done, long unit, long title, int measure,
            LocalDate day) {
        for (Held p : positions) {
            List<String> units = List.of(p.path().split("/"));
            boolean under = unit == 1 ? title == 0 ? p.paid() : p.titleId() == title
                    : title == 0 && p.paid() && units.size() > 2 && units.get(2).equals(String.valueOf(unit));
            boolean held = !p.start().isAfter(day) && (p.end() == null || !p.end().isBefore(day));
            if (!under || !held) {
                continue;
            }
            LocalDate from = measure == HolderSpans.TERM ? p.termFrom() : day.withDayOfYear(1);
            if (measure == HolderSpans.HELD
                    || done.stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(day))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aKeyHoldsItsPartsAndRefusesWhatItCannotHold() {
        long k = HolderSpans.key(2_000_000_000L, 4095, HolderSpans.YEAR + HolderSpans.TOTAL, LocalDate.of(2258, 1, 1));
        assertEquals(2_000_000_000L, HolderSpans.unitOf(k));
        assertEquals(4095, HolderSpans.titleOf(k));
        assertEquals(HolderSpans.YEAR + HolderSpans.TOTAL, HolderSpans.measureOf(k));
        assertEquals(LocalDate.of(2258, 1, 1), HolderSpans.dayOf(k));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HolderSpans.key(1, 4096, 0, LocalDate.of(2026, 1, 1)));
        // a year typed wrong in a roster (1025, 2925) does not stop the count: counted from the first day kept,
        // or never begun
        Map<Long, Integer> changes = new HashMap<>();
        HolderSpans.add(List.of(new Held(1, true, LocalDate.of(1025, 3, 1), null, LocalDate.of(1025, 1, 1), "/1/10/"),
                new Held(2, false, LocalDate.of(2925, 3, 1), null, LocalDate.of(2925, 3, 1), "/1/10/"),
                new Held(3, false, LocalDate.of(1025, 3, 1), LocalDate.of(1026, 1, 1), LocalDate.of(1025, 3, 1), "/1/10/")),
                List.of(LocalDate.of(2024, 5, 5)), 1, (key, n) -> changes.merge(key, n, Integer::sum));
        assertEquals(1, changes.get(HolderSpans.key(1, 1, HolderSpans.HELD, HolderSpans.FIRST)));
        assertTrue(changes.keySet().stream().noneMatch(key -> HolderSpans.titleOf(key) != 1 && HolderSpans.titleOf(key)
                != HolderSpans.PAID), changes.toString());
    }
}
