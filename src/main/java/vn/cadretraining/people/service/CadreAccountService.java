package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Locale;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * A cadre's own account, given by their coordinator: the username is the cadre's code (or phone), the
 * password a one-time one printed on a slip for the cadre, who chooses their own at the first sign-in.
 */
@Stateless
public class CadreAccountService {

    @Inject
    CadreService cadres;

    @Inject
    AccountService accounts;

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public AccountService.Issued give(long cadreId, boolean usernameIsPhone) {
        Cadre cadre = changeable(cadreId);
        String username;
        if (usernameIsPhone) {
            if (cadre.getPhone() == null) {
                throw new BusinessException("cadreAccount.error.noPhone");
            }
            username = cadre.getPhone();
        } else {
            username = cadre.getCode().toLowerCase(Locale.ROOT);
        }
        return accounts.createForCadre(username, cadre.getFullName(), cadre.getId(), cadre.getUnitPath());
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public AccountService.Issued reset(long cadreId) {
        Cadre cadre = changeable(cadreId);
        return accounts.resetForCadre(cadre.getId(), cadre.getUnitPath());
    }

    private Cadre changeable(long cadreId) {
        Cadre cadre = cadres.get(cadreId);
        if (!cadres.mayChange(cadre)) {
            throw new NotFoundException("cadre");
        }
        return cadre;
    }
}
