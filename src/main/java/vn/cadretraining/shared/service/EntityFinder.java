package vn.cadretraining.shared.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import vn.cadretraining.shared.entity.BaseEntity;

/**
 * An entity by its id, for the form converter that turns a picked id back into the entity. It decides nothing:
 * the service the form is posted to checks role and scope on what it receives.
 */
@Stateless
@RolesAllowed({"ADMIN", "PROVINCE", "COORDINATOR", "TRAINER"})
public class EntityFinder {

    @PersistenceContext
    EntityManager em;

    public <T extends BaseEntity> Optional<T> find(Class<T> type, long id) {
        return Optional.ofNullable(em.find(type, id));
    }
}
