package vn.cadretraining.shared.backup.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.backup.service.BackupFolder.Backup;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Online backups of the embedded Derby database. {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} copies a
 * consistent database (every transaction committed when it starts, none half-written) while the application
 * keeps reading and writing; only one backup runs at a time. The copy is taken on a thread of the server's
 * executor, so the administrator's page does not hold a request open; the page asks for the status.
 *
 * <p>Only administrators start or list backups: a backup holds every account's password hash. On PostgreSQL
 * nothing here runs: the database server's own tools take the backups (README).
 */
@Startup
@Singleton
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

    static final int KEEP_DEFAULT = 14;

    /**
     * Where things stand, for the page. {@code lastError} is the database's or the disk's own words. The bean
     * getters are for the page: Faces 4's expression language does not read record components.
     */
    public record Status(boolean available, Instant runningSince, Instant lastFinished, String lastName,
            String lastError, Path folder, int keep, LocalTime dailyAt) {
        public boolean running() {
            return runningSince != null;
        }

        public boolean isAvailable() {
            return available;
        }

        public boolean isRunning() {
            return running();
        }

        public Instant getRunningSince() {
            return runningSince;
        }

        public Instant getLastFinished() {
            return lastFinished;
        }

        public String getLastError() {
            return lastError;
        }

        public String getFolder() {
            return folder.toString();
        }

        public int getKeep() {
            return keep;
        }

        public String getDailyAt() {
            return dailyAt == null ? null : dailyAt.toString();
        }
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TimerService timers;

    private volatile boolean derby;
    private final AtomicReference<Instant> running = new AtomicReference<>();
    private volatile Instant lastFinished;
    private volatile String lastName;
    private volatile String lastError;

    @PostConstruct
    void init() {
        try (Connection c = dataSource.getConnection()) {
            derby = c.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot tell which database this is; backups are off", e);
        }
        Optional<LocalTime> at = dailyAt();
        if (derby && at.isPresent()) {
            timers.createCalendarTimer(new ScheduleExpression().hour(at.get().getHour())
                    .minute(at.get().getMinute()).timezone(VietnamTime.ZONE.getId()), new TimerConfig("daily backup", false));
            LOG.info(() -> "A backup is taken every day at " + at.get() + " into " + folder().root());
        }
    }

    @RolesAllowed(Role.Names.ADMIN)
    public Status status() {
        return new Status(derby, running.get(), lastFinished, lastName, lastError, folder().root(), keep(),
                derby ? dailyAt().orElse(null) : null);
    }

    /** The backups in the folder, newest first. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<Backup> list() {
        return derby ? folder().list() : List.of();
    }

    /**
     * Starts a backup and returns at once; {@link #status()} says when it is done. Refused while another
     * runs (a second copy would only slow the first and the application down).
     */
    @RolesAllowed(Role.Names.ADMIN)
    public Instant takeNow() {
        if (!derby) {
            throw new BusinessException("backups.error.notDerby");
        }
        Instant now = Instant.now();
        claim(now);
        try {
            executor.submit(() -> run(now));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        return now;
    }

    /** The daily backup ({@code BACKUP_AT}); skipped if an administrator's backup is running. */
    @Timeout
    @PermitAll
    void daily(Timer timer) {
        Instant now = Instant.now();
        if (!running.compareAndSet(null, now)) {
            LOG.info("The daily backup is skipped: a backup is already running");
            return;
        }
        run(now);
    }

    private void claim(Instant now) {
        if (!running.compareAndSet(null, now)) {
            Instant since = running.get();
            throw new BusinessException("backups.error.running",
                    since == null ? "" : VietnamTime.DATE_TIME.format(since.atZone(VietnamTime.ZONE)));
        }
    }

    private void run(Instant startedAt) {
        BackupFolder folder = folder();
        String name = folder.newName(LocalDateTime.ofInstant(startedAt, VietnamTime.ZONE));
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(folder.root());
            List<String> leftovers = folder.removeLeftovers();
            if (!leftovers.isEmpty()) {
                LOG.warning(() -> "Removed incomplete backups left by an earlier stop: " + leftovers);
            }
            try (Connection c = dataSource.getConnection();
                    CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.partial(name).toString());
                call.execute();
            }
            folder.complete(name);
            List<Backup> pruned = folder.prune(keep());
            lastName = name;
            lastError = null;
            LOG.info(() -> "Backup " + name + " taken in " + (System.nanoTime() - t0) / 1_000_000 + " ms into "
                    + folder.root() + (pruned.isEmpty() ? "" : "; removed the older " + pruned.stream().map(Backup::name).toList()));
        } catch (SQLException | IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(Level.SEVERE, "Backup " + name + " failed", e);
            try {
                BackupFolder.delete(folder.partial(name));
            } catch (IOException ignored) {
                LOG.log(Level.WARNING, "Could not remove the incomplete backup " + folder.partial(name), ignored);
            }
        } finally {
            lastFinished = Instant.now();
            running.set(null);
        }
    }

    /** {@code BACKUP_DIR}, by default {@code backups} beside the database (in the data folder). */
    static BackupFolder folder() {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("BACKUP_DIR", String.class)
                .filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return new BackupFolder(Path.of(configured.get().strip()));
        }
        String home = System.getProperty("derby.system.home", System.getProperty("user.dir"));
        return new BackupFolder(Path.of(home, "backups"));
    }

    /** {@code BACKUP_KEEP}: how many backups are kept (at least one). */
    static int keep() {
        String value = ConfigProvider.getConfig().getOptionalValue("BACKUP_KEEP", String.class).orElse("").strip();
        return parseKeep(value);
    }

    static int parseKeep(String value) {
        if (value == null || value.isBlank()) {
            return KEEP_DEFAULT;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            LOG.warning(() -> "BACKUP_KEEP is not a number (" + value + "); keeping " + KEEP_DEFAULT);
            return KEEP_DEFAULT;
        }
    }

    static Optional<LocalTime> dailyAt() {
        return parseDailyAt(ConfigProvider.getConfig().getOptionalValue("BACKUP_AT", String.class).orElse(""));
    }

    /** "02:30" (Vietnam time); empty means no daily backup. A value that is no time is reported and ignored. */
    static Optional<LocalTime> parseDailyAt(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.strip(), DateTimeFormatter.ofPattern("H:mm")));
        } catch (DateTimeParseException e) {
            LOG.warning(() -> "BACKUP_AT is not a time of day like 02:30 (" + value + "); no daily backup");
            return Optional.empty();
        }
    }
}
