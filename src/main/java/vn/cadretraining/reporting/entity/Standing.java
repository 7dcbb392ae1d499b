package vn.cadretraining.reporting.entity;

/** Where a figure stands against its target on a day; laggards are the last two. */
public enum Standing {
    /** The target is reached. */
    REACHED,
    /** At or above the pace expected for the day. */
    ON_TRACK,
    /** Below the expected pace, but by less than a fifth of it. */
    BEHIND,
    /** A fifth or more below the expected pace. */
    FAR_BEHIND,
    /** No target was set. */
    NO_TARGET;

    public boolean isLagging() {
        return this == BEHIND || this == FAR_BEHIND;
    }
}
