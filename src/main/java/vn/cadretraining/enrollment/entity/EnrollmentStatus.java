package vn.cadretraining.enrollment.entity;

/** Where a person stands with a class. */
public enum EnrollmentStatus {
    /** Asked for a place; waits for the coordinator's (or trainer's) decision. */
    REQUESTED,
    /** Has a place. */
    ENROLLED,
    /** Accepted, but the class is full: moves up, in order, when a place frees. */
    WAITLISTED,
    /** The request was refused, with a reason. */
    DECLINED,
    /** Left, with a reason. */
    WITHDRAWN;

    /** Still concerned by the class: asked, placed or waiting. */
    public boolean isActive() {
        return this == REQUESTED || this == ENROLLED || this == WAITLISTED;
    }
}
