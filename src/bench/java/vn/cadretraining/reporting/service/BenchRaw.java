package vn.cadretraining.reporting.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.cadretraining.reporting.entity.HolderSpans;

/**
 * The benchmark's references measured without the application ({@code setup/bench run} calls it with the server
 * stopped: embedded Derby allows one JVM): (1) the dashboard's raw SQL, the very statements {@link ProgressService}
 * runs, built by {@link ProgressSql} with the same arguments, plus its two small JPA reads as plain SQL, run one
 * after the other on one connection, for the province and for the commune of the coordinator; (2) raw batched
 * inserts of 10,000 cadres with a position each (500 per batch, one transaction, rolled back: the data stays as
 * generated), the floor for the roster import's rows per second. Before measuring, it removes what an earlier run
 * imported and purges the deleted rows ({@link #purge}), so that every run reads the data as generated.
 *
 * <p>Arguments: data folder, repetitions (or {@code clean}: only remove and purge). Writes {@code raw.properties}
 * there (milliseconds: median, p95), except when cleaning.
 */
public final class BenchRaw {

    /** Runs of each dashboard's SQL before measuring it, as setup/bench-single.py views each page (same settings). */
    static final int WARM_RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SINGLE_WARM_REQUESTS",
            "1000"));
    static final double WARM_SECONDS = Double.parseDouble(System.getenv().getOrDefault("BENCH_SINGLE_WARM_SECONDS",
            "90"));

    /** -Dbench.detail=true: each statement's time, to find the slow one. */
    static final boolean DETAIL = Boolean.getBoolean("bench.detail");

    private BenchRaw() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        // "clean" instead of a number: only put the data back as generated (between the load and the single pass)
        boolean cleanOnly = args.length > 1 && "clean".equals(args[1]);
        int reps = args.length > 1 && !cleanOnly ? Integer.parseInt(args[1]) : 20;
        System.setProperty("derby.system.home", dir.toString());
        System.setProperty("derby.stream.error.file", dir.resolve("derby-raw.log").toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("cadre");
        ds.setUser("app");
        ds.setPassword("app");
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            out.put("imported.removed", "" + removeImported(c));
            if (cleanOnly) {
                out.put("purge.ms", "" + purge(c));
                shutdown();
                out.forEach((k, v) -> System.out.println(k + " = " + v));
                return;
            }
            // raw batched inserts first: they are rolled back, which leaves deleted rows the purge then removes
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                int n = rawInserts(c, 10_000);
                long took = System.nanoTime() - t;
                c.rollback();
                out.put("insert.rowsPerSecond." + round, "" + Math.round(n / (took / 1e9)));
            }
            out.put("purge.ms", "" + purge(c));
            long province = one(c, "SELECT id FROM admin_unit WHERE parent_id IS NULL");
            long commune = one(c, "SELECT unit_id FROM account WHERE username = 'xa.halong'");
            // -Dbench.scopes=commune: one scope only (the province's SQL takes a minute at L)
            List<String> scopes = List.of(System.getProperty("bench.scopes", "province,commune").split(","));
            for (Object[] scope : new Object[][] {{"province", province, true}, {"commune", commune, false}}) {
                if (!scopes.contains((String) scope[0])) {
                    continue;
                }
                long id = (Long) scope[1];
                String path = string(c, "SELECT path FROM admin_unit WHERE id = " + id);
                // warmed as setup/bench-single.py warms each page before measuring it: the first runs (their median
                // kept), then runs until WARM_RUNS in all or WARM_SECONDS, then the measured ones
                List<Long> first = new ArrayList<>();
                List<Long> times = new ArrayList<>();
                long started = System.nanoTime();
                int runs = 0;
                while (runs < reps || runs < WARM_RUNS && System.nanoTime() - started < WARM_SECONDS * 1e9) {
                    long t = System.nanoTime();
                    out.put("dashboard." + scope[0] + ".rows", "" + dashboard(c, id, path, (Boolean) scope[2]));
                    if (runs++ < reps) {
                        first.add(System.nanoTime() - t);
                    }
                }
                for (int i = 0; i < reps; i++) {
                    long t = System.nanoTime();
                    dashboard(c, id, path, (Boolean) scope[2]);
                    times.add(System.nanoTime() - t);
                }
                c.commit();
                out.put("dashboard." + scope[0] + ".median.ms", ms(percentile(times, 50)));
                out.put("dashboard." + scope[0] + ".p95.ms", ms(percentile(times, 95)));
                out.put("dashboard." + scope[0] + ".first.median.ms", ms(percentile(first, 50)));
                out.put("dashboard." + scope[0] + ".warm.runs", "" + runs);
            }
        }
        shutdown();
        try (Writer w = Files.newBufferedWriter(dir.resolve("raw.properties"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : out.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        out.forEach((k, v) -> System.out.println(k + " = " + v));
    }

    private static void shutdown() throws SQLException {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException e) {
            if (!"XJ015".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Purges the rows deleted by {@link #removeImported} and by the rolled-back raw inserts from the tables they
     * touch and from those tables' indexes. Derby keeps a deleted row in its index pages until the space is needed:
     * after a few runs the commune the import writes to had 80,000 dead positions in its units' index, which every
     * statement reading that commune's positions stepped over (its dashboard's SQL went from 35 to 138 ms at S).
     * A province's real data is not deleted and re-imported by the tens of thousands; the benchmark's is. Returns
     * the milliseconds taken.
     */
    static long purge(Connection c) throws SQLException {
        long t = System.nanoTime();
        c.commit();
        for (String table : new String[] {"POSITION", "CADRE_SEARCH_TOKEN", "CADRE"}) {
            try (PreparedStatement p = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('APP', ?, 1)")) {
                p.setString(1, table);
                p.execute();
            }
            c.commit();
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    /**
     * Removes the cadres an earlier run's import added (codes "BN…", named "Đặng Thị Thử Tải …"), with their
     * positions and search words, so that every run measures the data as generated: four runs at S had grown
     * its roster from 11,840 to 51,840 cadres.
     */
    static int removeImported(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cadre"
                + " WHERE code LIKE 'BN%' AND full_name LIKE 'Đặng Thị Thử Tải %'")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        // the title holders they counted leave the kept counts with them
        java.util.Map<Long, Integer> holders = new java.util.HashMap<>();
        HolderRows.count(c, ids, HolderRows.COUNTED, null, holders);
        HolderRows.apply(c, holders);
        // by id, in batches (an IN subquery would be evaluated against every position)
        for (String sql : new String[] {"DELETE FROM position WHERE cadre_id = ?",
                "DELETE FROM cadre_search_token WHERE cadre_id = ?", "DELETE FROM cadre WHERE id = ?"}) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    p.setLong(1, ids.get(i));
                    p.addBatch();
                    if (i % 1000 == 999 || i == ids.size() - 1) {
                        p.executeBatch();
                    }
                }
            }
        }
        c.commit();
        return ids.size();
    }

    /**
     * Everything {@link ProgressService#page} reads, as SQL (the names of titles, subject groups and ethnic groups
     * left out); returns the rows read.
     */
    static long dashboard(Connection c, long scope, String path, boolean everything) throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int year = today.getYear();
        LocalDate yearFrom = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate lastFrom = yearFrom.minusYears(1);
        LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;
        long rows = 0;
        List<Long> children = new ArrayList<>();
        long started = System.nanoTime();
        try (PreparedStatement p = c.prepareStatement("SELECT id, version, code, name, kind, path FROM admin_unit"
                + " WHERE parent_id = ? AND valid_to IS NULL ORDER BY code")) {
            p.setLong(1, scope);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    children.add(rs.getLong(1));
                    rows++;
                }
            }
        }
        if (DETAIL) {
            System.out.printf("  %s children: %.1f ms%n", path, (System.nanoTime() - started) / 1e6);
        }
        List<LocalDate> bounds = PetitionProgress.quarters(year);
        Map<String, ProgressSql.Statement> statements = new LinkedHashMap<>();
        statements.put("targets", TargetValues.statement(scope, year, null));
        statements.put("byChild", ProgressSql.byChild(scope, year));
        statements.put("byPeople", ProgressSql.byPeople(scope, year));
        statements.put("byDayAndSubject", ProgressSql.byDayAndSubject(scope, lastFrom, yearEnd));
        statements.put("titleShares", everything ? ProgressSql.keptTitleShares(scope, asOf, HolderSpans.YEAR)
                : ProgressSql.titleShares(path, yearFrom, asOf, false));
        statements.put("briefings", ProgressSql.keptBriefingDays(scope, year, asOf));
        if (!children.isEmpty()) {
            statements.put("paidByChild", everything ? ProgressSql.keptPaidByChild(scope, asOf, HolderSpans.YEAR)
                    : ProgressSql.paidByChild(scope, path, yearFrom, asOf, false));
            statements.put("briefingsByChild", ProgressSql.keptBriefingsByChild(scope, year, asOf));
        }
        // the petitions, as PetitionProgress counts them: kept for a top unit, from the records under it
        if (everything) {
            statements.put("petitionsByField", PetitionSql.keptByField(scope, bounds.get(0), bounds.get(8)));
            statements.put("petitionsByChild", PetitionSql.keptByChild(scope, year));
            statements.put("petitionDays", PetitionSql.keptDays(scope, bounds.get(0), bounds.get(8)));
            statements.put("petitionsOpen", PetitionSql.openByChild(scope, path, bounds, today));
        } else {
            statements.put("petitionsByField", PetitionSql.byField(path, false, bounds, today));
            statements.put("petitionsByChild", PetitionSql.byChild(scope, path, false, bounds, today));
            statements.put("petitionDays", PetitionSql.durations(path, false, bounds));
            statements.put("petitionsOpen", PetitionSql.openNow(path, false, today));
        }
        for (Map.Entry<String, ProgressSql.Statement> s : statements.entrySet()) {
            long t = System.nanoTime();
            rows += run(c, s.getValue().sql(), s.getValue().values());
            if (DETAIL) {
                System.out.printf("  %s %s: %.1f ms%n", path, s.getKey(), (System.nanoTime() - t) / 1e6);
            }
        }
        return rows;
    }

    private static long run(Connection c, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                p.setObject(i + 1, values.get(i));
            }
            long n = 0;
            try (ResultSet rs = p.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    /** 10,000 cadres and their positions as the import writes them, in batches of 500, no commit. */
    static int rawInserts(Connection c, int n) throws SQLException {
        long unit = one(c, "SELECT MIN(u.id) FROM admin_unit u JOIN admin_unit w ON w.id = u.parent_id"
                + " WHERE w.name = 'Phường Hạ Long' AND u.valid_to IS NULL");
        String unitPath = string(c, "SELECT path FROM admin_unit WHERE id = " + unit);
        long title = one(c, "SELECT MIN(id) FROM position_title");
        long next = one(c, "SELECT MAX(id) FROM cadre") + 1_000_000;
        try (PreparedStatement cadre = c.prepareStatement("INSERT INTO cadre (id, version, code, full_name,"
                + " full_name_folded, name_sort, gender, birth_date, unit_id, unit_path, created_at, updated_at)"
                + " VALUES (?, 0, ?, ?, ?, ?, 'MALE', ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                PreparedStatement position = c.prepareStatement("INSERT INTO position (version, cadre_id, title_id,"
                        + " unit_id, start_date) VALUES (0, ?, ?, ?, ?)");
                PreparedStatement token = c.prepareStatement("INSERT INTO cadre_search_token (token, cadre_id)"
                        + " VALUES (?, ?)")) {
            for (int i = 0; i < n; i++) {
                long id = next + i;
                cadre.setLong(1, id);
                cadre.setString(2, "RAW" + i);
                cadre.setString(3, "Đặng Văn Thô " + i);
                cadre.setString(4, "dang van tho " + i);
                cadre.setString(5, "tho dang van " + i);
                cadre.setDate(6, java.sql.Date.valueOf(LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28)));
                cadre.setLong(7, unit);
                cadre.setString(8, unitPath);
                cadre.addBatch();
                position.setLong(1, id);
                position.setLong(2, title);
                position.setLong(3, unit);
                position.setDate(4, java.sql.Date.valueOf(LocalDate.of(2025, 7, 1)));
                position.addBatch();
                // the folded name's words, as the import writes them for the roster search
                for (String word : new String[] {"dang", "van", "tho", "" + i}) {
                    token.setString(1, word);
                    token.setLong(2, id);
                    token.addBatch();
                }
                if ((i + 1) % 500 == 0) {
                    cadre.executeBatch();
                    position.executeBatch();
                    token.executeBatch();
                }
            }
            cadre.executeBatch();
            position.executeBatch();
            token.executeBatch();
        }
        return n;
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long percentile(List<Long> values, int p) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
