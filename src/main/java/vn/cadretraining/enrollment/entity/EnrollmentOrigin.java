package vn.cadretraining.enrollment.entity;

/** How the enrollment began. */
public enum EnrollmentOrigin {
    /** A coordinator (or administrator) sent the cadre. */
    NOMINATED,
    /** The cadre asked for a place. */
    REQUESTED
}
