package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.stats.SqlStats;

/**
 * The proof of the summaries, for the administrator's page: every summary row recomputed from the raw records
 * by the counting rule ({@link Recounter}), compared with the rows kept, and on request repaired.
 */
@Stateless
public class ProgressRecount {

    @PersistenceContext
    EntityManager em;

    /** Recounts every summary, in this transaction; repairs the differences when asked. */
    @RolesAllowed(Role.Names.ADMIN)
    public Recounter.Report recount(boolean repair) {
        em.flush();
        try {
            return Recounter.run(SqlStats.wrap(em.unwrap(Connection.class)), repair);
        } catch (SQLException e) {
            throw new PersistenceException("the recount failed", e);
        }
    }
}
