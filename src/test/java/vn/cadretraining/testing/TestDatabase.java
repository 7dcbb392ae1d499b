package vn.cadretraining.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The database the tests' servers run on: embedded Derby (the default), or PostgreSQL when the failsafe
 * execution {@code it-postgres} sets the application's DB_* settings (profile postgres). Usable on both sides
 * of a test: the test JVM and the server inherit the same environment.
 */
public final class TestDatabase {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
    /** The day (in Vietnam) the PostgreSQL seed was made: its demo dates are relative to it. */
    private static LocalDate seeded;

    private TestDatabase() {
    }

    /**
     * Why the two sweeps of the whole application's layout (axe at two widths, every dialog on a phone) may run in
     * one pass only: they check HTML and CSS, the same on either database, and take two and a half minutes. setup/test
     * runs them in the PostgreSQL pass, the shorter of the two that run at once ({@code -Dit.layoutSweeps=false} for
     * the Derby pass); every page of every role is still opened in both
     * ({@code ShellIT.everyPageAnswersEveryRoleWithItselfOrARefusalNeverA500}).
     */
    public static final String LAYOUT_SWEEPS_ONCE = "a layout sweep, run in the other database's pass (setup/test)";

    /** True when the tests' servers run on PostgreSQL. */
    public static boolean postgres() {
        String className = System.getenv("DB_CLASS");
        return className != null && className.contains("postgresql");
    }

    /** A connection to the tests' PostgreSQL database, with the servers' settings. */
    public static Connection connect() throws SQLException {
        return connect(System.getenv("DB_NAME"));
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    private static String url(String database) {
        String port = System.getenv("DB_PORT");
        return "jdbc:postgresql://" + System.getenv("DB_SERVER")
                + (port == null || port.isBlank() ? "" : ":" + port) + "/" + database;
    }

    /**
     * Makes the PostgreSQL database a copy of this run's seed ({@code <DB_NAME>_seed}: migrated and loaded with
     * the demo province once per run, as {@link Deployments#seed()} does for Derby), so that a server's boot finds
     * the demo province there instead of migrating and generating it. A template copy is a file copy, well under
     * a second. The seed is made again when a run crosses midnight in Vietnam: "a class running today" must be
     * today's.
     */
    public static synchronized void copySeed() throws SQLException {
        String name = System.getenv("DB_NAME");
        String seed = name + "_seed";
        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            LocalDate day = VietnamTime.today();
            if (!day.equals(seeded)) {
                long started = System.nanoTime();
                s.execute("DROP DATABASE IF EXISTS " + seed + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + seed);
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url(seed));
                ds.setUser(System.getenv("DB_USER"));
                ds.setPassword(System.getenv("DB_PASSWORD"));
                Database.migrate(ds);
                try (Connection c = ds.getConnection()) {
                    int cadres = Deployments.demoInto(c).cadres();
                    LOG.info(() -> "Test seed " + seed + ": " + cadres + " cadres in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                }
                seeded = day;
            }
            // FORCE: a server of the class before that still holds connections is gone by now (CleanSlatePerClass)
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + seed);
        }
    }

    /** Drops every table, sequence and row of the PostgreSQL database, leaving an empty schema {@code public}. */
    public static void emptySchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }
}
