package vn.cadretraining.testing;

import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import vn.cadretraining.stats.SqlStats;

/**
 * Counts the persistence contexts that requests open (one per transaction, or per call outside one): how many
 * separate reads a page makes; and keeps the statements sent, to name them when a count is too high. Counted on
 * threads running a request.
 */
public final class ReadCounter {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final java.util.List<String> SQL = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static boolean installed;

    private ReadCounter() {
    }

    public static synchronized void install(EntityManager em) {
        if (installed) {
            return;
        }
        em.unwrap(JpaEntityManager.class).getServerSession().getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postAcquireClientSession(SessionEvent event) {
                if (SqlStats.current() != null) {
                    COUNT.incrementAndGet();
                }
            }

            @Override
            public void preExecuteCall(SessionEvent event) {
                if (SqlStats.current() != null && event.getCall() != null) {
                    SQL.add(event.getCall() instanceof org.eclipse.persistence.internal.databaseaccess.DatabaseCall c
                            ? c.getSQLString() : String.valueOf(event.getCall()));
                }
            }
        });
        installed = true;
    }

    public static void reset() {
        COUNT.set(0);
        SQL.clear();
    }

    /** The statements EclipseLink sent for requests since the reset, for a failure to name them. */
    public static java.util.List<String> statements() {
        return java.util.List.copyOf(SQL);
    }

    public static long count() {
        return COUNT.get();
    }
}
