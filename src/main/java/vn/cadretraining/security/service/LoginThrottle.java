package vn.cadretraining.security.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then stops password guessing, per username and per client address.
 *
 * <p>After a failed sign-in the next attempt for the same username must wait: nothing after the first, then
 * 1, 2, 4 seconds…; the fifth failure locks the username for 15 minutes. An address is locked after 20
 * failures, without delays before that, because a commune office puts all its staff behind one address and
 * one forgetful colleague must not slow down the rest. Usernames are counted whether or not an account exists, so neither the delay nor the lock tells an
 * attacker which usernames are real. Failures older than the lock period are forgotten.
 *
 * <p>The counters live in memory: this is a single-node application (embedded Derby) and a restart forgetting
 * them costs an attacker a restart of our server, which they cannot cause.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int MAX_FAILURES_PER_USERNAME = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
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

    private static final class Counter {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public Decision check(String username, String address) {
        Instant now = clock.instant();
        Decision byUser = check(userKey(username), now, true);
        Decision byAddress = check(addressKey(address), now, false);
        if (byUser.locked() || byAddress.locked()) {
            return new Decision(false, true, Math.max(byUser.waitSeconds(), byAddress.waitSeconds()));
        }
        if (!byUser.allowed() || !byAddress.allowed()) {
            return new Decision(false, false, Math.max(byUser.waitSeconds(), byAddress.waitSeconds()));
        }
        return Decision.ALLOW;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(userKey(username), MAX_FAILURES_PER_USERNAME, now);
        record(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        if (counters.size() > MAX_TRACKED_KEYS) {
            forgetExpired(now);
        }
    }

    /** A right password clears the username's count; the address keeps its count until it expires. */
    public void succeeded(String username) {
        counters.remove(userKey(username));
    }

    private Decision check(String key, Instant now, boolean delays) {
        Counter c = counters.get(key);
        if (c == null) {
            return Decision.ALLOW;
        }
        synchronized (c) {
            if (c.lockedUntil != null) {
                if (now.isBefore(c.lockedUntil)) {
                    return new Decision(false, true, secondsBetween(now, c.lockedUntil));
                }
                return Decision.ALLOW;
            }
            if (!delays || expired(c, now)) {
                return Decision.ALLOW;
            }
            Instant next = c.lastFailure.plus(delayAfter(c.failures));
            return now.isBefore(next) ? new Decision(false, false, secondsBetween(now, next)) : Decision.ALLOW;
        }
    }

    private void record(String key, int limit, Instant now) {
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            if (expired(c, now) || (c.lockedUntil != null && !now.isBefore(c.lockedUntil))) {
                c.failures = 0;
                c.lockedUntil = null;
            }
            c.failures++;
            c.lastFailure = now;
            if (c.failures >= limit) {
                c.lockedUntil = now.plus(LOCK);
            }
        }
    }

    /** The pause imposed after the n-th failure in a row: none after the first, then 1, 2, 4, 8… seconds. */
    static Duration delayAfter(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(1L << Math.min(failures - 2, 10));
    }

    private static boolean expired(Counter c, Instant now) {
        return c.lastFailure == null || c.lastFailure.plus(LOCK).isBefore(now);
    }

    private void forgetExpired(Instant now) {
        counters.entrySet().removeIf(e -> {
            Counter c = e.getValue();
            synchronized (c) {
                return expired(c, now) && (c.lockedUntil == null || !now.isBefore(c.lockedUntil));
            }
        });
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(1, (Duration.between(from, to).toMillis() + 999) / 1000);
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
