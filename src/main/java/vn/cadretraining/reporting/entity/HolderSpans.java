package vn.cadretraining.reporting.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one cadre adds to the kept title-holder counts ({@code progress_holders}, see the package's notes): for
 * each title they hold, and for the paid titles together, the days they hold it and the days they hold it trained
 * (in the term, in the year), kept as changes of a count by day: +1 the day a span begins, -1 the day after it
 * ends. The holders (or the trained holders) on a day are then the sum of the changes up to that day.
 *
 * <p>A cadre counts once per title and once among the paid titles, however many positions give them that: the
 * spans of their positions are joined before they are counted. A position is held trained in its term from the
 * first completion since the term began; in a year, from the first completion of that year, to the year's end.
 */
public final class HolderSpans {

    /** The title key of the paid titles together. */
    public static final long PAID = 0;
    /** Holders on a day. */
    public static final int HELD = 0;
    /** Holders trained since their term began, on a day. */
    public static final int TERM = 1;
    /** Holders trained in the year of the day, on that day. */
    public static final int YEAR = 2;
    /**
     * Added to a measure: all its changes summed, keyed by {@link #FIRST}. The count on a day is that sum less the
     * changes after the day: for today, the few set for days to come (the year's end, a term ending), whatever the
     * days of history or of this year so far.
     */
    public static final int TOTAL = 3;

    /** The first day kept: a span begun before it counts from it (no dashboard asks for a day that early). */
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final long DAYS = 1L << 17;
    /** The last day kept: a span begun after it is never asked for, one ending after it is open. */
    public static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
    private static final long TITLES = 1L << 12;

    private HolderSpans() {
    }

    /** A position as counted: its title, whether the title is paid, its days, its term's first day, its unit's path today. */
    public record Held(long titleId, boolean paid, LocalDate start, LocalDate end, LocalDate termFrom, String path) {
    }

    /** Where the changes go: a packed key ({@link #key}) and a change of the count. */
    public interface Sink {
        void add(long key, int n);
    }

    /**
     * A row's key in one long: unit, title, measure, day. Every unit id and day the product makes fits (ids under
     * 2^31, titles under 4096, days from 1900 to 2258); anything else is refused rather than mixed up.
     */
    public static long key(long unitId, long titleId, int measure, LocalDate day) {
        long d = day.toEpochDay() - FIRST.toEpochDay();
        if (unitId < 0 || unitId >= 1L << 31 || titleId < 0 || titleId >= TITLES || measure < 0 || measure > 7
                || d < 0 || d >= DAYS) {
            throw new IllegalArgumentException("out of the kept range: " + unitId + " " + titleId + " " + day);
        }
        return unitId << 32 | titleId << 20 | (long) measure << 17 | d;
    }

    public static long unitOf(long key) {
        return key >>> 32;
    }

    public static long titleOf(long key) {
        return key >>> 20 & (TITLES - 1);
    }

    public static int measureOf(long key) {
        return (int) (key >>> 17 & 7);
    }

    public static LocalDate dayOf(long key) {
        return FIRST.plusDays(key & (DAYS - 1));
    }

    /**
     * Adds (sign +1) or takes away (-1) what a cadre counts: {@code positions} all of theirs, {@code completions}
     * the days of their completions that count, in any order. Counted under the top unit of each position's path
     * for each title and the paid titles together, and under the unit below it for the paid titles together (the
     * province's dashboard and its table by commune).
     */
    public static void add(List<Held> positions, List<LocalDate> completions, int sign, Sink sink) {
        if (positions.isEmpty()) {
            return;
        }
        TreeSet<LocalDate> done = new TreeSet<>(completions);
        Map<List<Long>, List<Held>> groups = new LinkedHashMap<>();
        for (Held p : positions) {
            List<Long> units = ProgressDelta.units(p.path());
            long top = units.get(0);
            groups.computeIfAbsent(List.of(top, p.titleId()), k -> new ArrayList<>()).add(p);
            if (p.paid()) {
                groups.computeIfAbsent(List.of(top, PAID), k -> new ArrayList<>()).add(p);
                if (units.size() > 1) {
                    groups.computeIfAbsent(List.of(units.get(1), PAID), k -> new ArrayList<>()).add(p);
                }
            }
        }
        groups.forEach((k, held) -> {
            long unit = k.get(0);
            long title = k.get(1);
            List<LocalDate[]> heldSpans = new ArrayList<>();
            List<LocalDate[]> termSpans = new ArrayList<>();
            List<LocalDate[]> yearSpans = new ArrayList<>();
            for (Held p : held) {
                if (p.end() != null && p.end().isBefore(p.start())) {
                    continue; // never held (written so outside the services)
                }
                heldSpans.add(new LocalDate[] {p.start(), p.end()});
                LocalDate first = done.ceiling(p.termFrom());
                if (first != null) {
                    span(termSpans, later(p.start(), first), p.end());
                }
                for (LocalDate from = done.ceiling(p.start().withDayOfYear(1)); from != null && within(from, p.end());
                        from = done.ceiling(from.withDayOfYear(1).plusYears(1))) {
                    LocalDate yearEnd = LocalDate.of(from.getYear(), 12, 31);
                    span(yearSpans, later(p.start(), from), p.end() == null || p.end().isAfter(yearEnd) ? yearEnd
                            : p.end());
                }
            }
            emit(unit, title, HELD, heldSpans, sign, sink);
            emit(unit, title, TERM, termSpans, sign, sink);
            emit(unit, title, YEAR, yearSpans, sign, sink);
        });
    }

    private static boolean within(LocalDate day, LocalDate end) {
        return end == null || !day.isAfter(end);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void span(List<LocalDate[]> spans, LocalDate from, LocalDate to) {
        if (to == null || !from.isAfter(to)) {
            spans.add(new LocalDate[] {from, to});
        }
    }

    /** The spans joined where they meet or overlap, each as +sign its first day and -sign the day after its last. */
    private static void emit(long unit, long title, int measure, List<LocalDate[]> spans, int sign, Sink sink) {
        spans.sort(Comparator.comparing(s -> s[0]));
        LocalDate from = null;
        LocalDate to = null;
        boolean open = false;
        for (LocalDate[] s : spans) {
            if (open && (to == null || !s[0].isAfter(to.plusDays(1)))) {
                if (to != null && (s[1] == null || s[1].isAfter(to))) {
                    to = s[1];
                }
                continue;
            }
            if (open) {
                close(unit, title, measure, from, to, sign, sink);
            }
            from = s[0];
            to = s[1];
            open = true;
        }
        if (open) {
            close(unit, title, measure, from, to, sign, sink);
        }
    }

    /** A span's two changes, each also in the total; clamped to the days kept. */
    private static void close(long unit, long title, int measure, LocalDate from, LocalDate to, int sign, Sink sink) {
        if (from.isAfter(LAST) || to != null && to.isBefore(FIRST)) {
            return;
        }
        change(unit, title, measure, from.isBefore(FIRST) ? FIRST : from, sign, sink);
        if (to != null && to.isBefore(LAST)) {
            change(unit, title, measure, to.plusDays(1), -sign, sink);
        }
    }

    private static void change(long unit, long title, int measure, LocalDate day, int n, Sink sink) {
        sink.add(key(unit, title, measure, day), n);
        sink.add(key(unit, title, measure + TOTAL, FIRST), n);
    }
}
