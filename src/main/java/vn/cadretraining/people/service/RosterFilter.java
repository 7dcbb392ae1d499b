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
 * @param commendedYear commended by a decision dated in this year
 * @param commendedLevel commended by this level's body: "COMMUNE" or "PROVINCE" (the commendation feature's
 *                      IssuingLevel, named here because people come before commendations); with no year, in any year
 */
public record RosterFilter(String text, Long unitId, Long titleId, Boolean newlyElected, String ethnicityCode,
        Gender gender, Integer commendedYear, String commendedLevel) implements Serializable {

    public static final RosterFilter ALL = new RosterFilter(null, null, null, null, null, null);

    /** A filter that asks nothing about commendations. */
    public RosterFilter(String text, Long unitId, Long titleId, Boolean newlyElected, String ethnicityCode,
            Gender gender) {
        this(text, unitId, titleId, newlyElected, ethnicityCode, gender, null, null);
    }

    public static RosterFilter text(String text) {
        return new RosterFilter(text, null, null, null, null, null);
    }

    public RosterFilter withUnit(Long id) {
        return new RosterFilter(text, id, titleId, newlyElected, ethnicityCode, gender, commendedYear, commendedLevel);
    }

    /** Narrowed to cadres commended in a year and/or by a level's body (both null: no such condition). */
    public RosterFilter withCommendation(Integer year, String level) {
        return new RosterFilter(text, unitId, titleId, newlyElected, ethnicityCode, gender, year,
                level == null || level.isBlank() ? null : level);
    }

    /** Whether the filter asks for a commendation. */
    public boolean asksCommendation() {
        return commendedYear != null || commendedLevel != null;
    }
}
