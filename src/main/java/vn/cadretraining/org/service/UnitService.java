package vn.cadretraining.org.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
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

    /** Units in service today whose name or code matches what was typed, ignoring diacritics. */
    public List<AdminUnit> searchCurrent(String typed, List<UnitKind> kinds, int limit) {
        LocalDate today = VietnamTime.today();
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.kind IN :kinds"
                        + " AND u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo >= :today)"
                        + " AND (u.nameFolded LIKE :text ESCAPE '\\' OR LOWER(u.code) LIKE :text ESCAPE '\\')"
                        + " ORDER BY u.nameFolded", AdminUnit.class)
                .setParameter("kinds", kinds)
                .setParameter("today", today)
                .setParameter("text", TextFold.containsPattern(typed))
                .setMaxResults(limit)
                .getResultList();
    }

    public long countCurrent(UnitKind... kinds) {
        LocalDate today = VietnamTime.today();
        return em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.kind IN :kinds"
                        + " AND u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo >= :today)", Long.class)
                .setParameter("kinds", List.of(kinds))
                .setParameter("today", today)
                .getSingleResult();
    }

    /** Current units of the given kinds in the subtree under {@code path}. */
    public long countCurrentUnder(String path, UnitKind... kinds) {
        LocalDate today = VietnamTime.today();
        return em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.kind IN :kinds AND u.path LIKE :path"
                        + " AND u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo >= :today)", Long.class)
                .setParameter("kinds", List.of(kinds))
                .setParameter("path", path + "%")
                .setParameter("today", today)
                .getSingleResult();
    }
}
