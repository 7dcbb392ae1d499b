package vn.cadretraining.people.service;

import java.util.List;

/**
 * What changes to cadres tell the features that count them (progress), fired inside the changing transaction
 * (synchronous CDI events): the people feature does not know who counts its cadres.
 */
public final class PeopleEvents {

    private PeopleEvents() {
    }

    /** These cadres' descriptions (ethnicity, gender, ...) may have changed. */
    public record Described(List<Long> cadreIds) {
        public Described {
            cadreIds = List.copyOf(cadreIds);
        }
    }
}
