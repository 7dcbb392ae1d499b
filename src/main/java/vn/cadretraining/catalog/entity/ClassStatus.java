package vn.cadretraining.catalog.entity;

/**
 * Where a class stands: prepared (draft), taking enrollments (open), under way (running), over (finished,
 * then closed by the trainer when results are final), or called off (cancelled).
 */
public enum ClassStatus {
    DRAFT,
    OPEN,
    RUNNING,
    FINISHED,
    CANCELLED;

    /** Cadres may ask for a place, and coordinators nominate, only while the class is open. */
    public boolean takesEnrollments() {
        return this == OPEN;
    }
}
