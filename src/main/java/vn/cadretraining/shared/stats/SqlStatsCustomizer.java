package vn.cadretraining.shared.stats;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts every SQL call EclipseLink executes (queries, native queries, each write, each batch-fetch and
 * lazy-load query) when {@link SqlStats#ENABLED}; adds nothing otherwise. Applied by PersistenceCustomizer.
 */
public class SqlStatsCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (!SqlStats.ENABLED) {
            return;
        }
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                SqlStats.count();
            }
        });
    }
}
