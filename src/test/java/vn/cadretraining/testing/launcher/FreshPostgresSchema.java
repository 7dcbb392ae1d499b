package vn.cadretraining.testing.launcher;

import java.sql.SQLException;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import vn.cadretraining.testing.TestDatabase;

/**
 * On PostgreSQL, empties the schema before each top-level test class: every IT class boots a server of its own
 * that expects, as with Derby's in-memory database, an empty database to migrate and fill with the demo
 * province. Does nothing on Derby. Registered in META-INF/services; in a package of its own so that the
 * deployments, which add the package {@code testing}, do not carry a class the server cannot load.
 */
public class FreshPostgresSchema implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!TestDatabase.postgres() || !test.isContainer()) {
            return;
        }
        TestSource source = test.getSource().orElse(null);
        if (source instanceof ClassSource cls && !cls.getClassName().contains("$")) {
            try {
                TestDatabase.emptySchema();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot empty the PostgreSQL schema before " + cls.getClassName(), e);
            }
        }
    }
}
