package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.Server;
import vn.cadretraining.testing.TestDatabase;

/**
 * {@code setup/run} itself, on a data folder of its own: the first start creates the schema and loads the demo
 * province; a stop (SIGTERM to the script, as Ctrl-C's trap does) stops the server, which shuts Derby down, so that
 * no lock file is left and identity columns continue where they stopped; the second start keeps the data and does
 * not load the demo again. {@code setup/run} starts embedded Derby, so this runs in the Derby pass only; the
 * PostgreSQL pass restarts its servers in CrashIT.
 */
class LifecycleIT {

    @Test
    void startsStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        assumeFalse(TestDatabase.postgres(), "setup/run starts embedded Derby: tested in the Derby pass");
        Path data = Files.createTempDirectory(Path.of("target"), "lifecycle-").toAbsolutePath();
        long firstStartMillis;
        try (Run run = Run.start(data, 1)) {
            firstStartMillis = run.readyAfterMillis;
            Http http = new Http(run.url());
            assertEquals(302, http.signIn("admin", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
            assertEquals(200, http.get("/index.xhtml").statusCode());
        }
        // the readiness polls during the start found the application starting: DOWN, no stack
        assertFalse(Files.readString(data.resolve("run-1.log")).contains("Exception executing HealthCheck"),
                "a readiness poll during the start logged an exception");
        assertFalse(Files.exists(data.resolve("cadre/db.lck")), "Derby was shut down: no db.lck left");
        assertTrue(Files.exists(data.resolve("derby.log")), "derby.log goes into the data folder");
        long units = count(data, "SELECT COUNT(*) FROM admin_unit");
        long accounts = count(data, "SELECT COUNT(*) FROM account");
        assertTrue(units > 50, "the demo province was loaded");
        assertNextIdFollowsMax(data, "ADMIN_UNIT", "admin_unit");
        assertNextIdFollowsMax(data, "ACCOUNT", "account");

        try (Run run = Run.start(data, 2)) {
            Http http = new Http(run.url());
            assertEquals(302, http.signIn("tinh", DemoProvince.DEMO_PASSWORD).statusCode());
        }
        assertFalse(Files.exists(data.resolve("cadre/db.lck")));
        assertEquals(units, count(data, "SELECT COUNT(*) FROM admin_unit"), "the demo is loaded once only");
        assertEquals(accounts, count(data, "SELECT COUNT(*) FROM account"));
        assertNextIdFollowsMax(data, "ACCOUNT", "account");
        System.out.printf("LifecycleIT: first start to ready in %d ms%n", firstStartMillis);
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

    /**
     * {@code setup/run} as a person starts it: a free port and the data folder given, no database settings (embedded
     * Derby in the data folder), its output in {@code run-N.log} there; ready when it prints its banner.
     */
    private record Run(Process script, int port, long readyAfterMillis, Path log) implements AutoCloseable {

        static Run start(Path data, int n) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = data.resolve("run-" + n + ".log");
            ProcessBuilder builder = new ProcessBuilder("setup/run").redirectErrorStream(true).redirectOutput(log.toFile());
            for (String name : List.of("DB_CLASS", "DB_NAME", "DB_SERVER", "DB_USER", "DB_PASSWORD",
                    "DB_SQL_TRACE_LISTENERS")) {
                builder.environment().remove(name);
            }
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("APP_DATA_DIR", data.toString());
            builder.environment().put("DEMO_FACTOR", "0.05");
            // the script's own options plus the test servers' JIT and collector (arquillian.xml): half the CPU a start
            builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            // a machine shared by several builds may need far more than the script's 4 minutes
            builder.environment().put("READY_SECONDS", "900");
            long started = System.nanoTime();
            Process script = builder.start();
            Run run = new Run(script, port, 0, log);
            try {
                long deadline = started + TimeUnit.MINUTES.toNanos(16);
                while (!Files.readString(log).contains("Cadre Training is running")) {
                    assertTrue(script.isAlive(), "setup/run stopped before its banner:\n" + Files.readString(log));
                    assertTrue(System.nanoTime() < deadline, "no banner from setup/run:\n" + Files.readString(log));
                    Thread.sleep(500);
                }
                assertFalse(Files.readString(log).contains("Building the application"),
                        "the tests run the WAR the build made: setup/run found sources newer than it");
            } catch (Exception | Error e) {
                run.kill();
                throw e;
            }
            return new Run(script, port, (System.nanoTime() - started) / 1_000_000, log);
        }

        java.net.URL url() throws IOException {
            return URI.create("http://localhost:" + port + "/").toURL();
        }

        /** What Ctrl-C does: SIGTERM to the script, whose trap stops the server and waits for it. */
        @Override
        public void close() throws Exception {
            List<ProcessHandle> server = script.descendants().toList();
            script.destroy();
            try {
                assertTrue(script.waitFor(2, TimeUnit.MINUTES), "setup/run did not stop within two minutes");
                assertEquals(0, script.exitValue(), "setup/run stopped cleanly:\n" + Files.readString(log));
                for (ProcessHandle p : server) {
                    p.onExit().get(1, TimeUnit.MINUTES);
                }
            } finally {
                server.forEach(ProcessHandle::destroyForcibly);
                kill();
            }
        }

        /** Ends the script and the server it started, whatever state they are in. */
        void kill() {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    private static void assertNextIdFollowsMax(Path data, String table, String lower) throws SQLException {
        long max = count(data, "SELECT MAX(id) FROM " + lower);
        long next = count(data, "SELECT c.AUTOINCREMENTVALUE FROM SYS.SYSCOLUMNS c JOIN SYS.SYSTABLES t"
                + " ON c.REFERENCEID = t.TABLEID WHERE c.COLUMNNAME = 'ID' AND t.TABLENAME = '" + table + "'");
        assertEquals(max + 1, next, table + ": the next id follows the last one, nothing skipped");
    }

    private static long count(Path data, String sql) throws SQLException {
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
