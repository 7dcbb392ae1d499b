package vn.cadretraining.reporting.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.reporting.entity.ProgressDelta;
import vn.cadretraining.reporting.entity.ProgressDelta.CadreKey;
import vn.cadretraining.reporting.entity.ProgressDelta.Counted;
import vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey;
import vn.cadretraining.reporting.entity.ProgressDelta.TurnKey;

/**
 * Reading and writing the summary tables on the running transaction's connection, in batches: a change costs
 * a few statements whatever the number of rows it moves. Counters change relatively ({@code n = n + ?}), so that
 * two transactions changing one row (the province's) add up instead of one overwriting the other.
 */
final class SummaryRows {

    /** Ids per IN list: well under what every database takes in one statement. */
    static final int IN_AT_ONCE = 500;

    /**
     * The completions the counting rule keeps, with what the summaries need: cadre, today's unit's path, the
     * day the class ended, the subject group, the cadre's ethnicity and gender. {@code where} narrows them; its
     * parameters come after those {@link #bindCompletions} sets.
     */
    static String completions(String where) {
        return completionsOfAnyKind(" AND c.kind <> ? AND c.kind <> ?" + where);
    }

    static void bindCompletions(PreparedStatement s) throws SQLException {
        bindOutcome(s);
        s.setString(3, ActivityKind.PERIODIC_BRIEFING.name());
        s.setString(4, ActivityKind.THEMATIC_BRIEFING.name());
    }

    /** As {@link #completions}, briefings' included (a course that was not a briefing may have become one). */
    static String completionsOfAnyKind(String where) {
        return "SELECT e.cadre_id, cu.path, k.end_date, c.subject_group_id, d.ethnicity_code, d.gender"
                + " FROM enrollment e JOIN course_class k ON k.id = e.class_id JOIN course c ON c.id = k.course_id"
                + " JOIN admin_unit eu ON eu.id = e.unit_id JOIN admin_unit cu ON cu.id = eu.current_unit_id"
                + " JOIN cadre d ON d.id = e.cadre_id"
                + " WHERE e.outcome = ? AND e.status = ?" + where;
    }

    /** The parameters of {@link #completionsOfAnyKind}'s own conditions (1 and 2). */
    static void bindOutcome(PreparedStatement s) throws SQLException {
        s.setString(1, Outcome.COMPLETED.name());
        s.setString(2, EnrollmentStatus.ENROLLED.name());
    }

    /** Adds each completion of the result set (as {@link #completions}) to the change, with this sign. */
    static void addCompletions(ResultSet r, ProgressDelta delta, int sign) throws SQLException {
        addCompletions(r, delta, sign, null);
    }

    /** As {@link #addCompletions(ResultSet, ProgressDelta, int)}, counted in this subject group if not null. */
    static void addCompletions(ResultSet r, ProgressDelta delta, int sign, Long group) throws SQLException {
        while (r.next()) {
            delta.completion(r.getLong(1), r.getString(2), r.getDate(3).toLocalDate(),
                    group == null ? r.getLong(4) : group, ProgressDelta.ethnicity(r.getString(5)), r.getString(6),
                    sign);
        }
    }

    private SummaryRows() {
    }

    /** The rows of {@code progress_cadre} of these cadres (every year and unit). */
    static Map<CadreKey, Counted> cadreRows(Connection c, Collection<Long> cadreIds) throws SQLException {
        Map<CadreKey, Counted> rows = new HashMap<>();
        List<Long> ids = new ArrayList<>(cadreIds);
        for (int i = 0; i < ids.size(); i += IN_AT_ONCE) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + IN_AT_ONCE));
            try (PreparedStatement s = c.prepareStatement("SELECT cadre_id, year_no, unit_id, turns, ethnicity_code,"
                    + " gender FROM progress_cadre WHERE cadre_id IN (" + marks(part.size()) + ")")) {
                for (int j = 0; j < part.size(); j++) {
                    s.setLong(j + 1, part.get(j));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.put(new CadreKey(r.getLong(1), r.getInt(2), r.getLong(3)),
                                new Counted(r.getInt(4), r.getString(5), r.getString(6)));
                    }
                }
            }
        }
        return rows;
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Taken first by every change of the summaries (and by the recount), held to the commit. A key seen for the
     * first time is inserted after an UPDATE found no row: two transactions doing so for one key at once would
     * both insert, and the second would fail on the primary key, rolling back a trainer's closing. Serialised
     * by this one lock, each change sees the rows the one before it committed; plain reads go on (PostgreSQL).
     * A closing takes it after its own writes (a class's row, the certificate counter, the outcomes); a change of
     * positions or units before its first write (the title holders' count before the change must not be
     * overtaken). On Derby, whose reads wait for rows another transaction changed, two such changes of the same
     * cadres at the same moment can deadlock: Derby then rolls one back whole, which the user is told to try again.
     * Portable: Derby and PostgreSQL both take this statement (PostgreSQL's ON CONFLICT has no Derby equivalent).
     */
    static void serialize(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE progress_cadre IN EXCLUSIVE MODE");
        }
    }

    /** Writes a change: the cadre rows against those standing, the counters that follow, the turns. */
    static void apply(Connection c, ProgressDelta delta) throws SQLException {
        if (delta.isEmpty()) {
            return;
        }
        if (!delta.cadres().isEmpty()) {
            ProgressDelta.Plan plan = delta.plan(cadreRows(c, delta.cadreIds()));
            List<Object[]> rows = new ArrayList<>();
            plan.inserts().forEach((k, v) -> rows.add(new Object[] {k.cadreId(), k.year(), k.unitId(), v.turns(),
                    v.ethnicity(), v.gender()}));
            batch(c, "INSERT INTO progress_cadre (cadre_id, year_no, unit_id, turns, ethnicity_code, gender)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", rows);
            rows.clear();
            plan.updates().forEach((k, n) -> rows.add(new Object[] {n, k.cadreId(), k.year(), k.unitId()}));
            batch(c, "UPDATE progress_cadre SET turns = turns + ? WHERE cadre_id = ? AND year_no = ? AND unit_id = ?",
                    rows);
            rows.clear();
            plan.deletes().forEach(k -> rows.add(new Object[] {k.cadreId(), k.year(), k.unitId()}));
            batch(c, "DELETE FROM progress_cadre WHERE cadre_id = ? AND year_no = ? AND unit_id = ?", rows);
            people(c, plan.people());
        }
        turns(c, delta.turns());
    }

    /** Adds to the (unit, year, ethnicity, gender) counters; a counter back to nothing goes. */
    static void people(Connection c, Map<PeopleKey, int[]> people) throws SQLException {
        if (people.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<PeopleKey> keys = new ArrayList<>(people.keySet());
        keys.forEach(k -> rows.add(new Object[] {people.get(k)[0], people.get(k)[1], k.unitId(), k.year(),
                k.ethnicity(), k.gender()}));
        int[] counts = updated(c, "UPDATE progress_people SET turns = turns + ?, cadres = cadres + ?"
                + " WHERE unit_id = ? AND year_no = ? AND ethnicity_code = ? AND gender = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> gone = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            PeopleKey k = keys.get(i);
            int[] v = people.get(k);
            if (counts[i] == 0 && (v[0] > 0 || v[1] > 0)) {
                inserts.add(new Object[] {k.unitId(), k.year(), k.ethnicity(), k.gender(), v[0], v[1]});
            } else if (v[0] < 0 || v[1] < 0) {
                gone.add(new Object[] {k.unitId(), k.year(), k.ethnicity(), k.gender()});
            }
        }
        batch(c, "INSERT INTO progress_people (unit_id, year_no, ethnicity_code, gender, turns, cadres)"
                + " VALUES (?, ?, ?, ?, ?, ?)", inserts);
        batch(c, "DELETE FROM progress_people WHERE unit_id = ? AND year_no = ? AND ethnicity_code = ? AND gender = ?"
                + " AND turns <= 0 AND cadres <= 0", gone);
        // and their sums by unit and year (V22), in the same order
        Map<List<Object>, int[]> totals = new LinkedHashMap<>();
        keys.forEach(k -> {
            int[] sum = totals.computeIfAbsent(List.of(k.unitId(), k.year()), x -> new int[2]);
            sum[0] += people.get(k)[0];
            sum[1] += people.get(k)[1];
        });
        counters(c, "progress_unit_year", List.of("unit_id", "year_no"), List.of("turns", "cadres"), totals);
    }

    /** Adds to the (unit, day, subject group) counters; a counter back to nothing goes. */
    static void turns(Connection c, Map<TurnKey, Integer> turns) throws SQLException {
        if (turns.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<TurnKey> keys = new ArrayList<>(turns.keySet());
        keys.forEach(k -> rows.add(new Object[] {turns.get(k), k.unitId(), Date.valueOf(k.day()), k.groupId()}));
        int[] counts = updated(c, "UPDATE progress_turns SET turns = turns + ?"
                + " WHERE unit_id = ? AND end_date = ? AND subject_group_id = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> gone = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            TurnKey k = keys.get(i);
            int n = turns.get(k);
            if (counts[i] == 0 && n > 0) {
                inserts.add(new Object[] {k.unitId(), Date.valueOf(k.day()), k.groupId(), n});
            } else if (n < 0) {
                gone.add(new Object[] {k.unitId(), Date.valueOf(k.day()), k.groupId()});
            }
        }
        batch(c, "INSERT INTO progress_turns (unit_id, end_date, subject_group_id, turns) VALUES (?, ?, ?, ?)",
                inserts);
        batch(c, "DELETE FROM progress_turns WHERE unit_id = ? AND end_date = ? AND subject_group_id = ?"
                + " AND turns <= 0", gone);
    }

    /**
     * Adds to plain counters ({@code table}: the key's columns, then the counters'), in the change's order (a fixed
     * one, so that two changes wait for each other rather than deadlock): a key seen for the first time inserted,
     * one back to nothing deleted. A key is its columns' values; a change, what each counter gains.
     */
    static void counters(Connection c, String table, List<String> keyColumns, List<String> counterColumns,
            Map<List<Object>, int[]> change) throws SQLException {
        List<List<Object>> keys = new ArrayList<>();
        change.forEach((k, v) -> {
            if (Arrays.stream(v).anyMatch(n -> n != 0)) {
                keys.add(k);
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        String where = " WHERE " + String.join(" = ? AND ", keyColumns) + " = ?";
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> k : keys) {
            List<Object> row = new ArrayList<>();
            Arrays.stream(change.get(k)).forEach(row::add);
            row.addAll(k);
            rows.add(row.toArray());
        }
        int[] counts = updated(c, "UPDATE " + table + " SET " + counterColumns.stream().map(n -> n + " = " + n + " + ?")
                .collect(Collectors.joining(", ")) + where, rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> gone = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int[] v = change.get(keys.get(i));
            if (counts[i] == 0 && Arrays.stream(v).anyMatch(n -> n > 0)) {
                List<Object> row = new ArrayList<>(keys.get(i));
                Arrays.stream(v).forEach(row::add);
                inserts.add(row.toArray());
            } else if (Arrays.stream(v).anyMatch(n -> n < 0)) {
                gone.add(keys.get(i).toArray());
            }
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(counterColumns);
        batch(c, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + marks(columns.size()) + ")", inserts);
        if (!inserts.isEmpty() && BY_PARENT.contains(table)) {
            parents(c, table);
        }
        batch(c, "DELETE FROM " + table + where + " AND " + String.join(" <= 0 AND ", counterColumns) + " <= 0", gone);
    }

    /**
     * The summary tables whose rows also carry their unit's parent today (V23), by which the tables of the units
     * under a unit read them ({@link ProgressSql#byChild} and the like).
     */
    static final List<String> BY_PARENT = List.of("progress_unit_year", "progress_holders", "progress_briefings",
            "progress_petitions");

    /** The parent today of the unit of a row of {@code table} (0 for a unit without one). */
    private static String parentOf(String table) {
        return "(SELECT COALESCE(u.parent_id, 0) FROM admin_unit u WHERE u.id = " + table + ".unit_id)";
    }

    /**
     * Gives the rows of {@code table} inserted in this transaction their unit's parent: every INSERT into a table
     * of {@link #BY_PARENT} leaves it empty for this one statement to fill (through the parent's index, whose
     * empty entries come first), so that no writer needs to know it. A new INSERT that forgot it would leave rows
     * the tables of units do not see: the recount counts them as differences ({@link #wrongParents}).
     */
    static void parents(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + table + " SET parent_id = " + parentOf(table) + " WHERE parent_id IS NULL");
        }
    }

    /** A unit moved under another parent: its rows say so. */
    static void moved(Connection c, long unitId) throws SQLException {
        for (String table : BY_PARENT) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET parent_id = " + parentOf(table)
                    + " WHERE unit_id = ?")) {
                s.setLong(1, unitId);
                s.executeUpdate();
            }
        }
    }

    /**
     * The rows of each table of {@link #BY_PARENT} (in its order) whose parent is not their unit's today, given the
     * right one if {@code repair}: none unless something wrote the rows behind the summaries' back.
     */
    static int[] wrongParents(Connection c, boolean repair) throws SQLException {
        int[] wrong = new int[BY_PARENT.size()];
        for (int i = 0; i < wrong.length; i++) {
            String table = BY_PARENT.get(i);
            String where = " WHERE COALESCE(parent_id, -1) <> COALESCE(" + parentOf(table) + ", -1)";
            try (Statement s = c.createStatement()) {
                if (repair) {
                    wrong[i] = s.executeUpdate("UPDATE " + table + " SET parent_id = " + parentOf(table) + where);
                } else {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table + where)) {
                        r.next();
                        wrong[i] = r.getInt(1);
                    }
                }
            }
        }
        return wrong;
    }

    /**
     * One statement for all the rows. What the driver says each changed is not looked at: PostgreSQL's driver,
     * rewriting batched INSERTs into one (reWriteBatchedInserts, the bench's data generator), says nothing.
     */
    static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        execute(c, sql, rows);
    }

    /**
     * An UPDATE for all the rows; the rows each changed, in order (0 when none matched), which the driver gives
     * for UPDATEs (it rewrites only INSERTs).
     */
    static int[] updated(Connection c, String sql, List<Object[]> rows) throws SQLException {
        int[] counts = execute(c, sql, rows);
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO) {
                throw new SQLException("the driver did not say how many rows each UPDATE changed");
            }
        }
        return counts;
    }

    private static int[] execute(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.addBatch();
            }
            return s.executeBatch();
        }
    }
}
