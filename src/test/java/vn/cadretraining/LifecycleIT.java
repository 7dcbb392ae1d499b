package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.Server;

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
}
