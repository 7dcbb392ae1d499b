package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;

/** The administrator keeps the list of titles. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class TitleService {

    @PersistenceContext
    EntityManager em;

    public PositionTitle create(String code, String nameVi, String nameEn, boolean paid, int sortOrder) {
        PositionTitle title = new PositionTitle(code, nameVi, nameEn, paid, sortOrder);
        long taken = em.createQuery("SELECT COUNT(t) FROM PositionTitle t WHERE t.code = :c", Long.class)
                .setParameter("c", title.getCode()).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("title.error.codeTaken", title.getCode());
        }
        em.persist(title);
        return title;
    }

    public PositionTitle update(long id, long expectedVersion, String nameVi, String nameEn, boolean paid,
            int sortOrder, boolean active) {
        PositionTitle title = em.find(PositionTitle.class, id);
        if (title == null) {
            throw new NotFoundException("title");
        }
        if (title.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        title.describe(nameVi, nameEn, paid, sortOrder);
        if (active) {
            title.activate();
        } else {
            title.deactivate();
        }
        return title;
    }
}
