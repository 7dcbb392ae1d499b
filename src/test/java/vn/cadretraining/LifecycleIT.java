package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Http;

/**
 * The server as {@code setup/run} starts it, on a data folder of its own: the first start creates the
 * schema and loads the demo province; a stop (SIGTERM, which is what Ctrl-C amounts to for the JVM) shuts
 * Derby down, so that no lock file is left and identity columns continue where they stopped; the second
 * start keeps the data and does not load the demo again.
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
        assertFalse(Files.exists(data.resolve("cadre/db.lck")), "Derby was shut down: no db.lck left");
        assertTrue(Files.exists(data.resolve("derby.log")), "derby.log goes into the data folder");
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

    /** Payara Micro started the way setup/run starts it. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final long readyAfterMillis;

        private Server(Process process, int port, long readyAfterMillis) {
            this.process = process;
            this.port = port;
            this.readyAfterMillis = readyAfterMillis;
        }

        static Server start(Path data) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path abs = data.toAbsolutePath();
            deleteTree(abs.resolve("payara")); // as setup/run does: a fresh runtime folder at every start
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8",
                    "-Dderby.system.home=" + abs, "-Dderby.stream.error.file=" + abs.resolve("derby.log"),
                    "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port), "--contextroot", "/",
                    "--rootdir", abs.resolve("payara").toString(),
                    "--prebootcommandfile", "setup/payara-preboot.asadmin",
                    "--deploy", System.getProperty("war.file", "target/cadre-training.war")));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(abs.resolve("server.log").toFile());
            builder.environment().put("DB_NAME", "cadre;create=true");
            builder.environment().put("DEMO_FACTOR", "0.05");
            long started = System.nanoTime();
            Process process = builder.start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://localhost:" + port + "/health/ready");
            for (int i = 0; i < 240; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped during start-up; see " + abs.resolve("server.log"));
                }
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(ready).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return new Server(process, port, (System.nanoTime() - started) / 1_000_000);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not become ready");
        }

        private static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }

        URL url() throws IOException {
            return URI.create("http://localhost:" + port + "/").toURL();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop within a minute");
            }
        }
    }
}
