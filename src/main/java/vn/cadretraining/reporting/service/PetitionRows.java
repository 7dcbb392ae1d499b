package vn.cadretraining.reporting.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The petitions' kept counts ({@code progress_petitions}; see the package's notes) on the transaction's connection.
 * A petition recorded or moved a step moves the difference of what it counts into the counters of the year it was
 * received, for its hamlet's unit of today and every unit above it. Its hamlet and its day of receipt never change;
 * merges and moves of units carry the counters.
 */
final class PetitionRows {

    private static final String TABLE = "progress_petitions";
    private static final List<String> KEY = List.of("unit_id", "year_no");
    private static final List<String> COUNTERS = List.of("received", "resolved", "satisfied", "ruled", "sent_up");
    /** Keys (unit, year) in one order for every change, so that two changes wait for each other. */
    private static final Comparator<List<Object>> ORDER = Comparator.<List<Object>>comparingLong(k -> (Long) k.get(0))
            .thenComparingInt(k -> (Integer) k.get(1));

    /** Whether there are petitions to count (the first start after the table appeared). */
    static final String ANY = "SELECT 1 FROM petition";

    private PetitionRows() {
    }

    /**
     * What a petition counts by the dashboard's rule ({@link PetitionSql}): received, resolved (answered), satisfied
     * (confirmed), ruled on (confirmed, or reopened once), sent up to the province.
     */
    static int[] counts(PetitionState state, boolean reopened, boolean transferred) {
        boolean confirmed = state == PetitionState.CONFIRMED;
        return new int[] {1, state.isAnswered() ? 1 : 0, confirmed ? 1 : 0, confirmed || reopened ? 1 : 0,
            transferred ? 1 : 0};
    }

    /** Adds {@code change} to the counters of the year for the hamlet's unit of today and the units above it. */
    static void add(Connection c, long hamletId, int year, int[] change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT cu.path FROM admin_unit h"
                + " JOIN admin_unit cu ON cu.id = h.current_unit_id WHERE h.id = ?")) {
            s.setLong(1, hamletId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no unit " + hamletId);
                }
                Map<List<Object>, int[]> rows = new TreeMap<>(ORDER);
                for (long unit : ProgressDelta.units(r.getString(1))) {
                    rows.put(List.of(unit, year), change);
                }
                SummaryRows.counters(c, TABLE, KEY, COUNTERS, rows);
            }
        }
    }

    /** What counts under {@code unit} (its counters) stops counting under {@code leave} and starts under {@code join}. */
    static void carry(Connection c, long unit, Set<Long> leave, Set<Long> join) throws SQLException {
        Map<List<Object>, int[]> change = new TreeMap<>(ORDER);
        for (Map.Entry<Integer, int[]> row : kept(c, unit).entrySet()) {
            for (long u : leave) {
                plus(change, List.of(u, row.getKey()), row.getValue(), -1);
            }
            for (long u : join) {
                plus(change, List.of(u, row.getKey()), row.getValue(), 1);
            }
        }
        SummaryRows.counters(c, TABLE, KEY, COUNTERS, change);
    }

    private static Map<Integer, int[]> kept(Connection c, long unit) throws SQLException {
        Map<Integer, int[]> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT year_no, " + String.join(", ", COUNTERS)
                + " FROM " + TABLE + " WHERE unit_id = ?")) {
            s.setLong(1, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getInt(1), values(r, 2));
                }
            }
        }
        return rows;
    }

    private static int[] values(ResultSet r, int first) throws SQLException {
        int[] v = new int[COUNTERS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.getInt(first + i);
        }
        return v;
    }

    private static void plus(Map<List<Object>, int[]> change, List<Object> key, int[] v, int sign) {
        int[] to = change.computeIfAbsent(key, x -> new int[COUNTERS.size()]);
        for (int i = 0; i < to.length; i++) {
            to[i] += sign * v[i];
        }
    }

    /**
     * The recount: every petition counted from the records (one pass, its hamlet's unit of today joined), against
     * the counters kept; returns the counters that differ, repaired when asked.
     */
    static int recount(Connection c, boolean repair) throws SQLException {
        Map<List<Object>, int[]> expected = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cu.path, p.received_on, p.state,"
                + " CASE WHEN p.reopened_on IS NULL THEN 0 ELSE 1 END, CASE WHEN p.transferred_on IS NULL THEN 0 ELSE 1 END"
                + " FROM petition p JOIN admin_unit h ON h.id = p.hamlet_id JOIN admin_unit cu ON cu.id = h.current_unit_id")) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int year = r.getDate(2).toLocalDate().getYear();
                    int[] v = counts(PetitionState.valueOf(r.getString(3)), r.getInt(4) == 1, r.getInt(5) == 1);
                    for (long unit : ProgressDelta.units(r.getString(1))) {
                        plus(expected, List.of(unit, year), v, 1);
                    }
                }
            }
        }
        Map<List<Object>, int[]> kept = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id, year_no, " + String.join(", ", COUNTERS)
                + " FROM " + TABLE)) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kept.put(List.of(r.getLong(1), r.getInt(2)), values(r, 3));
                }
            }
        }
        List<Object[]> gone = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Map<List<Object>, int[]> off = new TreeMap<>(ORDER);
        expected.forEach((k, v) -> {
            if (!Arrays.equals(v, kept.get(k))) {
                off.put(k, v);
            }
        });
        kept.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> off.put(k, null));
        if (repair) {
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
            SummaryRows.batch(c, "DELETE FROM " + TABLE + " WHERE unit_id = ? AND year_no = ?", gone);
            SummaryRows.batch(c, "INSERT INTO " + TABLE + " (unit_id, year_no, " + String.join(", ", COUNTERS)
                    + ") VALUES (" + SummaryRows.marks(KEY.size() + COUNTERS.size()) + ")", rows);
        }
        return off.size();
    }
}
