package vn.cadretraining.people.service;

import java.util.List;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Position;

/**
 * A cadre as a whole-roster read gives them (exports): the titles they hold now, with the title and unit
 * loaded, and the national ID as the caller may see it (masked for province reviewers).
 */
public record RosterEntry(Cadre cadre, List<Position> positionsNow, String nationalIdShown) {
}
