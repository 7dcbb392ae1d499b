package vn.cadretraining.reporting.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.concurrent.Future;
import vn.cadretraining.shared.stats.SqlStats;

/**
 * Runs one of the dashboard's aggregate statements on its own thread: they read the same committed data and do
 * not depend on each other, so {@link ProgressService} starts them together and a dashboard takes about as long
 * as its longest statement rather than their sum. Only the progress service calls this, after its own role and
 * scope checks; each call reads in its own short transaction.
 */
@Stateless
@PermitAll
public class ProgressQueries {

    @PersistenceContext
    EntityManager em;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Future<List<Object[]>> rows(Object sqlStats, ProgressSql.Statement s) {
        // the statement counts toward the page that asked for it (benchmark only; see SqlStats)
        SqlStats.adopt(sqlStats);
        try {
            return new AsyncResult<>(run(s));
        } finally {
            SqlStats.release(sqlStats);
        }
    }

    @SuppressWarnings("unchecked")
    List<Object[]> run(ProgressSql.Statement s) {
        Query q = em.createNativeQuery(s.sql());
        for (int i = 0; i < s.values().size(); i++) {
            q.setParameter(i + 1, s.values().get(i));
        }
        return q.getResultList();
    }
}
