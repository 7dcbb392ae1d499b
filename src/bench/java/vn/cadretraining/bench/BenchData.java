package vn.cadretraining.bench;

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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.people.service.transfer.RosterColumn;
import vn.cadretraining.shared.service.Database;

/**
 * Generates a benchmark database ({@code setup/bench generate S|M|L}): the schema by the product's own Flyway
 * migrations, then the demo province by the product's own deterministic generator at the size's factor,
 * committing every {@code commitEvery} rows, then the benchmark's own accounts (one per virtual user: each
 * has its own session, and cadres their own record) and the trainers' 60-person sessions.
 *
 * <p>Into embedded Derby in the data folder, or into the PostgreSQL database that DB_CLASS, DB_SERVER, DB_PORT,
 * DB_NAME, DB_USER and DB_PASSWORD name (as the application reads them). Run with the server stopped (embedded
 * Derby allows one JVM). Arguments: data folder, factor, seed,
 * virtual users per role. Writes {@code bench.properties} into the data folder for the load test, and the
 * timing of each step into {@code generate.txt}.
 */
public final class BenchData {

    private BenchData() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        double factor = Double.parseDouble(args[1]);
        long seed = Long.parseLong(args[2]);
        int perRole = Integer.parseInt(args[3]);
        int commitEvery = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        Files.createDirectories(dir);
        System.setProperty("derby.system.home", dir.toString());
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        Map<String, String> out = new LinkedHashMap<>();
        boolean postgres = System.getenv("DB_CLASS") != null && System.getenv("DB_CLASS").contains("postgresql");
        DataSource ds = postgres ? postgres() : derby();
        long t0 = System.nanoTime();
        Database.migrate(ds);
        out.put("migrate.ms", "" + ms(t0));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t1 = System.nanoTime();
            DemoProvince.Summary s = DemoProvince.generate(c, factor, seed, commitEvery, 6, "QN");
            out.put("generate.ms", "" + ms(t1));
            out.put("summary", s.toString());
            long t2 = System.nanoTime();
            benchAccounts(c, perRole, out);
            c.commit();
            out.put("accounts.ms", "" + ms(t2));
            counts(c, out);
            c.commit();
        }
        if (!postgres) {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
            } catch (SQLException e) {
                if (!"XJ015".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        out.put("total.ms", "" + ms(t0));
        write(dir.resolve("bench.properties"), out);
        out.forEach((k, v) -> System.out.println(k + " = " + v));
    }

    private static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("cadre");
        ds.setCreateDatabase("create");
        ds.setUser("app");
        ds.setPassword("app");
        return ds;
    }

    /** The PostgreSQL database the application's own settings name (DB_SERVER, DB_PORT, DB_NAME…). */
    private static DataSource postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {System.getenv().getOrDefault("DB_SERVER", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432"))});
        ds.setDatabaseName(System.getenv().getOrDefault("DB_NAME", "cadre"));
        ds.setUser(System.getenv("DB_USER"));
        ds.setPassword(System.getenv("DB_PASSWORD"));
        // JDBC batches sent as multi-row statements: the generator's inserts go over the network here
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /**
     * The virtual users' accounts, copies of the demo accounts (same password hash, unit and role):
     * bench.tinhNN (province), bench.xaNN (Hạ Long), bench.gvNN (a trainer of one 60-person class each),
     * bench.cbNN (a cadre of the demo cadre's commune each, with no account before).
     */
    static void benchAccounts(Connection c, int n, Map<String, String> out) throws SQLException {
        String cols = "display_name, display_name_folded, password_hash, role, unit_id, enabled,"
                + " must_change_password, locale, created_at";
        for (String[] copy : new String[][] {{"tinh", "bench.tinh"}, {"xa.halong", "bench.xa"},
            {"giangvien", "bench.gv"}, {"admin", "bench.admin"}}) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO account (username, " + cols + ") SELECT ?, "
                    + cols + " FROM account WHERE username = ?")) {
                for (int i = 1; i <= n; i++) {
                    p.setString(1, copy[1] + two(i));
                    p.setString(2, copy[0]);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        // cadres: other cadres of the demo cadre's commune, each with an account of their own
        String unitPath;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT u.path FROM account a"
                + " JOIN position ps ON ps.cadre_id = a.cadre_id JOIN admin_unit u ON u.id = ps.unit_id"
                + " WHERE a.username = 'canbo' ORDER BY ps.id")) {
            rs.next();
            unitPath = rs.getString(1);
        }
        // "/province/commune/hamlet/": the commune's subtree
        String[] parts = unitPath.split("/");
        String communePath = "/" + parts[1] + "/" + parts[2] + "/";
        List<Long> cadres = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT ps.cadre_id FROM position ps"
                + " JOIN admin_unit u ON u.id = ps.unit_id WHERE u.path LIKE ? AND ps.end_date IS NULL"
                + " AND ps.cadre_id NOT IN (SELECT a.cadre_id FROM account a WHERE a.cadre_id IS NOT NULL)"
                + " ORDER BY ps.cadre_id")) {
            p.setString(1, communePath + "%");
            p.setMaxRows(n);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    cadres.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO account (username, cadre_id, " + cols
                + ") SELECT ?, ?, k.full_name, k.full_name_folded, a.password_hash, a.role, a.unit_id, a.enabled,"
                + " a.must_change_password, a.locale, a.created_at FROM account a, cadre k"
                + " WHERE a.username = 'canbo' AND k.id = ?")) {
            for (int i = 0; i < cadres.size(); i++) {
                p.setString(1, "bench.cb" + two(i + 1));
                p.setLong(2, cadres.get(i));
                p.setLong(3, cadres.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
        out.put("cadres", String.join(",", cadres.stream().map(String::valueOf).toList()));
        // trainers: one class each whose results are still open, the fullest first, and one of its sessions
        List<long[]> picked = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k.id, MIN(s.id), k.enrolled_count FROM course_class k JOIN class_session s ON s.class_id = k.id"
                + " WHERE k.closed_at IS NULL AND k.status IN ('RUNNING', 'FINISHED', 'OPEN')"
                + " AND s.cancelled = FALSE GROUP BY k.id, k.enrolled_count ORDER BY k.enrolled_count DESC, k.id")) {
            while (rs.next() && picked.size() < n) {
                picked.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
        }
        topUp(c, picked, 60);
        heldYesterday(c, picked);
        List<String> sessions = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        try (PreparedStatement t = c.prepareStatement("INSERT INTO trainer (full_name, name_folded, account_id)"
                + " SELECT 'Giảng viên thử tải ' || CAST(? AS VARCHAR(10)), 'giang vien thu tai', id FROM account"
                + " WHERE username = ?");
                PreparedStatement link = c.prepareStatement("INSERT INTO class_trainer (class_id, trainer_id)"
                        + " SELECT ?, t.id FROM trainer t JOIN account a ON a.id = t.account_id WHERE a.username = ?")) {
            for (int i = 0; i < picked.size(); i++) {
                String user = "bench.gv" + two(i + 1);
                t.setInt(1, i + 1);
                t.setString(2, user);
                t.executeUpdate();
                link.setLong(1, picked.get(i)[0]);
                link.setString(2, user);
                link.executeUpdate();
                sessions.add("" + picked.get(i)[1]);
                sizes.add("" + picked.get(i)[2]);
            }
        }
        out.put("sessions", String.join(",", sessions));
        out.put("sessionSizes", String.join(",", sizes));
        out.put("users", "" + n);
        // the roster import's file: the template's columns, rows spread over the hamlets of three wards
        List<String> units = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT u.code FROM admin_unit u"
                + " JOIN admin_unit w ON w.id = u.parent_id WHERE w.name IN ('Phường Hạ Long', 'Phường Bãi Cháy',"
                + " 'Phường Hà Tu') AND u.valid_to IS NULL ORDER BY u.code")) {
            while (rs.next()) {
                units.add(rs.getString(1));
            }
        }
        out.put("importUnits", String.join(",", units));
        out.put("importHeader", RosterColumn.IMPORTED.stream().map(RosterColumn::header)
                .collect(java.util.stream.Collectors.joining(",")));
    }

    /**
     * Makes each picked class a 60-person class: capacity 60, and enrolled cadres of its audience (the
     * organising unit's subtree) added, nominated, until 60 are enrolled.
     */
    private static void topUp(Connection c, List<long[]> classes, int size) throws SQLException {
        try (PreparedStatement add = c.prepareStatement("INSERT INTO enrollment (version, class_id, cadre_id,"
                + " unit_id, status, origin, requested_at, decided_at, decided_by) VALUES (0, ?, ?, ?, 'ENROLLED',"
                + " 'NOMINATED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'bench')");
                PreparedStatement candidates = c.prepareStatement("SELECT ps.cadre_id, MIN(ps.unit_id) FROM position ps"
                        + " JOIN admin_unit u ON u.id = ps.unit_id, course_class k WHERE k.id = ? AND ps.end_date IS NULL"
                        + " AND u.path LIKE k.unit_path || '%' AND ps.cadre_id NOT IN (SELECT e.cadre_id FROM enrollment e"
                        + " WHERE e.class_id = k.id) GROUP BY ps.cadre_id ORDER BY ps.cadre_id");
                PreparedStatement fix = c.prepareStatement("UPDATE course_class SET capacity = ?, enrolled_count ="
                        + " (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = ? AND e.status = 'ENROLLED')"
                        + " WHERE id = ?")) {
            for (long[] k : classes) {
                long missing = size - k[2];
                candidates.setLong(1, k[0]);
                try (ResultSet rs = candidates.executeQuery()) {
                    while (missing > 0 && rs.next()) {
                        add.setLong(1, k[0]);
                        add.setLong(2, rs.getLong(1));
                        add.setLong(3, rs.getLong(2));
                        add.addBatch();
                        missing--;
                    }
                }
                add.executeBatch();
                fix.setInt(1, size);
                fix.setLong(2, k[0]);
                fix.setLong(3, k[0]);
                fix.executeUpdate();
                k[2] = size - missing;
            }
        }
    }

    /**
     * The picked sessions that lie ahead are moved into the past: the service refuses marks other than excused
     * absences before a session begins, so a save of a future session would write nothing. Each to an evening of
     * its own (the demo holds none), so that no cadre's request meets a clash of schedules it did not have.
     */
    private static void heldYesterday(Connection c, List<long[]> classes) throws SQLException {
        int day = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT starts_at, ends_at FROM class_session WHERE id = ?"
                + " AND session_date >= ?");
                PreparedStatement move = c.prepareStatement("UPDATE class_session SET session_date = ?, starts_at = ?,"
                        + " ends_at = ? WHERE id = ?")) {
            for (long[] k : classes) {
                read.setLong(1, k[1]);
                read.setDate(2, java.sql.Date.valueOf(LocalDate.now()));
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        LocalDate held = LocalDate.now().minusDays(++day);
                        Duration length = Duration.between(rs.getTimestamp(1).toLocalDateTime(),
                                rs.getTimestamp(2).toLocalDateTime());
                        LocalDateTime starts = held.atTime(18, 0);
                        move.setDate(1, java.sql.Date.valueOf(held));
                        move.setTimestamp(2, Timestamp.valueOf(starts));
                        move.setTimestamp(3, Timestamp.valueOf(starts.plus(length)));
                        move.setLong(4, k[1]);
                        move.executeUpdate();
                    }
                }
            }
        }
    }

    private static void counts(Connection c, Map<String, String> out) throws SQLException {
        for (String table : List.of("admin_unit", "cadre", "position", "course_class", "class_session", "enrollment",
                "attendance_mark", "certificate", "account")) {
            out.put("rows." + table, "" + one(c, "SELECT COUNT(*) FROM " + table));
        }
        out.put("rows.hamlets", "" + one(c, "SELECT COUNT(*) FROM admin_unit WHERE kind IN ('HAMLET', 'QUARTER')"
                + " AND valid_to IS NULL"));
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String two(int i) {
        return String.format("%02d", i);
    }

    private static void write(Path file, Map<String, String> values) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }
}
