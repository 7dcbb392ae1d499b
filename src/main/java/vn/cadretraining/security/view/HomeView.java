package vn.cadretraining.security.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.service.UnitService;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Messages;

/** The home page, one per role: each figure is read only when the role's section asks for it. */
@Named
@RequestScoped
public class HomeView {

    private static final UnitKind[] COMMUNE_LEVEL = {UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE};
    private static final UnitKind[] HAMLET_LEVEL = {UnitKind.HAMLET, UnitKind.VILLAGE, UnitKind.QUARTER,
        UnitKind.RESIDENTIAL_GROUP};

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    UnitService units;

    public String getGreeting() {
        return Messages.text("home.greeting", currentUser.getDisplayName());
    }

    public long getAccountCount() {
        return accounts.count(AccountService.Filter.ALL);
    }

    public long getCommuneCount() {
        return units.countCurrent(COMMUNE_LEVEL);
    }

    /** Hamlets in the whole province, or under a coordinator's unit. */
    public long getHamletCount() {
        Caller caller = currentUser.get();
        return caller.unitPath() == null ? units.countCurrent(HAMLET_LEVEL)
                : units.countCurrentUnder(caller.unitPath(), HAMLET_LEVEL);
    }

    public String getUnitName() {
        return currentUser.get().unitName();
    }
}
