package vn.cadretraining.commendation.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.commendation.entity.CommendationForm;
import vn.cadretraining.commendation.entity.IssuingLevel;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Recording commendations and reading a cadre's. A coordinator records them only for cadres on rosters under
 * their unit (anyone else's is "not found", whatever the request says); administrators and the province's
 * reviewers, who decide the province's own commendations, record them for anyone.
 */
@Stateless
public class CommendationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    /** A commendation as the dialog submits it. */
    public record Draft(String decisionNumber, LocalDate decisionDate, IssuingLevel level, CommendationForm form,
            String reason) implements Serializable {
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Commendation record(Long cadreId, Draft draft) {
        // a post that never opened the dialog names no cadre: nobody is found, as for one out of scope
        Cadre cadre = cadreId == null ? null : em.find(Cadre.class, cadreId);
        if (cadre == null || !mayRecord(cadre)) {
            throw new NotFoundException("cadre");
        }
        if (draft.level() == null) {
            throw new BusinessException("commendation.level.required");
        }
        AdminUnit issuer = draft.level() == IssuingLevel.PROVINCE ? cadre.getUnit().root()
                : cadre.getUnit().communeLevel().orElseThrow(() -> new BusinessException("commendation.error.noCommune"));
        Commendation c = new Commendation(cadre, draft.decisionNumber(), draft.decisionDate(), VietnamTime.today(),
                issuer, draft.form(), draft.reason(), currentUser.getUsername());
        em.persist(c);
        em.flush();
        audit.commendation(c);
        return c;
    }

    /** Whether the caller may record a commendation of this cadre (to show the action). */
    public boolean mayRecord(Cadre cadre) {
        Caller caller = currentUser.find().orElse(null);
        if (caller == null) {
            return false;
        }
        return caller.seesEverything()
                || caller.role() == Role.COORDINATOR && caller.coversUnitPath(cadre.getUnitPath());
    }

    /** A cadre's commendations, newest first, with their issuing units: the cadre's own, or one in scope. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.CADRE})
    public List<Commendation> of(Cadre cadre) {
        Caller caller = currentUser.get();
        boolean visible = caller.role() == Role.CADRE ? cadre.getId().equals(caller.cadreId())
                : caller.coversUnitPath(cadre.getUnitPath());
        if (!visible) {
            throw new NotFoundException("cadre");
        }
        return em.createQuery("SELECT c FROM Commendation c JOIN FETCH c.issuingUnit WHERE c.cadre.id = :c"
                + " ORDER BY c.decisionDate DESC, c.id DESC", Commendation.class)
                .setParameter("c", cadre.getId()).getResultList();
    }
}
