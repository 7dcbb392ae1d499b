package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    @Inject
    Event<PeopleEvents.PositionsChanging> positionsChanging;

    @Inject
    Event<PeopleEvents.PositionsChanged> positionsChanged;

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
        // a title made paid or not moves its holders in or out of the paid titles' counts
        List<Long> holders = paid == title.isPaid() ? List.of() : em.createQuery(
                "SELECT DISTINCT p.cadre.id FROM Position p WHERE p.title = :t", Long.class)
                .setParameter("t", title).getResultList();
        if (!holders.isEmpty()) {
            positionsChanging.fire(new PeopleEvents.PositionsChanging(holders));
        }
        title.describe(nameVi, nameEn, paid, sortOrder);
        if (!holders.isEmpty()) {
            positionsChanged.fire(new PeopleEvents.PositionsChanged(holders));
        }
        if (active) {
            title.activate();
        } else {
            title.deactivate();
        }
        return title;
    }
}
