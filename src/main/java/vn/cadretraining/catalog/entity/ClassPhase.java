package vn.cadretraining.catalog.entity;

/**
 * Where a class stands on a given day as its participants and trainer see it, from its dates and whether its
 * results are closed (its status is what the organiser set; the phase is what has happened).
 */
public enum ClassPhase {
    /** Not started yet. */
    UPCOMING,
    /** Between its first and its last day. */
    RUNNING,
    /** Over, its results not closed yet: outcomes and certificates are still to come. */
    AWAITING_RESULTS,
    /** Results closed: outcomes are final. */
    CLOSED,
    CANCELLED
}
