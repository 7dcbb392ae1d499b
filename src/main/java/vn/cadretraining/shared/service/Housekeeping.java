package vn.cadretraining.shared.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Periodic work done once per period for the whole cluster, whichever nodes run ({@code HOUSEKEEPING_SECONDS},
 * hourly by default): the features observe {@link Run} (e.g. used check-in codes are purged).
 *
 * <p>Each node ticks four times a period, and a period's run belongs to the node whose INSERT of the period's row
 * ({@code app_setting}, name {@code run.housekeeping.<period>}) succeeds: the primary key lets one node have it,
 * on Derby and PostgreSQL alike, and the rows say which node ran when. The node that ran the previous period tries
 * at once, the others only after half the period, so one node keeps the work while it lives and another takes the
 * next period when it dies, with nothing to expire. Payara Micro offers no fit: its persistent EJB timers run only
 * on the instance that created them (they wait for a dead node to come back), and {@code @Clustered} singletons
 * rely on those timers.
 */
@Startup
@Singleton
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    static final String PREFIX = "run.housekeeping.";
    /** Run rows kept (older ones are deleted by the run): 20 days of hourly runs. */
    static final int KEEP_RUNS = 500;

    /** A period's run, fired on the node that has it; observers do their part in their own transactions. */
    public record Run(long period, long periodSeconds) {
    }

    /** This JVM, as the run rows name it ("pid@host"). */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    @ConfigProperty(name = "HOUSEKEEPING_SECONDS", defaultValue = "3600")
    long periodSeconds;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    Event<Run> run;

    @PostConstruct
    void init() {
        long seconds = Math.max(1, periodSeconds);
        long tick = Math.max(1000, seconds * 1000 / 4);
        timers.createIntervalTimer(tick, tick, new TimerConfig("housekeeping", false));
        LOG.info(() -> "Housekeeping every " + seconds + " s, once per cluster");
    }

    @Timeout
    void tick(Timer timer) {
        long periodMillis = Math.max(1, periodSeconds) * 1000;
        long now = System.currentTimeMillis();
        long period = now / periodMillis;
        try {
            String previous = ranBy(period - 1);
            boolean first = NODE.equals(previous) || previous == null && ranBy(period - 2) == null;
            if (!first && now % periodMillis < periodMillis / 2) {
                return; // the node that ran the last period has the first try
            }
            // a period already run is not claimed again: PostgreSQL logs every INSERT refused by the key
            if (ranBy(period) != null || !claim(period, now)) {
                return;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Housekeeping could not be claimed", e);
            return;
        }
        try {
            run.fire(new Run(period, periodMillis / 1000));
            prune(period);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "Housekeeping of period " + period + " failed", e);
        }
    }

    private static String name(long period) {
        // fixed width, so that names sort as the periods do
        return PREFIX + String.format("%015d", period);
    }

    private String ranBy(long period) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT value FROM app_setting WHERE name = ?")) {
            q.setString(1, name(period));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1).split(" ")[0] : null;
            }
        }
    }

    /** Whether this node has the period: its row inserted, committed at once. */
    private boolean claim(long period, long now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_setting (name, value) VALUES (?, ?)")) {
                insert.setString(1, name(period));
                insert.setString(2, NODE + " " + now);
                return insert.executeUpdate() == 1;
            } catch (SQLException taken) {
                if (ranBy(period) != null) {
                    return false; // another node has it
                }
                throw taken;
            }
        }
    }

    private void prune(long period) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM app_setting WHERE name LIKE ? AND name < ?")) {
                delete.setString(1, PREFIX + "%");
                delete.setString(2, name(period - KEEP_RUNS));
                delete.executeUpdate();
            }
        }
    }
}
