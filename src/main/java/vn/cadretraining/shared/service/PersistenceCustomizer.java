package vn.cadretraining.shared.service;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.persistence.config.CacheIsolationType;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Runs when the persistence unit is deployed, before EclipseLink's first connection: a database that does not
 * answer stops the server with the reason ({@link Database#requireReachable}) instead of a failed deployment
 * behind a running server. On a node of a cluster, no shared cache (below). Then the SQL statistics' customizer.
 * Named in persistence.xml.
 */
public class PersistenceCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) throws Exception {
        if (session.getDatasourceLogin() instanceof DatasourceLogin login
                && login.getConnector() instanceof JNDIConnector jndi) {
            DataSource dataSource = jndi.getDataSource();
            if (dataSource == null && jndi.getName() != null) {
                dataSource = (DataSource) new InitialContext().lookup(jndi.getName());
            }
            // only before the first migration: a persistence unit deployed again later never stops the server
            if (dataSource != null && !Database.isMigrated()) {
                Database.requireReachable(dataSource);
            }
        }
        if (ClusterMaps.clustered()) {
            // One node keeps reference data (units, venues, subject groups…) in its shared cache. Each node of a
            // cluster would keep its own, and a unit merged or renamed on one node would stay stale on the others:
            // there every entity is read from the database, which serves such small lookups from its own memory.
            for (ClassDescriptor descriptor : session.getDescriptors().values()) {
                descriptor.setCacheIsolation(CacheIsolationType.ISOLATED);
            }
        }
    }
}
