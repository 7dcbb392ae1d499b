package vn.cadretraining.org.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.service.UnitService;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;

/**
 * Suggestions for a unit field, typed without diacritics: units in service today and, for a coordinator,
 * only those under their unit. (The services check the scope again on whatever is submitted.)
 */
@Named
@RequestScoped
public class UnitPicker {

    private static final List<UnitKind> BELOW_PROVINCE = List.of(UnitKind.COMMUNE, UnitKind.WARD,
            UnitKind.SPECIAL_ZONE, UnitKind.HAMLET, UnitKind.VILLAGE, UnitKind.QUARTER, UnitKind.RESIDENTIAL_GROUP);
    private static final List<UnitKind> ORGANISERS = List.of(UnitKind.PROVINCE, UnitKind.COMMUNE, UnitKind.WARD,
            UnitKind.SPECIAL_ZONE);

    @Inject
    UnitService units;

    @Inject
    CurrentUser currentUser;

    /** Any unit below the province. */
    public List<AdminUnit> complete(String typed) {
        return search(typed, BELOW_PROVINCE);
    }

    /**
     * The province and commune-level units, the ones that organise training, whoever asks: the trainers and
     * administrators who plan classes work across the province, and unit names are not confidential. (Only they
     * can save a class; the class service checks the unit again.)
     */
    public List<AdminUnit> completeOrganiser(String typed) {
        return units.searchCurrent(typed, ORGANISERS, 20);
    }

    private List<AdminUnit> search(String typed, List<UnitKind> kinds) {
        Caller caller = currentUser.get();
        if (caller.seesEverything()) {
            return units.searchCurrent(typed, kinds, 20);
        }
        if (caller.unitPath() != null) {
            return units.searchCurrentUnder(typed, kinds, caller.unitPath(), 20);
        }
        return List.of();
    }
}
