package vn.cadretraining.org.entity;

/** What happened to a unit. */
public enum UnitChangeKind {
    CREATED,
    RENAMED,
    /** Ended without a successor. */
    CLOSED,
    /** Ended, absorbed by a successor (which may be an existing unit, extended, or a new one). */
    MERGED,
    /** Received the units merged into it. */
    EXTENDED,
    /** Moved under another parent (its own history stays with it). */
    MOVED
}
