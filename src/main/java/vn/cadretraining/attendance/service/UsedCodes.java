package vn.cadretraining.attendance.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import vn.cadretraining.shared.service.Housekeeping;

/**
 * The check-in codes cadres used are kept only to refuse a replay, and a code is good for 90 seconds: a day later
 * its row serves nothing (the mark and the audit trail keep the check-in), so housekeeping deletes it, once per
 * period for the whole cluster.
 */
@Stateless
@PermitAll
public class UsedCodes {

    private static final Logger LOG = Logger.getLogger(UsedCodes.class.getName());

    static final Duration KEPT = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    public void purge(@Observes Housekeeping.Run run) {
        int deleted = em.createQuery("DELETE FROM QrCheckIn q WHERE q.usedAt < :before")
                .setParameter("before", Instant.now().minus(KEPT)).executeUpdate();
        if (deleted > 0) {
            LOG.info(() -> "Housekeeping: " + deleted + " used check-in codes older than a day deleted");
        }
    }
}
