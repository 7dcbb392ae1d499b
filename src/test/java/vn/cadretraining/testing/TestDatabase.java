package vn.cadretraining.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the tests' servers run on: embedded Derby (the default), or PostgreSQL when the failsafe
 * execution {@code it-postgres} sets the application's DB_* settings (profile postgres). Usable on both sides
 * of a test: the test JVM and the server inherit the same environment.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** True when the tests' servers run on PostgreSQL. */
    public static boolean postgres() {
        String className = System.getenv("DB_CLASS");
        return className != null && className.contains("postgresql");
    }

    /** A connection to the tests' PostgreSQL database, with the servers' settings. */
    public static Connection connect() throws SQLException {
        String port = System.getenv("DB_PORT");
        String url = "jdbc:postgresql://" + System.getenv("DB_SERVER")
                + (port == null || port.isBlank() ? "" : ":" + port) + "/" + System.getenv("DB_NAME");
        return DriverManager.getConnection(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    /** Drops every table, sequence and row of the PostgreSQL database, leaving an empty schema {@code public}. */
    public static void emptySchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }
}
