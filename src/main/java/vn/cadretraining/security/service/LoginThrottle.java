package vn.cadretraining.security.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.cadretraining.shared.service.ClusterMaps;

/**
 * Slows down and then stops password guessing without letting a stranger lock a person out (OWASP's
 * authentication cheat sheet: lock per account and source, not per account alone).
 *
 * <ul>
 * <li>Per username <em>and</em> client address: after a failure the next attempt of that pair waits (nothing
 * after the first, then 1, 2, 4 seconds); the fifth failure locks that pair for 15 minutes. Someone guessing
 * from one place is stopped; the owner signing in from their own phone or office is not.</li>
 * <li>Per address, across usernames (password spraying): 20 failures lock the address for 15 minutes, without
 * delays before that, because a commune office puts all its staff behind one address.</li>
 * <li>Per username, across addresses (guessing from many machines): from the fifth failure, a growing
 * delay of 1, 2, then at most {@link #MAX_USERNAME_DELAY} between attempts; never a lock. A browser in which
 * the person signed in before ({@link KnownDevices}) is exempt, so strangers taking every free turn cannot
 * keep the owner out.</li>
 * </ul>
 * Usernames are counted whether or not an account exists, so neither the delays nor the lock tell an attacker
 * which usernames are real. Failures older than the lock period are forgotten.
 *
 * <p>The counters live in memory, in a map the nodes of a cluster share ({@link ClusterMaps}): an attacker gains
 * nothing from the balancer sending attempts to different nodes. A restart forgetting them costs an attacker a
 * restart of every node, which they cannot cause.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int MAX_FAILURES_PER_PAIR = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    /** Failures of one username, from anywhere, before its attempts are spaced out. */
    public static final int USERNAME_FAILURES_BEFORE_DELAY = 5;
    public static final Duration MAX_USERNAME_DELAY = Duration.ofSeconds(4);
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;

    /** The answer to "may this attempt go ahead?". */
    public record Decision(boolean allowed, boolean locked, long waitSeconds) {
        static final Decision ALLOW = new Decision(true, false, 0);

        /** Minutes to show in the lock message, rounded up. */
        public long waitMinutes() {
            return (waitSeconds + 59) / 60;
        }
    }

    /** One key's failures; kept in the map as a long[] (a JDK type every node of a cluster can read). */
    private record Counter(int failures, Instant lastFailure, Instant lockedUntil) {

        static Counter of(long[] stored) {
            return stored == null ? null : new Counter((int) stored[0], instant(stored[1]), instant(stored[2]));
        }

        long[] stored() {
            return new long[] {failures, millis(lastFailure), millis(lockedUntil)};
        }

        private static Instant instant(long millis) {
            return millis == 0 ? null : Instant.ofEpochMilli(millis);
        }

        private static long millis(Instant instant) {
            return instant == null ? 0 : instant.toEpochMilli();
        }
    }

    private final ConcurrentMap<String, long[]> counters;
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC(), ClusterMaps.map("cadre.loginThrottle"));
    }

    LoginThrottle(Clock clock) {
        this(clock, new ConcurrentHashMap<>());
    }

    private LoginThrottle(Clock clock, ConcurrentMap<String, long[]> counters) {
        this.clock = clock;
        this.counters = counters;
    }

    public Decision check(String username, String address) {
        return check(username, address, false);
    }

    /** As {@link #check(String, String)}; a known device is not held back by failures made elsewhere. */
    public Decision check(String username, String address, boolean knownDevice) {
        Instant now = clock.instant();
        Decision byPair = check(pairKey(username, address), now, LoginThrottle::pairDelay);
        Decision byAddress = check(addressKey(address), now, failures -> Duration.ZERO);
        Decision byUser = knownDevice ? Decision.ALLOW : check(userKey(username), now, LoginThrottle::usernameDelay);
        if (byPair.locked() || byAddress.locked()) {
            return new Decision(false, true, Math.max(byPair.waitSeconds(), byAddress.waitSeconds()));
        }
        if (!byPair.allowed() || !byUser.allowed()) {
            return new Decision(false, false, Math.max(byPair.waitSeconds(), byUser.waitSeconds()));
        }
        return Decision.ALLOW;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(pairKey(username, address), MAX_FAILURES_PER_PAIR, now);
        record(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        record(userKey(username), Integer.MAX_VALUE, now);
        if (counters.size() > MAX_TRACKED_KEYS) {
            forgetExpired(now);
        }
    }

    /** A right password clears the username's counts; the address keeps its count until it expires. */
    public void succeeded(String username, String address) {
        counters.remove(pairKey(username, address));
        counters.remove(userKey(username));
    }

    private interface DelayRule {
        Duration after(int failures);
    }

    private Decision check(String key, Instant now, DelayRule delays) {
        Counter c = Counter.of(counters.get(key));
        if (c == null) {
            return Decision.ALLOW;
        }
        if (c.lockedUntil() != null) {
            if (now.isBefore(c.lockedUntil())) {
                return new Decision(false, true, secondsBetween(now, c.lockedUntil()));
            }
            return Decision.ALLOW;
        }
        if (expired(c, now)) {
            return Decision.ALLOW;
        }
        Instant next = c.lastFailure().plus(delays.after(c.failures()));
        return now.isBefore(next) ? new Decision(false, false, secondsBetween(now, next)) : Decision.ALLOW;
    }

    /** Counted atomically, on the cluster's map too (compute replaces only the value it read). */
    private void record(String key, int limit, Instant now) {
        counters.compute(key, (k, stored) -> {
            Counter c = Counter.of(stored);
            int failures = c == null || expired(c, now) || (c.lockedUntil() != null && !now.isBefore(c.lockedUntil()))
                    ? 1 : c.failures() + 1;
            return new Counter(failures, now, failures >= limit ? now.plus(LOCK) : null).stored();
        });
    }

    /** The pause imposed after the n-th failure in a row of one pair: none after the first, then 1, 2, 4, 8… seconds. */
    static Duration pairDelay(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(1L << Math.min(failures - 2, 10));
    }

    /** The pause between attempts at one username from anywhere: 1, 2, then 4 seconds from the fifth failure on. */
    static Duration usernameDelay(int failures) {
        if (failures < USERNAME_FAILURES_BEFORE_DELAY) {
            return Duration.ZERO;
        }
        Duration growing = Duration.ofSeconds(1L << Math.min(failures - USERNAME_FAILURES_BEFORE_DELAY, 10));
        return growing.compareTo(MAX_USERNAME_DELAY) > 0 ? MAX_USERNAME_DELAY : growing;
    }

    private static boolean expired(Counter c, Instant now) {
        return c.lastFailure() == null || c.lastFailure().plus(LOCK).isBefore(now);
    }

    private void forgetExpired(Instant now) {
        counters.entrySet().removeIf(e -> {
            Counter c = Counter.of(e.getValue());
            return expired(c, now) && (c.lockedUntil() == null || !now.isBefore(c.lockedUntil()));
        });
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(1, (Duration.between(from, to).toMillis() + 999) / 1000);
    }

    private static String username(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String userKey(String username) {
        return "u:" + username(username);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static String pairKey(String username, String address) {
        // the address first: it cannot contain a space, so no username makes two pairs collide
        return "p:" + (address == null ? "" : address) + " " + username(username);
    }
}
