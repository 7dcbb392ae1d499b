package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Http;

/**
 * {@code setup/run} itself, on a data folder of its own: the first start creates the schema and loads the demo
 * province; a stop (SIGTERM to the script, as Ctrl-C's trap does) stops the server, which shuts Derby down, so that
 * no lock file is left and identity columns continue where they stopped; the second start keeps the data and does
 * not load the demo again.
 */
class LifecycleIT {

    @Test
    void startsStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "lifecycle-").toAbsolutePath();
        long firstStartMillis;
        try (Run run = Run.start(data, 1)) {
            firstStartMillis = run.readyAfterMillis;
            Http http = new Http(run.url());
            assertEquals(302, http.signIn("admin", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
            assertEquals(200, http.get("/index.xhtml").statusCode());
        }
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
            for (String name : List.of("DB_CLASS", "DB_NAME", "DB_SERVER", "DB_USER", "DB_PASSWORD")) {
                builder.environment().remove(name);
            }
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("APP_DATA_DIR", data.toString());
            builder.environment().put("DEMO_FACTOR", "0.05");
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
