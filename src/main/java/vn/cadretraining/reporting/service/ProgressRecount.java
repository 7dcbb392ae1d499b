package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The proof of the summaries, for the administrator's page: every summary row recomputed from the raw records
 * by the counting rule ({@link Recounter}), compared with the rows kept, and on request repaired.
 */
@Stateless
public class ProgressRecount {

    @PersistenceContext
    EntityManager em;

    /**
     * Recounts every summary, in this transaction; repairs the differences when asked. Refused as busy when it
     * met a change of the figures in a deadlock or waited too long for it: nothing was written, it can be run again.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public Recounter.Report recount(boolean repair) {
        em.flush();
        try {
            return Recounter.run(em.unwrap(Connection.class), repair);
        } catch (SQLException e) {
            if (busy(e)) {
                throw new BusinessException("recount.busy");
            }
            throw new PersistenceException("the recount failed", e);
        }
    }

    /** SQLStates of a deadlock or a lock wait timed out (PostgreSQL, Derby): a change was going on, try again. */
    private static final Set<String> BUSY = Set.of("40001", "40P01", "40XL1", "40XL2");

    static boolean busy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException q ? q : null; s != null; s = s.getNextException()) {
                if (BUSY.contains(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
