package vn.cadretraining.shared.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's one database: its definition, its migrations at start, and a clean stop.
 *
 * <p>Every attribute of the definition reads an environment variable with an embedded-Derby default
 * (Payara's {@code ${ENV=NAME:default}}), so a deployment moves to PostgreSQL by setting
 * {@code DB_CLASS=org.postgresql.ds.PGSimpleDataSource}, {@code DB_SERVER}, {@code DB_PORT}, {@code DB_NAME},
 * {@code DB_USER} and {@code DB_PASSWORD}, without a code change. Derby's database name is relative
 * to {@code derby.system.home}, which {@code setup/run} points at the data folder; {@code create=true}
 * makes the first start create it.
 *
 * <p>Migrations run here, before anything else touches the database: other start-up beans declare
 * {@code @DependsOn("Database")}. The schema only ever changes through versioned migrations.
 *
 * <p>A database that cannot be reached at start stops the server at once with the reason ({@link
 * #requireReachable}): a node without its database can serve nothing, and waiting helps no one.
 *
 * <p>Embedded Derby must be shut down by the application: without it a stop leaves {@code db.lck}
 * behind and identity columns skip ahead by their pre-allocation (100) at the next start.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${ENV=DB_CLASS:org.apache.derby.jdbc.EmbeddedDataSource}",
        databaseName = "${ENV=DB_NAME:cadre;create=true}",
        serverName = "${ENV=DB_SERVER:localhost}",
        user = "${ENV=DB_USER:app}",
        password = "${ENV=DB_PASSWORD:app}",
        // PostgreSQL's port; an empty value sets nothing (5432), and Derby's embedded data source has no port. The
        // pool's SQL trace listeners: none in service ("null" is Payara's none; an empty value still wraps every
        // JDBC call for no listener); the tests' and the benchmark's statement counter
        properties = {"portNumber=${ENV=DB_PORT:}",
            "fish.payara.sql-trace-listeners=${ENV=DB_SQL_TRACE_LISTENERS:null}"},
        minPoolSize = 2,
        maxPoolSize = 40,
        initialPoolSize = 2)
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/cadre";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    // static: the readiness check reads it without calling this bean, which the EJB container refuses (with a
    // logged stack at every poll) until start() has returned
    private static volatile boolean migrated;
    private volatile boolean derby;

    @PostConstruct
    void start() {
        try (Connection c = dataSource.getConnection()) {
            derby = c.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
        MigrateResult result = migrate(dataSource);
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        migrated = true;
    }

    /** Brings any database to the newest schema; a no-op on one that is already there. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /**
     * Stops the server, with one line saying why, when the database does not answer. Called before anything
     * else connects (the persistence unit's customizer), so that the failure is not a deployment that stays
     * undeployed behind a server still running, with {@code /health/ready} DOWN for ever.
     */
    public static void requireReachable(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return;
        } catch (SQLException | RuntimeException e) {
            // the driver's own words (PostgreSQL: "Connection to host:port refused…"), under the pool's wrappers
            Throwable reason = e;
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof SQLException && t.getMessage() != null) {
                    reason = t;
                }
            }
            String why = String.valueOf(reason.getMessage()).strip();
            LOG.severe(() -> "The database cannot be reached (" + where() + "): " + why
                    + (why.endsWith(".") ? "" : ".")
                    + " The server stops; check DB_SERVER, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD.");
        }
        stopServer();
    }

    /** The configured database, as an operator set it, without the password. */
    static String where() {
        String className = env("DB_CLASS", "org.apache.derby.jdbc.EmbeddedDataSource");
        if (className.contains("derby")) {
            return "Derby database " + env("DB_NAME", "cadre") + " in "
                    + System.getProperty("derby.system.home", System.getProperty("user.dir"));
        }
        String server = env("DB_SERVER", "localhost");
        String port = env("DB_PORT", server.contains(":") ? "" : "5432");
        return "server " + server + (port.isEmpty() ? "" : ":" + port)
                + ", database " + env("DB_NAME", "cadre") + ", user " + env("DB_USER", "app");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The exit runs on a thread of its own so that the deployment holding its locks cannot block the shutdown
     * hooks; if they hang anyway, the process is halted.
     */
    private static void stopServer() {
        Thread exit = new Thread(() -> System.exit(3), "database-unreachable-exit");
        exit.start();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        }, "database-unreachable-halt");
        halt.setDaemon(true);
        halt.start();
        throw new IllegalStateException("The database cannot be reached (" + where() + ")");
    }

    /** True once this server's start has brought the database to the newest schema. */
    public static boolean isMigrated() {
        return migrated;
    }

    /** True when the database answers within two seconds. */
    public boolean answers() {
        return answers(dataSource);
    }

    /** True when the database behind {@code dataSource} answers within two seconds. */
    public static boolean answers(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @PreDestroy
    void shutDown() {
        migrated = false;
        if (!derby) {
            return;
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean system shutdown as SQLState XJ015
            if (!"XJ015".equals(e.getSQLState())) {
                LOG.log(Level.WARNING, "Derby did not shut down cleanly", e);
                return;
            }
        }
        LOG.info("Derby shut down cleanly");
    }
}
