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

    /**
     * These cadres' positions are about to change (started, ended, continued elsewhere, their title made paid or
     * not): what they count as title holders is taken away now, from the records as they stand...
     */
    public record PositionsChanging(List<Long> cadreIds) {
        public PositionsChanging {
            cadreIds = List.copyOf(cadreIds);
        }
    }

    /** ...and added again once changed ({@link PositionsChanging}), in the same transaction. */
    public record PositionsChanged(List<Long> cadreIds) {
        public PositionsChanged {
            cadreIds = List.copyOf(cadreIds);
        }
    }
}
