package vn.cadretraining.people.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The size of a large roster without conditions (a province's, a nation's), kept between pages. Counting a
 * province's cadres reads every cadre's index entry and locks it for a moment (20 ms at 12,000 cadres, a quarter
 * of a second at a million: most of a roster page's time, issue 7) for a number that changes only when cadres
 * are added, imported or moved.
 *
 * <p>Only counts of at least {@link #KEEP_FROM} are kept: a commune's roster, where a coordinator adds a cadre
 * and looks for them, is counted at every page. A kept count is forgotten when a change to rosters commits on
 * this server ({@link Changed}, fired in the changing transaction) and after {@link #KEEP_MILLIS} at the latest,
 * for changes made by another server sharing the database (PostgreSQL deployments).
 */
@ApplicationScoped
public class RosterCounts {

    /** Smaller counts are counted at every page. */
    static final long KEEP_FROM = 5_000;

    /** The longest a kept count is shown. */
    static final long KEEP_MILLIS = 60_000;

    /** Cadres were added to rosters, left them or moved between them (fired inside the changing transaction). */
    public record Changed() {
    }

    private record Kept(long count, long version, long at) {
    }

    private final AtomicLong version = new AtomicLong();

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The count for this key (the roster's unit paths), kept or counted now. */
    long count(String key, LongSupplier counter) {
        // the version is read before counting: a change committed during the count makes this count stale
        long v = version.get();
        Kept k = kept.get(key);
        long now = System.currentTimeMillis();
        if (k != null && k.version() == v && now - k.at() < KEEP_MILLIS) {
            return k.count();
        }
        long n = counter.getAsLong();
        if (n >= KEEP_FROM) {
            kept.put(key, new Kept(n, v, now));
        } else {
            kept.remove(key);
        }
        return n;
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        version.incrementAndGet();
        kept.clear();
    }
}
