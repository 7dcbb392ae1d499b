package vn.cadretraining.people.service;

import java.io.Serializable;
import vn.cadretraining.people.entity.Gender;

/**
 * What the roster list is narrowed to. The caller's own scope is always added by the service on top of
 * this, whatever it says.
 *
 * @param text          words of a name, a code or a phone, in any case, with or without diacritics
 * @param unitId        a unit: the cadres on its roster or any roster under it
 * @param titleId       holding this title now
 * @param newlyElected  holding a title now to which they were newly elected
 */
public record RosterFilter(String text, Long unitId, Long titleId, Boolean newlyElected, String ethnicityCode,
        Gender gender) implements Serializable {

    public static final RosterFilter ALL = new RosterFilter(null, null, null, null, null, null);

    public static RosterFilter text(String text) {
        return new RosterFilter(text, null, null, null, null, null);
    }

    public RosterFilter withUnit(Long id) {
        return new RosterFilter(text, id, titleId, newlyElected, ethnicityCode, gender);
    }
}
