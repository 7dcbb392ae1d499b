package vn.cadretraining.org.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitChange;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/** Reading the tree of administrative units. */
@Stateless
@PermitAll
public class UnitService {

    @PersistenceContext
    EntityManager em;

    public Optional<AdminUnit> find(long id) {
        return Optional.ofNullable(em.find(AdminUnit.class, id));
    }

    /**
     * Who issues the unit's official documents, read fresh (a dashboard kept in memory may hold an older copy of
     * the unit): the configured body or the defaults of its level.
     */
    public Issuer issuer(long unitId) {
        AdminUnit unit = em.find(AdminUnit.class, unitId);
        if (unit == null) {
            throw new NotFoundException("unit");
        }
        em.refresh(unit);
        return unit.issuer();
    }

    /** The root units (the province), current or not. */
    public List<AdminUnit> roots() {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent IS NULL ORDER BY u.nameFolded", AdminUnit.class)
                .getResultList();
    }

    /** The units directly under a unit, current first then by code (the official order); closed ones when asked. */
    public List<AdminUnit> children(long parentId, boolean includeClosed) {
        return em.createQuery("SELECT u FROM AdminUnit u LEFT JOIN FETCH u.successor WHERE u.parent.id = :p"
                        + (includeClosed ? "" : " AND u.validTo IS NULL")
                        + " ORDER BY u.validTo DESC, u.code", AdminUnit.class)
                .setParameter("p", parentId)
                .getResultList();
    }

    /** For each of these units, how many units are directly under it (current, or all): one query. */
    public Map<Long, Long> childCounts(List<Long> parentIds, boolean includeClosed) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT u.parent.id, COUNT(u) FROM AdminUnit u WHERE u.parent.id IN :ids"
                        + (includeClosed ? "" : " AND u.validTo IS NULL") + " GROUP BY u.parent.id", Object[].class)
                .setParameter("ids", parentIds).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The unit's recorded history, newest first. */
    public List<UnitChange> history(long unitId) {
        return em.createQuery("SELECT c FROM UnitChange c LEFT JOIN FETCH c.successor WHERE c.unit.id = :u"
                        + " ORDER BY c.effectiveDate DESC, c.id DESC", UnitChange.class)
                .setParameter("u", unitId).getResultList();
    }

    /** Units that were merged into this one. */
    public List<AdminUnit> predecessors(long unitId) {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.successor.id = :u ORDER BY u.nameFolded", AdminUnit.class)
                .setParameter("u", unitId).getResultList();
    }

    /** Units in service today whose name or code matches what was typed, ignoring diacritics. */
    public List<AdminUnit> searchCurrent(String typed, List<UnitKind> kinds, int limit) {
        LocalDate today = VietnamTime.today();
        return em.createQuery("SELECT u FROM AdminUnit u LEFT JOIN FETCH u.parent WHERE u.kind IN :kinds"
                        + " AND u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo >= :today)"
                        + " AND (u.nameFolded LIKE :text ESCAPE '\\' OR LOWER(u.code) LIKE :text ESCAPE '\\')"
                        + " ORDER BY u.nameFolded", AdminUnit.class)
                .setParameter("kinds", kinds)
                .setParameter("today", today)
                .setParameter("text", TextFold.containsPattern(typed))
                .setMaxResults(limit)
                .getResultList();
    }

    /** Like {@link #searchCurrent}, limited to the subtree under {@code path}. */
    public List<AdminUnit> searchCurrentUnder(String typed, List<UnitKind> kinds, String path, int limit) {
        LocalDate today = VietnamTime.today();
        return em.createQuery("SELECT u FROM AdminUnit u LEFT JOIN FETCH u.parent WHERE u.kind IN :kinds AND u.path LIKE :path"
                        + " AND u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo >= :today)"
                        + " AND (u.nameFolded LIKE :text ESCAPE '\\' OR LOWER(u.code) LIKE :text ESCAPE '\\')"
                        + " ORDER BY u.path, u.nameFolded", AdminUnit.class)
                .setParameter("kinds", kinds)
                .setParameter("path", path + "%")
                .setParameter("today", today)
                .setParameter("text", TextFold.containsPattern(typed))
                .setMaxResults(limit)
                .getResultList();
    }
}
