package vn.cadretraining.petition.service;

import java.time.LocalDate;
import vn.cadretraining.petition.entity.PetitionState;

/**
 * What a change of a petition tells the features that count petitions (progress), fired inside the changing
 * transaction (synchronous CDI events): the petition feature does not know who counts its petitions.
 */
public final class PetitionEvents {

    private PetitionEvents() {
    }

    /**
     * A petition recorded ({@code stateBefore} null) or moved a step, with what it was before the step: its state,
     * whether it had been reopened, whether it had been sent up, the day of its answer. Its hamlet, field and day of
     * receipt never change.
     */
    public record Changed(long petitionId, PetitionState stateBefore, boolean reopenedBefore,
            boolean transferredBefore, LocalDate answeredBefore) {
    }
}
