package vn.cadretraining.stats;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements each request sends to the database, for the benchmark ({@code setup/bench}) and the
 * tests' statement budgets: statements per page must stay the same as the data grows (no N+1). Not in the product:
 * the benchmark and the tests add this package to the WAR they deploy and name {@link SqlStatsListener} in
 * {@code DB_SQL_TRACE_LISTENERS}, which the data source hands to Payara's connection pool; the pool then tells it of
 * every JDBC call, EclipseLink's and the direct ones alike. Each statement is booked against the request running
 * on the thread ({@link SqlStatsFilter}) and read from {@code /bench/sql-stats} on the loopback address only
 * ({@link SqlStatsServlet}). Work outside a request (asynchronous imports, start-up) is booked under
 * {@code (background)}.
 */
public final class SqlStats {

    static final String BACKGROUND = "(background)";

    private static final ThreadLocal<AtomicLong> CURRENT = new ThreadLocal<>();
    private static final Map<String, Totals> TOTALS = new ConcurrentHashMap<>();

    /** Requests and statements under one key, and the fewest and most statements one request sent. */
    static final class Totals {
        final LongAdder requests = new LongAdder();
        final LongAdder statements = new LongAdder();
        volatile long min = Long.MAX_VALUE;
        volatile long max;

        synchronized void add(long n) {
            requests.increment();
            statements.add(n);
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
    }

    private SqlStats() {
    }

    /** One statement sent on this thread. */
    public static void count() {
        increment();
    }

    static void increment() {
        AtomicLong c = CURRENT.get();
        if (c != null) {
            c.incrementAndGet();
        } else {
            TOTALS.computeIfAbsent(BACKGROUND, k -> new Totals()).add(1);
        }
    }

    static void begin() {
        CURRENT.set(new AtomicLong());
    }

    /**
     * The running request's count, to hand to work it starts on other threads (a dashboard's count on the
     * dashboards' executor): null when no request runs here.
     */
    public static Object current() {
        return CURRENT.get();
    }

    /** Counts this thread's statements for the request whose {@link #current()} this is, until {@link #release}. */
    public static void adopt(Object scope) {
        if (scope instanceof AtomicLong c) {
            CURRENT.set(c);
        }
    }

    public static void release(Object scope) {
        if (scope != null) {
            CURRENT.remove();
        }
    }

    /** Ends the thread's request and books its statements under the key; returns them. */
    static long end(String key) {
        AtomicLong c = CURRENT.get();
        CURRENT.remove();
        long n = c == null ? 0 : c.get();
        TOTALS.computeIfAbsent(key, k -> new Totals()).add(n);
        return n;
    }

    static void reset() {
        TOTALS.clear();
    }

    /** Tab-separated: key, requests, statements, per request (mean, min, max). */
    static String report() {
        StringBuilder b = new StringBuilder("key\trequests\tstatements\tmean\tmin\tmax\n");
        new TreeMap<>(TOTALS).forEach((k, t) -> {
            long r = t.requests.sum();
            long s = t.statements.sum();
            b.append(k).append('\t').append(r).append('\t').append(s).append('\t')
                    .append(r == 0 ? "0" : String.format(Locale.ROOT, "%.1f", (double) s / r)).append('\t')
                    .append(r == 0 ? 0 : t.min).append('\t').append(t.max).append('\n');
        });
        return b.toString();
    }
}
