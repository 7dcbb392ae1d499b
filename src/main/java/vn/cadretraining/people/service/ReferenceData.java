package vn.cadretraining.people.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.PositionTitle;

/** The roster's reference lists: ethnic groups and titles (both in the shared cache, the lists kept by JPA). */
@Stateless
@PermitAll
public class ReferenceData {

    @PersistenceContext
    EntityManager em;

    public List<Ethnicity> ethnicities() {
        return em.createNamedQuery(Ethnicity.ALL, Ethnicity.class).getResultList();
    }

    public List<PositionTitle> activeTitles() {
        return em.createNamedQuery(PositionTitle.ACTIVE, PositionTitle.class).getResultList();
    }

    public List<PositionTitle> allTitles() {
        return em.createQuery("SELECT t FROM PositionTitle t ORDER BY t.active DESC, t.sortOrder, t.nameVi",
                PositionTitle.class).getResultList();
    }

    public Optional<PositionTitle> title(long id) {
        return Optional.ofNullable(em.find(PositionTitle.class, id));
    }

    public Optional<Ethnicity> ethnicity(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Ethnicity.class, code));
    }
}
