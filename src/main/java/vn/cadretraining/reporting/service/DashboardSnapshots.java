package vn.cadretraining.reporting.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.cadretraining.certification.service.ResultEvents;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.shared.stats.SqlStats;

/**
 * Dashboards too big to count while the reader waits. Every figure but one is read from the summary rows at each
 * view (see the reporting package's notes); the title holders' shares are counted from the records, which for a
 * whole province at national scale (the benchmark's L: a million cadres) takes seconds, and twenty reviewers
 * opening it would each start the same count. So, for those shares ({@link ProgressService#look} shows the
 * kept dashboard's shares with every other figure counted at the view):
 *
 * <ul>
 * <li>every count runs on the server's managed executor, and the reader waits for it up to
 * {@code DASHBOARD_LIVE_MS}; readers asking for the same dashboard meanwhile share that one count;</li>
 * <li>a count done in less than that is shown and forgotten: the next view counts again (the demo province,
 * every commune, every test);</li>
 * <li>a count that took longer is kept (a snapshot, labelled with the time it was counted) and served as it is to
 * every reader; it is counted again in the background at the first view after it is older than
 * {@code DASHBOARD_REFRESH_MINUTES}, after the day changed, or after something it counts changed (a class
 * closed, targets saved, units merged); the readers see the time, and that a newer count is on its way;</li>
 * <li>a reader whose count is not done in time gets a pending answer: the page shows every other figure and
 * says the shares are being counted, and asks again by itself.</li>
 * </ul>
 *
 * <p>The figures of a snapshot are the same statements' answer at the time shown, never an estimate. Snapshots
 * live in this server's memory: a second server counts its own (the statements' answers are the same). Scope is
 * not this class's business: {@link ProgressService} checks the reader may see the unit before asking, and sets
 * the reader's own way back up ({@code path}) on what it returns.
 */
@ApplicationScoped
public class DashboardSnapshots {

    private static final Logger LOG = Logger.getLogger(DashboardSnapshots.class.getName());

    /** No more snapshots than this are kept (a province has one per year and basis looked at). */
    static final int MAX_SNAPSHOTS = 200;

    /** One dashboard: a unit, a year, a basis (counted to a day, which the dashboard itself says). */
    record Key(long unitId, int year, Basis basis) {
    }

    /** A dashboard as counted, when, and at which version of the data it counts. */
    record Snapshot(Dashboard dashboard, Instant countedAt, long version) {
    }

    /** What a reader gets: the dashboard (null while its first count runs) and whether a newer one is coming. */
    public record Answer(Dashboard dashboard, boolean refreshing) {
        public boolean pending() {
            return dashboard == null;
        }
    }

    static final String LIVE_MS_DEFAULT = "2000";
    static final String REFRESH_MINUTES_DEFAULT = "10";

    @Inject
    @ConfigProperty(name = "DASHBOARD_LIVE_MS", defaultValue = LIVE_MS_DEFAULT)
    long liveMillis;

    @Inject
    @ConfigProperty(name = "DASHBOARD_REFRESH_MINUTES", defaultValue = REFRESH_MINUTES_DEFAULT)
    long refreshMinutes;

    /** Where the counts run (defined on {@link ProgressService}). */
    public static final String EXECUTOR = "java:app/concurrent/dashboards";

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Snapshot>> counting = new ConcurrentHashMap<>();
    /** Raised after the commit of anything the dashboards count. */
    private final AtomicLong version = new AtomicLong();

    /**
     * The dashboard of a unit the caller may see: counted now, or the kept snapshot (see the class comment).
     * {@code count} counts it in its own transaction and in the caller's security context, on a thread of the
     * server's managed executor; the reader waits for it up to {@code DASHBOARD_LIVE_MS}.
     */
    public Answer get(long unitId, int year, Basis basis, LocalDate asOf, Supplier<Dashboard> count) {
        Key key = new Key(unitId, year, basis);
        Snapshot kept = snapshots.get(key);
        if (kept != null) {
            boolean stale = !kept.dashboard().asOf().equals(asOf) || kept.version() < version.get()
                    || Duration.between(kept.countedAt(), clock.instant()).toMinutes() >= refreshMinutes;
            if (stale) {
                count(key, count);
            }
            CompletableFuture<Snapshot> running = counting.get(key);
            return new Answer(kept.dashboard(), stale || running != null && !running.isDone());
        }
        return waitFor(count(key, count));
    }

    /**
     * Whether the reader should look again (the page asks): a newer count than the one they have is kept, or
     * nothing is kept nor being counted any more (the last count was quick enough to be forgotten, or failed),
     * so that the next view counts again rather than the page waiting for ever.
     */
    public boolean newerThan(long unitId, int year, Basis basis, Instant countedAt) {
        Key key = new Key(unitId, year, basis);
        Snapshot kept = snapshots.get(key);
        if (kept == null) {
            // a count done but not yet taken off the map (its thread answers the reader first) is not under way
            CompletableFuture<Snapshot> running = counting.get(key);
            return running == null || running.isDone();
        }
        return countedAt == null || kept.countedAt().isAfter(countedAt);
    }

    /** Something the dashboards count changed: every snapshot is counted again at its next view. */
    public void changed() {
        version.incrementAndGet();
    }

    void onClassClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultEvents.Closed closed) {
        changed();
    }

    void onMerged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UnitEvents.Merged merged) {
        changed();
    }

    void onTargets(@Observes(during = TransactionPhase.AFTER_SUCCESS) TargetService.Saved saved) {
        changed();
    }

    /** Tests only: other limits (null: the settings'), and nothing kept. */
    public void reset(Long liveMillis, Long refreshMinutes) {
        Config config = ConfigProvider.getConfig();
        this.liveMillis = liveMillis != null ? liveMillis
                : config.getOptionalValue("DASHBOARD_LIVE_MS", Long.class).orElse(Long.valueOf(LIVE_MS_DEFAULT));
        this.refreshMinutes = refreshMinutes != null ? refreshMinutes
                : config.getOptionalValue("DASHBOARD_REFRESH_MINUTES", Long.class)
                        .orElse(Long.valueOf(REFRESH_MINUTES_DEFAULT));
        snapshots.clear();
    }

    /** Tests only: the snapshots go (as when the server restarts). */
    public void forgetSnapshots() {
        snapshots.clear();
    }

    private Snapshot countNow(Key key, Supplier<Dashboard> count) {
        long v = version.get();
        Instant at = clock.instant();
        long t = System.nanoTime();
        Dashboard d = count.get();
        long ms = (System.nanoTime() - t) / 1_000_000;
        boolean slow = ms >= liveMillis;
        Snapshot s = new Snapshot(slow ? d.countedAt(at) : d, at, v);
        if (slow) {
            LOG.info(() -> "Dashboard of unit " + key.unitId() + " (" + key.year() + ", " + key.basis() + ") counted in "
                    + ms + " ms: kept as a snapshot");
        } else {
            snapshots.remove(key);
        }
        return s;
    }

    private CompletableFuture<Snapshot> count(Key key, Supplier<Dashboard> count) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = counting.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        // the count's statements are booked to the request that started it (benchmark only; see SqlStats)
        Object stats = SqlStats.current();
        try {
            executor.submit(() -> {
                SqlStats.adopt(stats);
                try {
                    Snapshot s = countNow(key, count);
                    // done before kept: a reader who finds this snapshot is not told that a newer count is coming
                    mine.complete(s);
                    if (s.dashboard().countedAt() != null) { // a slow count, kept (a live one carries no time)
                        keep(key, s);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Dashboard of unit " + key.unitId() + " could not be counted", e);
                    mine.completeExceptionally(e);
                } finally {
                    SqlStats.release(stats);
                    counting.remove(key, mine);
                }
            });
        } catch (RuntimeException e) {
            counting.remove(key, mine);
            throw e;
        }
        return mine;
    }

    private Answer waitFor(CompletableFuture<Snapshot> running) {
        try {
            return new Answer(running.get(liveMillis, TimeUnit.MILLISECONDS).dashboard(), false);
        } catch (TimeoutException e) {
            return new Answer(null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, true);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void keep(Key key, Snapshot s) {
        snapshots.put(key, s);
        if (snapshots.size() > MAX_SNAPSHOTS) {
            // the oldest count goes first
            snapshots.entrySet().stream().min((a, b) -> a.getValue().countedAt().compareTo(b.getValue().countedAt()))
                    .ifPresent(oldest -> snapshots.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
