package vn.cadretraining.reporting.service;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import vn.cadretraining.reporting.entity.HolderSpans;
import vn.cadretraining.reporting.entity.ProgressDelta;
import vn.cadretraining.reporting.entity.ProgressDelta.CadreKey;
import vn.cadretraining.reporting.entity.ProgressDelta.Counted;
import vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey;
import vn.cadretraining.reporting.entity.ProgressDelta.TurnKey;

/**
 * The recount of the progress summaries on a plain connection: from the application ({@link ProgressRecount}),
 * the demo generator (whose records are written without the services) and the operator's command
 * ({@code setup/recount}, {@link #main}). The summary tables are locked first (shared to check, exclusive to
 * repair), so that a class closed meanwhile waits and then adds its own change to what the recount wrote.
 * Nothing here needs the server: no Jakarta class is used.
 */
public final class Recounter {

    private static final Logger LOG = Logger.getLogger(Recounter.class.getName());

    private Recounter() {
    }

    /** Rows that differ from the recount, by table; repaired or only found. */
    public record Report(int turns, int cadres, int people, int holders, int briefings, int petitions,
            boolean repaired, long millis) implements Serializable {
        public int differences() {
            return turns + cadres + people + holders + briefings + petitions;
        }
    }

    /** The recount on a connection (the caller commits). */
    public static Report run(Connection c, boolean repair) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            // Derby's reads wait for rows another transaction changed: a closing that wrote its outcomes and then
            // waits for the summaries would deadlock with a recount holding them and reading those outcomes. The
            // records' tables are taken first, in the order the changes take them, so a recount waits for a change
            // under way and holds back the next. PostgreSQL reads what was committed without waiting. A class before
            // its sessions and marks: an attendance save locks the class, then writes the marks
            if (c.getMetaData().getDatabaseProductName().contains("Derby")) {
                for (String table : List.of("course", "course_class", "class_session", "attendance_mark",
                        "enrollment", "admin_unit", "cadre", "position_title", "position", "petition")) {
                    s.execute("LOCK TABLE " + table + " IN SHARE MODE");
                }
            }
            // progress_cadre first, as every change of the summaries (SummaryRows.serialize), then in the order
            // the changes write: a change never holds one of these while waiting for another the recount holds
            for (String table : List.of("progress_cadre", "progress_people", "progress_unit_year", "progress_turns",
                    "progress_holders", "progress_briefing_class", "progress_briefings", "progress_petitions",
                    "progress_petition_days")) {
                s.execute("LOCK TABLE " + table + " IN " + (repair ? "EXCLUSIVE" : "SHARE") + " MODE");
            }
        }
        // the rows' parents first: the rows the repairs below insert get theirs at the end
        int[] parents = SummaryRows.wrongParents(c, repair);
        // one year at a time (the completions in the order of their day), so that the keys held in memory are
        // those of a year, not of every year
        int[] off = new int[3];
        Set<Integer> counted = new HashSet<>();
        ProgressDelta expected = new ProgressDelta();
        Integer year = null;
        try (PreparedStatement s = c.prepareStatement(SummaryRows.completions("") + " ORDER BY k.end_date")) {
            s.setFetchSize(1_000);
            SummaryRows.bindCompletions(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDate day = r.getDate(3).toLocalDate();
                    if (year != null && day.getYear() != year) {
                        year(c, year, expected, repair, off);
                        counted.add(year);
                        expected = new ProgressDelta();
                    }
                    year = day.getYear();
                    expected.completion(r.getLong(1), r.getString(2), day, r.getLong(4),
                            ProgressDelta.ethnicity(r.getString(5)), r.getString(6), 1);
                }
            }
        }
        if (year != null) {
            year(c, year, expected, repair, off);
            counted.add(year);
        }
        // the years kept that no completion backs any more
        for (int kept : keptYears(c)) {
            if (!counted.contains(kept)) {
                year(c, kept, new ProgressDelta(), repair, off);
            }
        }
        int holders = holders(c, repair);
        int briefings = BriefingRows.recount(c, repair);
        int petitions = PetitionRows.recount(c, repair);
        if (repair) {
            for (String table : SummaryRows.BY_PARENT) {
                SummaryRows.parents(c, table);
            }
        }
        // a row with the wrong parent is a row that differs, counted with its table (the unit-year rows with the
        // people's pairs they sum)
        Report report = new Report(off[0], off[1], off[2] + parents[0], holders + parents[1], briefings + parents[2],
                petitions + parents[3], repair, (System.nanoTime() - started) / 1_000_000);
        LOG.info(() -> "Progress recount: " + report);
        return report;
    }

    /** One year's rows against the completions of that year; the rows that differ added to {@code off}. */
    private static void year(Connection c, int year, ProgressDelta expected, boolean repair, int[] off)
            throws SQLException {
        Map<TurnKey, Integer> turns = expected.turns();
        Map<CadreKey, Counted> cadres = expected.cadres();
        Map<PeopleKey, List<Integer>> people = new HashMap<>();
        cadres.forEach((k, v) -> people.merge(new PeopleKey(k.unitId(), k.year(), v.ethnicity(), v.gender()),
                List.of(v.turns(), 1), (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1))));

        Map<TurnKey, Integer> keptTurns = new HashMap<>();
        Map<CadreKey, Counted> keptCadres = new HashMap<>();
        Map<PeopleKey, List<Integer>> keptPeople = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id, end_date, subject_group_id, turns"
                + " FROM progress_turns WHERE end_date >= ? AND end_date < ?")) {
            s.setFetchSize(1_000);
            s.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
            s.setDate(2, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keptTurns.put(new TurnKey(r.getLong(1), r.getDate(2).toLocalDate(), r.getLong(3)), r.getInt(4));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT cadre_id, year_no, unit_id, turns, ethnicity_code,"
                + " gender FROM progress_cadre WHERE year_no = ?")) {
            s.setFetchSize(1_000);
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keptCadres.put(new CadreKey(r.getLong(1), r.getInt(2), r.getLong(3)),
                            new Counted(r.getInt(4), r.getString(5), r.getString(6)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id, year_no, ethnicity_code, gender, turns,"
                + " cadres FROM progress_people WHERE year_no = ?")) {
            s.setFetchSize(1_000);
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keptPeople.put(new PeopleKey(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4)),
                            List.of(r.getInt(5), r.getInt(6)));
                }
            }
        }
        // the people's sums by unit (V22)
        Map<Long, List<Integer>> units = new HashMap<>();
        people.forEach((k, v) -> units.merge(k.unitId(), v, (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1))));
        Map<Long, List<Integer>> keptUnits = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id, turns, cadres FROM progress_unit_year"
                + " WHERE year_no = ?")) {
            s.setFetchSize(1_000);
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keptUnits.put(r.getLong(1), List.of(r.getInt(2), r.getInt(3)));
                }
            }
        }
        Set<TurnKey> turnsOff = differing(turns, keptTurns);
        Set<CadreKey> cadresOff = differing(cadres, keptCadres);
        Set<PeopleKey> peopleOff = differing(people, keptPeople);
        Set<Long> unitsOff = differing(units, keptUnits);
        if (repair) {
            List<Object[]> gone = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (TurnKey k : turnsOff) {
                gone.add(new Object[] {k.unitId(), Date.valueOf(k.day()), k.groupId()});
                if (turns.containsKey(k)) {
                    rows.add(new Object[] {k.unitId(), Date.valueOf(k.day()), k.groupId(), turns.get(k)});
                }
            }
            SummaryRows.batch(c, "DELETE FROM progress_turns WHERE unit_id = ? AND end_date = ? AND subject_group_id = ?",
                    gone);
            SummaryRows.batch(c, "INSERT INTO progress_turns (unit_id, end_date, subject_group_id, turns)"
                    + " VALUES (?, ?, ?, ?)", rows);
            gone.clear();
            rows.clear();
            for (CadreKey k : cadresOff) {
                gone.add(new Object[] {k.cadreId(), k.year(), k.unitId()});
                Counted v = cadres.get(k);
                if (v != null) {
                    rows.add(new Object[] {k.cadreId(), k.year(), k.unitId(), v.turns(), v.ethnicity(), v.gender()});
                }
            }
            SummaryRows.batch(c, "DELETE FROM progress_cadre WHERE cadre_id = ? AND year_no = ? AND unit_id = ?", gone);
            SummaryRows.batch(c, "INSERT INTO progress_cadre (cadre_id, year_no, unit_id, turns, ethnicity_code,"
                    + " gender) VALUES (?, ?, ?, ?, ?, ?)", rows);
            gone.clear();
            rows.clear();
            for (PeopleKey k : peopleOff) {
                gone.add(new Object[] {k.unitId(), k.year(), k.ethnicity(), k.gender()});
                List<Integer> v = people.get(k);
                if (v != null) {
                    rows.add(new Object[] {k.unitId(), k.year(), k.ethnicity(), k.gender(), v.get(0), v.get(1)});
                }
            }
            SummaryRows.batch(c, "DELETE FROM progress_people WHERE unit_id = ? AND year_no = ? AND ethnicity_code = ?"
                    + " AND gender = ?", gone);
            SummaryRows.batch(c, "INSERT INTO progress_people (unit_id, year_no, ethnicity_code, gender, turns, cadres)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", rows);
            gone.clear();
            rows.clear();
            for (long unit : unitsOff) {
                gone.add(new Object[] {unit, year});
                List<Integer> v = units.get(unit);
                if (v != null) {
                    rows.add(new Object[] {unit, year, v.get(0), v.get(1)});
                }
            }
            SummaryRows.batch(c, "DELETE FROM progress_unit_year WHERE unit_id = ? AND year_no = ?", gone);
            SummaryRows.batch(c, "INSERT INTO progress_unit_year (unit_id, year_no, turns, cadres) VALUES (?, ?, ?, ?)",
                    rows);
        }
        off[0] += turnsOff.size();
        off[1] += cadresOff.size();
        off[2] += peopleOff.size() + unitsOff.size();
    }

    /**
     * The title holders' rows against the records, cadre by cadre (positions and completions read side by side in
     * the order of the cadres); returns the rows that differ, repaired when asked.
     */
    private static int holders(Connection c, boolean repair) throws SQLException {
        LongIntCounts expected = new LongIntCounts();
        HolderSpans.Sink sink = expected::add;
        try (PreparedStatement ps = c.prepareStatement(HolderRows.POSITIONS + " ORDER BY p.cadre_id");
                PreparedStatement cs = c.prepareStatement(HolderRows.COMPLETIONS + " ORDER BY e.cadre_id")) {
            ps.setFetchSize(1_000);
            cs.setFetchSize(1_000);
            SummaryRows.bindOutcome(cs);
            try (ResultSet p = ps.executeQuery(); ResultSet d = cs.executeQuery()) {
                boolean more = p.next();
                boolean moreDone = d.next();
                while (more) {
                    long cadre = p.getLong(1);
                    List<HolderSpans.Held> held = new ArrayList<>();
                    while (more && p.getLong(1) == cadre) {
                        held.add(HolderRows.held(p));
                        more = p.next();
                    }
                    List<LocalDate> done = new ArrayList<>();
                    while (moreDone && d.getLong(1) <= cadre) {
                        if (d.getLong(1) == cadre) {
                            HolderRows.Done x = HolderRows.done(d);
                            if (HolderRows.COUNTED.test(x)) {
                                done.add(x.day());
                            }
                        }
                        moreDone = d.next();
                    }
                    HolderSpans.add(held, done, 1, sink);
                }
            }
        }
        // the rows kept: those equal to the count leave it; those that differ are deleted, and written again from
        // what is left of the count with those it has and the table does not
        List<Object[]> gone = new ArrayList<>();
        LongIntCounts changed = new LongIntCounts();
        int[] off = new int[1];
        try (PreparedStatement s = c.prepareStatement(
                "SELECT unit_id, title_id, measure, from_day, n FROM progress_holders")) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long key = HolderSpans.key(r.getLong(1), r.getLong(2), r.getInt(3), r.getDate(4).toLocalDate());
                    int n = expected.take(key);
                    if (n != r.getInt(5)) {
                        off[0]++;
                        gone.add(HolderRows.with(null, key));
                        changed.add(key, n);
                    }
                }
            }
        }
        expected.forEach((k, n) -> {
            if (n != 0) {
                off[0]++;
            }
        });
        if (repair) {
            SummaryRows.batch(c, "DELETE FROM progress_holders WHERE unit_id = ? AND title_id = ? AND measure = ?"
                    + " AND from_day = ?", gone);
            List<Object[]> rows = new ArrayList<>();
            SQLException[] failed = new SQLException[1];
            LongIntCounts.Entry insert = (k, n) -> {
                if (n != 0 && failed[0] == null) {
                    rows.add(HolderRows.row(k, n));
                    if (rows.size() == 10_000) {
                        failed[0] = insertHolders(c, rows);
                    }
                }
            };
            changed.forEach(insert);
            expected.forEach(insert);
            if (failed[0] == null) {
                failed[0] = insertHolders(c, rows);
            }
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return off[0];
    }

    private static SQLException insertHolders(Connection c, List<Object[]> rows) {
        try {
            SummaryRows.batch(c, "INSERT INTO progress_holders (unit_id, title_id, measure, from_day, n)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
            rows.clear();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** The years of which a summary row is kept. */
    private static Set<Integer> keptYears(Connection c) throws SQLException {
        Set<Integer> years = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            for (String table : List.of("progress_cadre", "progress_people", "progress_unit_year")) {
                try (ResultSet r = s.executeQuery("SELECT MIN(year_no), MAX(year_no) FROM " + table)) {
                    if (r.next() && r.getObject(1) != null) {
                        for (int y = r.getInt(1); y <= r.getInt(2); y++) {
                            years.add(y);
                        }
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT MIN(end_date), MAX(end_date) FROM progress_turns")) {
                if (r.next() && r.getDate(1) != null) {
                    for (int y = r.getDate(1).toLocalDate().getYear(); y <= r.getDate(2).toLocalDate().getYear(); y++) {
                        years.add(y);
                    }
                }
            }
        }
        return years;
    }

    /** The keys whose values differ, or that only one side has. */
    private static <K, V> Set<K> differing(Map<K, V> expected, Map<K, V> kept) {
        Set<K> off = new HashSet<>();
        expected.forEach((k, v) -> {
            if (!Objects.equals(v, kept.get(k))) {
                off.add(k);
            }
        });
        kept.keySet().forEach(k -> {
            if (!expected.containsKey(k)) {
                off.add(k);
            }
        });
        return off;
    }

    /**
     * The operator's command ({@code setup/recount [--repair]}): on the database the server uses, by the same
     * settings (DB_CLASS, DB_SERVER, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD; Derby in APP_DATA_DIR, with the
     * server stopped). Exits 0 when nothing differs or all was repaired, 1 when differences were found, 3 when
     * the recount could not run (no database, a refused connection, an SQL error): told apart by a script.
     */
    public static void main(String[] args) {
        System.exit(command(List.of(args), System.getenv()));
    }

    static int command(List<String> args, Map<String, String> env) {
        boolean repair = args.contains("--repair");
        String name = env(env, "DB_NAME", "cadre").replaceFirst(";.*", "");
        String url;
        if (env(env, "DB_CLASS", "derby").toLowerCase().contains("postgres")) {
            String port = env(env, "DB_PORT", "");
            url = "jdbc:postgresql://" + env(env, "DB_SERVER", "localhost") + (port.isEmpty() ? "" : ":" + port)
                    + "/" + name;
        } else {
            url = "jdbc:derby:" + env(env, "APP_DATA_DIR", "data") + "/" + name;
        }
        Report report;
        try (Connection c = DriverManager.getConnection(url, env(env, "DB_USER", "app"),
                env(env, "DB_PASSWORD", "app"))) {
            c.setAutoCommit(false);
            report = run(c, repair);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            System.err.println("The recount could not run: " + e);
            return 3;
        } finally {
            if (url.startsWith("jdbc:derby:")) {
                try {
                    DriverManager.getConnection("jdbc:derby:;shutdown=true");
                } catch (SQLException expected) {
                    // Derby says it stopped by an exception
                }
            }
        }
        System.out.printf("Rows that differ from the records: %d turns, %d cadre-years, %d ethnicity/gender"
                + " counters, %d title-holder changes, %d briefing rows, %d petition rows (%d ms)%s%n", report.turns(),
                report.cadres(), report.people(), report.holders(), report.briefings(), report.petitions(),
                report.millis(),
                report.differences() == 0 ? "" : report.repaired() ? ": repaired" : ": run with --repair to repair");
        return report.differences() == 0 || report.repaired() ? 0 : 1;
    }

    private static String env(Map<String, String> env, String name, String otherwise) {
        String v = env.get(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
