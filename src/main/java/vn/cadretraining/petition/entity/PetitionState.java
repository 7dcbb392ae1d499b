package vn.cadretraining.petition.entity;

/**
 * Where a petition stands. RECEIVED → ASSIGNED → IN_PROGRESS → ANSWERED → CONFIRMED (satisfactory) or REOPENED
 * (handled again: → IN_PROGRESS, or answered anew); TRANSFERRED_UP when beyond the commune's authority, after
 * which the province assigns it and it goes the same way; TRANSFERRED_DOWN when the province finds it within the
 * commune's authority after all, after which the commune assigns it (and may not send it up again).
 */
public enum PetitionState {
    RECEIVED,
    ASSIGNED,
    IN_PROGRESS,
    ANSWERED,
    CONFIRMED,
    REOPENED,
    TRANSFERRED_UP,
    TRANSFERRED_DOWN;

    /** Answered (and possibly confirmed): no longer counted as overdue. */
    public boolean isAnswered() {
        return this == ANSWERED || this == CONFIRMED;
    }
}
