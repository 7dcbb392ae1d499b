package vn.cadretraining.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * When the integration tests run on PostgreSQL (the failsafe execution {@code it-postgres}, which sets the
 * application's DB_* settings), empties the schema before each top-level test class: every IT class boots a
 * server of its own that expects, as with Derby's in-memory database, an empty database to migrate and fill
 * with the demo province. Does nothing on Derby. Registered in META-INF/services.
 */
public class FreshPostgresSchema implements TestExecutionListener {

    /** True when the tests' servers run on PostgreSQL. */
    public static boolean active() {
        String className = System.getenv("DB_CLASS");
        return className != null && className.contains("postgresql");
    }

    /** A connection to the tests' PostgreSQL database, with the servers' settings. */
    public static Connection connect() throws SQLException {
        String port = System.getenv("DB_PORT");
        String url = "jdbc:postgresql://" + System.getenv("DB_SERVER") + (port == null || port.isBlank() ? "" : ":" + port)
                + "/" + System.getenv("DB_NAME");
        return DriverManager.getConnection(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    /** Drops every table, sequence and row, leaving an empty schema {@code public}. */
    public static void emptySchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!active() || !test.isContainer()) {
            return;
        }
        TestSource source = test.getSource().orElse(null);
        if (source instanceof ClassSource cls && !cls.getClassName().contains("$")) {
            try {
                emptySchema();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot empty the PostgreSQL schema before " + cls.getClassName(), e);
            }
        }
    }
}
