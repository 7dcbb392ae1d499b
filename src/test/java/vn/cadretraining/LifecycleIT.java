package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.ServerSocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.TestDatabase;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.Server;

/**
 * The server as {@code setup/run} starts it, on a data folder of its own: the first start creates the
 * schema and loads the demo province; a stop (SIGTERM, which is what Ctrl-C amounts to for the JVM) shuts
 * Derby down, so that no lock file is left and identity columns continue where they stopped; the second
 * start keeps the data and does not load the demo again. On PostgreSQL the same, read from the run's database.
 */
class LifecycleIT {

    @Test
    void startsStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "lifecycle-");
        long firstStartMillis;
        try (Server server = Server.start(data)) {
            firstStartMillis = server.readyAfterMillis;
            Http http = new Http(server.url());
            assertEquals(302, http.signIn("admin", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
            assertEquals(200, http.get("/index.xhtml").statusCode());
        }
        // the readiness polls during the start (every 500 ms) found the application starting: DOWN, no stack
        assertFalse(Files.readString(data.resolve("server.log")).contains("Exception executing HealthCheck"),
                "a readiness poll during the start logged an exception");
        if (!TestDatabase.postgres()) {
            assertFalse(Files.exists(data.resolve("cadre/db.lck")), "Derby was shut down: no db.lck left");
            assertTrue(Files.exists(data.resolve("derby.log")), "derby.log goes into the data folder");
        }
        long units = count(data, "SELECT COUNT(*) FROM admin_unit");
        long accounts = count(data, "SELECT COUNT(*) FROM account");
        assertTrue(units > 50, "the demo province was loaded");
        assertNextIdFollowsMax(data, "ADMIN_UNIT", "admin_unit");
        assertNextIdFollowsMax(data, "ACCOUNT", "account");

        try (Server server = Server.start(data)) {
            Http http = new Http(server.url());
            assertEquals(302, http.signIn("tinh", DemoProvince.DEMO_PASSWORD).statusCode());
        }
        assertFalse(Files.exists(data.resolve("cadre/db.lck")));
        assertEquals(units, count(data, "SELECT COUNT(*) FROM admin_unit"), "the demo is loaded once only");
        assertEquals(accounts, count(data, "SELECT COUNT(*) FROM account"));
        assertNextIdFollowsMax(data, "ACCOUNT", "account");
        System.out.printf("LifecycleIT: first start to ready in %d ms%n", firstStartMillis);
    }

    private static void assertNextIdFollowsMax(Path data, String table, String lower) throws SQLException {
        long max = count(data, "SELECT MAX(id) FROM " + lower);
        long next = TestDatabase.postgres()
                // the identity's sequence: after a RESTART WITH (the demo's bulk load) it is not yet "called"
                ? count(data, "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " + lower
                        + "_id_seq")
                : count(data, "SELECT c.AUTOINCREMENTVALUE FROM SYS.SYSCOLUMNS c JOIN SYS.SYSTABLES t"
                        + " ON c.REFERENCEID = t.TABLEID WHERE c.COLUMNNAME = 'ID' AND t.TABLENAME = '" + table + "'");
        assertEquals(max + 1, next, table + ": the next id follows the last one, nothing skipped");
    }

    /**
     * A database that cannot be reached stops the start at once, saying which one, rather than a server left
     * running with /health/ready DOWN. The same on either run: the server is pointed at a closed PostgreSQL port.
     */
    @Test
    void anUnreachableDatabaseStopsTheStartAtOnceNamingIt() throws Exception {
        assumeFalse(TestDatabase.postgres(), "run once, in the Derby execution: this test brings its own"
                + " (unreachable) PostgreSQL settings, so a second run on PostgreSQL would test the same thing");
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Path data = Files.createTempDirectory(Path.of("target"), "unreachable-");
        Path log = data.resolve("server.log");
        Map<String, String> env = Map.of("DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
                "DB_SERVER", "127.0.0.1", "DB_PORT", String.valueOf(port), "DB_NAME", "cadre");
        long began = System.nanoTime();
        IllegalStateException stopped = assertTimeoutPreemptively(Duration.ofMinutes(4), () -> assertThrows(
                IllegalStateException.class, () -> Server.start(data, Path.of(System.getProperty("war.file",
                        "target/cadre-training.war")), log, List.of(), env)),
                "the server stops by itself instead of waiting with /health/ready DOWN");
        long seconds = (System.nanoTime() - began) / 1_000_000_000;
        assertTrue(stopped.getMessage().contains("stopped during start-up"), stopped.getMessage());
        String output = Files.readString(log);
        assertTrue(output.contains("The database cannot be reached (server 127.0.0.1:" + port + ", database cadre"),
                "the reason names the database; output:\n" + tail(output));
        assertTrue(output.contains("Connection to 127.0.0.1:" + port + " refused"), tail(output));
        assertFalse(output.contains("\tat org.eclipse.persistence"), "no EclipseLink stack: " + tail(output));
        System.out.printf("LifecycleIT: unreachable database, the server stopped after %d s%n", seconds);
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 3000));
    }

    private static long count(Path data, String sql) throws SQLException {
        if (TestDatabase.postgres()) {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
        String url = "jdbc:derby:" + data.resolve("cadre").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a database shut down as an exception (08006)
            }
        }
    }
}
