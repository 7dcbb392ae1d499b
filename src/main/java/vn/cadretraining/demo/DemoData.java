package vn.cadretraining.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.cadretraining.certification.service.CertificateService;
import vn.cadretraining.shared.service.Database;

/**
 * Loads the demo province on the first start (an empty database), unless {@code DEMO_DATA=false}.
 * {@code DEMO_FACTOR} sizes it (1 = one province like Quảng Ninh), {@code DEMO_YEARS} sets the years of
 * classes and enrollments (6, ending this year) and {@code DEMO_SEED} varies it.
 */
@Startup
@Singleton
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** The advisory lock's key: any number no other part of the application locks. */
    private static final long DEMO_LOCK = 2026_0001L;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "DEMO_DATA", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "DEMO_FACTOR", defaultValue = "1")
    double factor;

    @Inject
    @ConfigProperty(name = "DEMO_SEED", defaultValue = "2026")
    long seed;

    @Inject
    @ConfigProperty(name = "DEMO_YEARS", defaultValue = "6")
    int years;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!DemoProvince.isEmpty(c)) {
                return;
            }
            c.setAutoCommit(false);
            try {
                if (!firstToGenerate(c)) {
                    c.rollback();
                    return;
                }
                DemoProvince.generate(c, factor, seed, 0, years, CertificateService.issuerCode());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "The demo province could not be loaded", e);
        }
    }

    /**
     * Nodes of a cluster start together on one PostgreSQL database: a transaction-scoped advisory lock lets one
     * of them generate while the others wait for its commit, then find the database no longer empty.
     */
    private static boolean firstToGenerate(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return true;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + DEMO_LOCK + ")");
        }
        return DemoProvince.isEmpty(c);
    }
}
