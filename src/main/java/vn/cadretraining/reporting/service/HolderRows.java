package vn.cadretraining.reporting.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.reporting.entity.HolderSpans;
import vn.cadretraining.reporting.entity.HolderSpans.Held;
import vn.cadretraining.reporting.entity.ProgressDelta;

/**
 * The kept title-holder counts ({@code progress_holders}) on the running transaction's connection: a change takes
 * away what its cadres counted before it and adds what they count after it, both read from the records, so that a
 * cadre is always counted as a whole (their positions joined). A few statements per 500 cadres.
 */
final class HolderRows {

    private HolderRows() {
    }

    /** A completion of a cadre: the day its class ended, the class, the course, the course's kind. */
    record Done(LocalDate day, long classId, long courseId, String kind) {
    }

    /** Positions of every cadre, or of those in the IN list that follows, with their term's first day and unit's path today. */
    static final String POSITIONS = "SELECT p.cadre_id, p.title_id, pt.paid, p.start_date, p.end_date, "
            + ProgressSql.TERM_START + ", cu.path FROM position p JOIN position_title pt ON pt.id = p.title_id"
            + " JOIN admin_unit pu ON pu.id = p.unit_id JOIN admin_unit cu ON cu.id = pu.current_unit_id";

    /** Completions of any kind (the caller keeps those that count), of every cadre or of those in the IN list. */
    static final String COMPLETIONS = "SELECT e.cadre_id, k.end_date, k.id, k.course_id, c.kind FROM enrollment e"
            + " JOIN course_class k ON k.id = e.class_id JOIN course c ON c.id = k.course_id"
            + " WHERE e.outcome = ? AND e.status = ?";

    static Held held(ResultSet r) throws SQLException {
        Date end = r.getDate(5);
        return new Held(r.getLong(2), r.getBoolean(3), r.getDate(4).toLocalDate(),
                end == null ? null : end.toLocalDate(), r.getDate(6).toLocalDate(), r.getString(7));
    }

    static Done done(ResultSet r) throws SQLException {
        return new Done(r.getDate(2).toLocalDate(), r.getLong(3), r.getLong(4), r.getString(5));
    }

    /** The completions that count by the rule: not a briefing's. */
    static final Predicate<Done> COUNTED = d -> !ProgressDelta.briefing(d.kind());

    /**
     * What these cadres counted before a change taken away from {@code change}, and what they count after it
     * added: each read from the records as they stand, their completions kept by {@code before} and {@code after}
     * (the rule, or the rule as it stood before the change); a null side is left out.
     */
    static void count(Connection c, Collection<Long> cadreIds, Predicate<Done> before, Predicate<Done> after,
            Map<Long, Integer> change) throws SQLException {
        Map<Long, List<Held>> positions = new HashMap<>();
        Map<Long, List<Done>> completions = new HashMap<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(cadreIds));
        for (int i = 0; i < ids.size(); i += SummaryRows.IN_AT_ONCE) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + SummaryRows.IN_AT_ONCE));
            try (PreparedStatement s = c.prepareStatement(POSITIONS + " WHERE p.cadre_id IN ("
                    + SummaryRows.marks(part.size()) + ")")) {
                for (int j = 0; j < part.size(); j++) {
                    s.setLong(j + 1, part.get(j));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        positions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(held(r));
                    }
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement(COMPLETIONS + " AND e.cadre_id IN ("
                    + SummaryRows.marks(part.size()) + ")")) {
                SummaryRows.bindOutcome(s);
                for (int j = 0; j < part.size(); j++) {
                    s.setLong(j + 3, part.get(j));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        completions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(done(r));
                    }
                }
            }
        }
        HolderSpans.Sink sink = (k, n) -> change.merge(k, n, Integer::sum);
        positions.forEach((cadre, held) -> {
            List<Done> done = completions.getOrDefault(cadre, List.of());
            if (before != null) {
                HolderSpans.add(held, done.stream().filter(before).map(Done::day).toList(), -1, sink);
            }
            if (after != null) {
                HolderSpans.add(held, done.stream().filter(after).map(Done::day).toList(), 1, sink);
            }
        });
    }

    /** The cadres holding, or having held, a position in a unit whose history is carried under one of these paths. */
    static List<Long> cadresUnder(Connection c, List<String> paths) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        for (String path : paths) {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT p.cadre_id FROM" + ProgressSql.SCOPE_UNITS
                    + "JOIN admin_unit pu ON pu.current_unit_id = cu.id JOIN position p ON p.unit_id = pu.id"
                    + " WHERE cu.path LIKE ?")) {
                s.setString(1, path + "%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The cadres with a completion in a class, or in any class of a course. */
    static List<Long> cadresWithCompletions(Connection c, String where, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT e.cadre_id FROM enrollment e"
                + " JOIN course_class k ON k.id = e.class_id WHERE e.outcome = ? AND e.status = ? AND " + where)) {
            SummaryRows.bindOutcome(s);
            s.setLong(3, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Writes a change (packed keys, see {@link HolderSpans#key}): counters moved, a counter back to nothing goes. */
    static void apply(Connection c, Map<Long, Integer> change) throws SQLException {
        Map<Long, Integer> sorted = new TreeMap<>();
        change.forEach((k, n) -> {
            if (n != 0) {
                sorted.put(k, n);
            }
        });
        if (sorted.isEmpty()) {
            return;
        }
        List<Long> keys = new ArrayList<>(sorted.keySet());
        List<Object[]> rows = new ArrayList<>();
        keys.forEach(k -> rows.add(with(sorted.get(k), k)));
        int[] counts = SummaryRows.updated(c, "UPDATE progress_holders SET n = n + ?"
                + " WHERE unit_id = ? AND title_id = ? AND measure = ? AND from_day = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> touched = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            long k = keys.get(i);
            if (counts[i] == 0) {
                inserts.add(row(k, sorted.get(k)));
            } else {
                touched.add(with(null, k));
            }
        }
        SummaryRows.batch(c, "INSERT INTO progress_holders (unit_id, title_id, measure, from_day, n)"
                + " VALUES (?, ?, ?, ?, ?)", inserts);
        if (!inserts.isEmpty()) {
            SummaryRows.parents(c, "progress_holders");
        }
        SummaryRows.batch(c, "DELETE FROM progress_holders WHERE unit_id = ? AND title_id = ? AND measure = ?"
                + " AND from_day = ? AND n = 0", touched);
    }

    /** The key's columns, after {@code first} when not null. */
    static Object[] with(Integer first, long k) {
        Object[] key = {HolderSpans.unitOf(k), HolderSpans.titleOf(k), (short) HolderSpans.measureOf(k),
            Date.valueOf(HolderSpans.dayOf(k))};
        if (first == null) {
            return key;
        }
        return new Object[] {first, key[0], key[1], key[2], key[3]};
    }

    /** The key's columns, then the count. */
    static Object[] row(long k, int n) {
        Object[] key = with(null, k);
        return new Object[] {key[0], key[1], key[2], key[3], n};
    }
}
