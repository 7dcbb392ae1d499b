package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cadretraining.security.service.LoginThrottle;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.Http;

/**
 * Losing a node of the cluster in the middle of a trainer's work: runs against a cluster started by
 * {@code setup/cluster} (two Payara Micro nodes, HAProxy, PostgreSQL), whose data folder is given as
 * {@code -Dcluster.dir=…}; {@code setup/test --cluster} starts one and runs this. Without it the class is skipped.
 *
 * <p>The trainer signs in through the balancer, opens a session's attendance grid and changes two marks; the node
 * that served all of it is killed ({@code kill -9}); the save then goes to the other node, which must know the
 * session (still signed in) and the grid's view (the view state and its bean, replicated on the data grid), and
 * record each change exactly once. Before that, while both nodes run, failed sign-ins spread over the nodes are
 * counted together by the sign-in throttle, and an account disabled on one node is refused on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String PASSWORD = "Demo@2026";

    private static Path dir;
    private static Map<String, String> env;
    private static Browser browser;

    @BeforeAll
    static void cluster() throws IOException {
        String given = System.getProperty("cluster.dir", "");
        assumeTrue(!given.isBlank(), "no cluster given (setup/test --cluster starts one)");
        dir = Path.of(given);
        env = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("cluster.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        browser = new Browser(URI.create("http://localhost:" + env.get("PORT") + "/").toURL());
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(4) // last: it kills a node
    void aSaveAfterItsNodeIsKilledLandsOnceOnTheOtherNodeStillSignedIn() throws Exception {
        long started = System.nanoTime();
        browser.signIn("giangvien", PASSWORD);
        assertFalse(browser.path().startsWith("/login.xhtml"), "signed in: " + browser.path());
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card[data-course='Kỹ năng dân vận cơ bản']");
        browser.clickAndWaitForPage("#sessions a.session-link");
        String page = browser.path();
        assertTrue(page.startsWith("/teach/session.xhtml?id="), page);
        long sessionId = Long.parseLong(page.replaceAll(".*[?&]id=(\\d+).*", "$1"));

        // two people excused with a note: a status every session takes, before or after its start
        String token = "failover-" + System.currentTimeMillis();
        String[] notes = {token + "-1", token + "-2"};
        for (int row = 1; row <= 2; row++) {
            String r = ".attendance-row:nth-child(" + row + ")";
            browser.click(r + " .status-pills li:nth-child(3) label");
            browser.type(r + " .note-input", notes[row - 1]);
        }
        browser.waitForAjax();

        String served = nodeCookie();
        assertNotNull(served, "the balancer's sticky cookie");
        long pid = Long.parseLong(Files.readString(dir.resolve(served).resolve("pid")).strip());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(served + " is not running"));
        long killedAt = System.nanoTime();
        assertTrue(node.destroyForcibly(), "kill -9 " + pid); // SIGKILL: no shutdown of any kind
        node.onExit().get();

        browser.click(Browser.id("grid:save"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.cssSelector("#save-status"), "Đã lưu điểm danh cho 2 học viên"));
        long savedAfterKill = (System.nanoTime() - killedAt) / 1_000_000;
        String now = nodeCookie();
        assertNotEquals(served, now, "the save was answered by the other node");

        // still signed in on the other node; the grid, read again, has both changes
        browser.open(page);
        assertEquals(page, browser.path(), "still signed in");
        for (int row = 1; row <= 2; row++) {
            String r = ".attendance-row:nth-child(" + row + ")";
            assertTrue(browser.driver().findElement(By.cssSelector(r + " .status-pills li:nth-child(3) input"))
                    .isSelected(), "row " + row + " excused");
            assertEquals(notes[row - 1], browser.find(r + " .note-input").getAttribute("value"));
        }

        // each change recorded once: one mark and one audit entry per note
        try (Connection c = database()) {
            for (String note : notes) {
                assertEquals(1, count(c, "SELECT COUNT(*) FROM attendance_mark WHERE session_id = ? AND note = ?",
                        sessionId, note), "marks with " + note);
                assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_MARKED'"
                        + " AND note = ?", null, note), "audit entries of " + note);
            }
        }
        System.out.printf("ClusterFailoverIT: %s killed, save answered by %s %d ms later; whole test %d ms%n",
                served, now, savedAfterKill, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Five wrong passwords for one username from one address lock that pair, whichever nodes the attempts reach:
     * each new client starts without the balancer's cookie, so the attempts go round the nodes. Counted per node,
     * no node would have seen five.
     */
    @Test
    @Order(1) // while both nodes run
    void failedSignInsAreCountedAcrossTheNodes() throws Exception {
        URL balancer = URI.create("http://localhost:" + env.get("PORT") + "/").toURL();
        String username = "nobody." + System.currentTimeMillis();
        Set<String> nodes = new HashSet<>();
        for (int failure = 1; failure <= LoginThrottle.MAX_FAILURES_PER_PAIR; failure++) {
            Http client = new Http(balancer);
            String page = client.signIn(username, "not the password").body();
            // refused, saying how long the next attempt must wait (from the second failure on)
            assertTrue(page.contains("Tên đăng nhập hoặc mật khẩu không đúng") || page.contains("Hãy đợi")
                    || page.contains("quá nhiều lần"), "attempt " + failure + " refused");
            client.cookie("NODE").ifPresent(nodes::add);
            // the pause the throttle asks between attempts of one pair (none, then 1, 2, 4 s), and a little more
            Thread.sleep((failure <= 1 ? 0 : 1000L << (failure - 2)) + 300);
        }
        assertEquals(2, nodes.size(), "the attempts reached both nodes: " + nodes);
        String sixth = new Http(balancer).signIn(username, "not the password either").body();
        assertTrue(sixth.contains("Đăng nhập sai quá nhiều lần"), "locked after five failures across the nodes");
    }

    /**
     * A unit renamed elsewhere (here in the database itself, as another node's save would) shows on every node at
     * the next request: no node serves units from a cache of its own. The cadre's profile names the unit of their
     * position; each node has read it before the change.
     */
    @Test
    @Order(2) // while both nodes run
    void aUnitChangedElsewhereShowsOnEveryNodeAtTheNextRequest() throws Exception {
        URL balancer = URI.create("http://localhost:" + env.get("PORT") + "/").toURL();
        long unitId;
        String name;
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT u.id, u.name FROM account a"
                + " JOIN position p ON p.cadre_id = a.cadre_id JOIN admin_unit u ON u.id = p.unit_id"
                + " WHERE a.username = 'canbo' AND p.end_date IS NULL ORDER BY p.id")) {
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "canbo holds a title");
                unitId = rs.getLong(1);
                name = rs.getString(2);
            }
        }
        Map<String, Http> onNode = new HashMap<>();
        for (int attempt = 0; attempt < 10 && onNode.size() < 2; attempt++) {
            Http client = new Http(balancer);
            client.signIn("canbo", PASSWORD);
            String profile = client.get("/me/profile.xhtml").body();
            assertTrue(profile.contains(name), "the profile names " + name);
            onNode.putIfAbsent(client.cookie("NODE").orElseThrow(), client);
        }
        assertEquals(2, onNode.size(), "a signed-in cadre on each node");
        String renamed = name + " (đổi tên)";
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "UPDATE admin_unit SET name = ? WHERE id = ?")) {
            s.setString(1, renamed);
            s.setLong(2, unitId);
            assertEquals(1, s.executeUpdate());
            try {
                for (Map.Entry<String, Http> node : onNode.entrySet()) {
                    assertTrue(node.getValue().get("/me/profile.xhtml").body().contains(renamed),
                            node.getKey() + " shows the new name at the next request");
                }
            } finally {
                s.setString(1, name);
                s.executeUpdate();
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env.get("DB_SERVER") + ":" + env.get("DB_PORT") + "/"
                + env.get("DB_NAME"),
                env.get("DB_USER"), env.get("DB_PASSWORD"));
    }

    /**
     * An administrator working on one node disables an account whose person works on the other node: that person's
     * very next request there finds themselves signed out, as on one node (each node keeps its own signed-in
     * callers, and an account's change moves a stamp the nodes share).
     */
    @Test
    @Order(3) // while both nodes run
    void anAccountDisabledOnOneNodeIsRefusedOnTheOtherAtItsNextRequest() throws Exception {
        URL balancer = URI.create("http://localhost:" + env.get("PORT") + "/").toURL();
        Http cadre = new Http(balancer);
        cadre.signIn("canbo", PASSWORD);
        assertEquals(200, cadre.get("/me/record.xhtml").statusCode(), "signed in: the record");
        String cadreNode = cadre.cookie("NODE").orElseThrow(() -> new AssertionError("the balancer's cookie"));
        String other = cadreNode.equals("node1") ? "node2" : "node1";

        Browser admin = new Browser(balancer);
        try {
            admin.open("/login.xhtml");
            admin.driver().manage().addCookie(new Cookie("NODE", other));
            admin.signIn("admin", PASSWORD);
            assertEquals(other, admin.driver().manage().getCookieNamed("NODE").getValue(), "the admin's node");
            admin.open("/admin/accounts.xhtml");
            admin.type(Browser.id("accounts:text"), "canbo");
            new WebDriverWait(admin.driver(), Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("[id='accounts:table_data'] > tr")).size() == 1
                    && d.findElement(By.cssSelector("[id='accounts:table_data'] > tr .mono")).getText().equals("canbo"));
            admin.click("[id='accounts:table_data'] > tr button[id$=':disable']");
            admin.click(".ui-confirmdialog-yes");
            new WebDriverWait(admin.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[id='accounts:table_data'] > tr button[id$=':enable']")));
        } finally {
            admin.quit();
        }

        // the cadre's next request, on the node that knew them signed in: sent to the sign-in page
        var after = cadre.get("/me/record.xhtml");
        assertEquals(cadreNode, cadre.cookie("NODE").orElse(null), "still the cadre's node");
        assertEquals(302, after.statusCode(), "refused at once: " + after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElse("").contains("/login.xhtml"),
                after.headers().firstValue("Location").orElse(""));
    }

    /** The node the balancer sends this browser to (its sticky cookie: node1, node2…). */
    private static String nodeCookie() {
        Cookie c = browser.driver().manage().getCookieNamed("NODE");
        return c == null ? null : c.getValue();
    }

    private static long count(Connection c, String sql, Long sessionId, String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (sessionId != null) {
                s.setLong(i++, sessionId);
            }
            s.setString(i, note);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
