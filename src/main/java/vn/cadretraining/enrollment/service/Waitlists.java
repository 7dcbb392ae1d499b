package vn.cadretraining.enrollment.service;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;

/** Where a cadre stands on the waitlists they are on, in the order places are given (see promotion). */
public final class Waitlists {

    private Waitlists() {
    }

    /**
     * The cadre's place (from 1) on each class's waitlist, by class id, in one statement: those who joined the
     * list before them, or at the same moment with a smaller id, move up first.
     */
    public static Map<Long, Integer> positions(EntityManager em, long cadreId) {
        Map<Long, Integer> positions = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT m.courseClass.id, COUNT(w) FROM Enrollment m, Enrollment w"
                        + " WHERE m.cadre.id = :c AND m.status = :w AND w.courseClass = m.courseClass AND w.status = :w"
                        + " AND (w.waitlistedAt < m.waitlistedAt OR w.waitlistedAt = m.waitlistedAt AND w.id <= m.id)"
                        + " GROUP BY m.courseClass.id", Object[].class)
                .setParameter("c", cadreId).setParameter("w", EnrollmentStatus.WAITLISTED).getResultList()) {
            positions.put((Long) r[0], ((Number) r[1]).intValue());
        }
        return positions;
    }
}
