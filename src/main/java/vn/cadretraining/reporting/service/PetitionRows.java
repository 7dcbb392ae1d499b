package vn.cadretraining.reporting.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.reporting.entity.ProgressDelta;

/**
 * The petitions' kept counts ({@code progress_petitions}, {@code progress_petition_days}; see the package's notes)
 * on the transaction's connection. A petition recorded or moved a step moves the difference of what it counts,
 * before and after, into the counters of its hamlet's unit of today and every unit above it: its field's quarter,
 * its year, and the days to its answer once resolved. Its hamlet, field and day of receipt never change; merges
 * and moves of units carry the counters.
 */
final class PetitionRows {

    private static final Table COUNTS = new Table("progress_petitions", List.of("unit_id", "period", "field"),
            List.of("received", "resolved", "satisfied", "ruled", "sent_up"));
    private static final Table DAYS = new Table("progress_petition_days", List.of("unit_id", "period", "days"),
            List.of("n"));
    /** The field of a unit's row for the whole year (every field). */
    static final String YEAR = "";

    /** Whether there are petitions to count (the first start after the tables appeared). */
    static final String ANY = "SELECT 1 FROM petition";

    private PetitionRows() {
    }

    /** A table of counters: its key's columns, then its counters'. */
    private record Table(String name, List<String> key, List<String> counters) {
    }

    /** Keys in one order for every change (so that two changes wait for each other): column by column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** A petition as the figures count it: its state, whether reopened once, whether sent up, the day of its answer. */
    record Standing(PetitionState state, boolean reopened, boolean transferred, LocalDate answeredOn) {

        /** Received, resolved (answered), satisfied (confirmed), ruled on (confirmed, or reopened once), sent up. */
        int[] counts() {
            boolean confirmed = state == PetitionState.CONFIRMED;
            return new int[] {1, state.isAnswered() ? 1 : 0, confirmed ? 1 : 0, confirmed || reopened ? 1 : 0,
                transferred ? 1 : 0};
        }

        /** The days from receipt to the answer of a resolved petition; null for one not resolved. */
        Integer days(LocalDate receivedOn) {
            return state.isAnswered() && answeredOn != null
                    ? (int) ChronoUnit.DAYS.between(receivedOn, answeredOn) : null;
        }
    }

    /** The first day of the quarter a day is in. */
    static LocalDate quarter(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /**
     * A petition's change: what it counted before ({@code before}, null when new) taken away, what it counts now
     * added, for the hamlet's unit of today and the units above it.
     */
    static void change(Connection c, long hamletId, LocalDate receivedOn, String field, Standing before,
            Standing after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT cu.path FROM admin_unit h"
                + " JOIN admin_unit cu ON cu.id = h.current_unit_id WHERE h.id = ?")) {
            s.setLong(1, hamletId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no unit " + hamletId);
                }
                Map<List<Object>, int[]> counts = new TreeMap<>(ORDER);
                Map<List<Object>, int[]> days = new TreeMap<>(ORDER);
                List<Long> units = ProgressDelta.units(r.getString(1));
                if (before != null) {
                    add(counts, days, units, receivedOn, field, before, -1);
                }
                add(counts, days, units, receivedOn, field, after, 1);
                SummaryRows.counters(c, COUNTS.name(), COUNTS.key(), COUNTS.counters(), counts);
                SummaryRows.counters(c, DAYS.name(), DAYS.key(), DAYS.counters(), days);
            }
        }
    }

    /** Adds what a petition counts, with this sign, under these units. */
    private static void add(Map<List<Object>, int[]> counts, Map<List<Object>, int[]> days, List<Long> units,
            LocalDate receivedOn, String field, Standing p, int sign) {
        Date quarter = Date.valueOf(quarter(receivedOn));
        Date year = Date.valueOf(receivedOn.withDayOfYear(1));
        Integer d = p.days(receivedOn);
        for (long unit : units) {
            plus(counts, List.of(unit, quarter, field), p.counts(), sign);
            plus(counts, List.of(unit, year, YEAR), p.counts(), sign);
            if (d != null) {
                plus(days, List.of(unit, quarter, d), new int[] {1}, sign);
            }
        }
    }

    private static void plus(Map<List<Object>, int[]> change, List<Object> key, int[] v, int sign) {
        int[] to = change.computeIfAbsent(key, x -> new int[v.length]);
        for (int i = 0; i < to.length; i++) {
            to[i] += sign * v[i];
        }
    }

    /** What counts under {@code unit} (its counters) stops counting under {@code leave} and starts under {@code join}. */
    static void carry(Connection c, long unit, Set<Long> leave, Set<Long> join) throws SQLException {
        for (Table t : List.of(COUNTS, DAYS)) {
            Map<List<Object>, int[]> change = new TreeMap<>(ORDER);
            try (PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", t.key().subList(1, 3)) + ", "
                    + String.join(", ", t.counters()) + " FROM " + t.name() + " WHERE unit_id = ?")) {
                s.setLong(1, unit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Object period = date(r.getObject(1));
                        Object second = r.getObject(2);
                        int[] v = values(r, 3, t.counters().size());
                        leave.forEach(u -> plus(change, List.of(u, period, second), v, -1));
                        join.forEach(u -> plus(change, List.of(u, period, second), v, 1));
                    }
                }
            }
            SummaryRows.counters(c, t.name(), t.key(), t.counters(), change);
        }
    }

    private static int[] values(ResultSet r, int first, int n) throws SQLException {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.getInt(first + i);
        }
        return v;
    }

    /** A day as every key holds it (a driver's DATE may carry another time of day). */
    private static Object date(Object value) {
        return value instanceof Date d ? Date.valueOf(d.toLocalDate()) : value;
    }

    /**
     * The recount: every petition counted from the records (one pass, its hamlet's unit of today joined), against
     * the counters kept; returns the rows that differ (of both tables), repaired when asked.
     */
    static int recount(Connection c, boolean repair) throws SQLException {
        Map<List<Object>, int[]> counts = new HashMap<>();
        Map<List<Object>, int[]> days = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cu.path, p.received_on, p.field, p.state,"
                + " CASE WHEN p.reopened_on IS NULL THEN 0 ELSE 1 END, CASE WHEN p.transferred_on IS NULL THEN 0 ELSE 1 END,"
                + " p.answered_on FROM petition p JOIN admin_unit h ON h.id = p.hamlet_id"
                + " JOIN admin_unit cu ON cu.id = h.current_unit_id")) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Date answered = r.getDate(7);
                    add(counts, days, ProgressDelta.units(r.getString(1)), r.getDate(2).toLocalDate(),
                            r.getString(3), new Standing(PetitionState.valueOf(r.getString(4)), r.getInt(5) == 1,
                                    r.getInt(6) == 1, answered == null ? null : answered.toLocalDate()), 1);
                }
            }
        }
        return compare(c, COUNTS, counts, repair) + compare(c, DAYS, days, repair);
    }

    /** The table's rows against those expected: the keys that differ, rewritten when asked. */
    private static int compare(Connection c, Table t, Map<List<Object>, int[]> expected, boolean repair)
            throws SQLException {
        expected.values().removeIf(v -> Arrays.stream(v).allMatch(n -> n == 0));
        Map<List<Object>, int[]> kept = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", t.key()) + ", "
                + String.join(", ", t.counters()) + " FROM " + t.name())) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kept.put(List.of(r.getLong(1), date(r.getObject(2)), r.getObject(3)),
                            values(r, 4, t.counters().size()));
                }
            }
        }
        Map<List<Object>, int[]> off = new TreeMap<>(ORDER);
        expected.forEach((k, v) -> {
            if (!Arrays.equals(v, kept.get(k))) {
                off.put(k, v);
            }
        });
        kept.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> off.put(k, null));
        if (repair) {
            List<Object[]> gone = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            off.forEach((k, v) -> {
                if (kept.containsKey(k)) {
                    gone.add(k.toArray());
                }
                if (v != null) {
                    List<Object> row = new ArrayList<>(k);
                    Arrays.stream(v).forEach(row::add);
                    rows.add(row.toArray());
                }
            });
            SummaryRows.batch(c, "DELETE FROM " + t.name() + " WHERE " + String.join(" = ? AND ", t.key()) + " = ?",
                    gone);
            SummaryRows.batch(c, "INSERT INTO " + t.name() + " (" + String.join(", ", t.key()) + ", "
                    + String.join(", ", t.counters()) + ") VALUES ("
                    + SummaryRows.marks(t.key().size() + t.counters().size()) + ")", rows);
        }
        return off.size();
    }
}
