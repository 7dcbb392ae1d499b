package vn.cadretraining.shared.stats;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements each request sends to the database, for the benchmark ({@code setup/bench}):
 * statements per page must stay the same as the data grows (no N+1). Off unless the environment says
 * {@code BENCH_SQL_STATS=true}; then EclipseLink's calls ({@link SqlStatsCustomizer}) and the few direct JDBC
 * paths ({@link #wrap}) are counted against the request running on the thread ({@link SqlStatsFilter}), and
 * read by the benchmark from {@code /bench/sql-stats} on the loopback address only ({@link SqlStatsServlet}).
 * Work outside a request (asynchronous imports, start-up) is counted under {@code (background)}.
 */
public final class SqlStats {

    /** Read once: the switch cannot change while the application runs. */
    public static final boolean ENABLED = "true".equalsIgnoreCase(System.getenv("BENCH_SQL_STATS"))
            || Boolean.getBoolean("bench.sqlStats");

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
        if (ENABLED) {
            increment();
        }
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
     * dashboards' executor): null when counting is off or no request runs here.
     */
    public static Object current() {
        return ENABLED ? CURRENT.get() : null;
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

    /**
     * The connection itself when counting is off; otherwise a proxy whose statements count each execution
     * (a JDBC batch counts once: it is one round trip).
     */
    public static Connection wrap(Connection connection) {
        if (!ENABLED) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(SqlStats.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(connection, (result, method) -> result instanceof Statement statement
                        ? countingStatement(statement) : result));
    }

    private static Object countingStatement(Statement statement) {
        Class<?>[] types = statement instanceof CallableStatement
                ? new Class<?>[] {CallableStatement.class}
                : statement instanceof PreparedStatement ? new Class<?>[] {PreparedStatement.class}
                : new Class<?>[] {Statement.class};
        return Proxy.newProxyInstance(SqlStats.class.getClassLoader(), types, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                count();
            }
            return invoke(statement, method, args);
        });
    }

    private interface After {
        Object apply(Object result, Method method);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> after.apply(invoke(target, method, args), method);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
