package vn.cadretraining.enrollment.entity;

/** The result of an enrollment by the course's completion rule (set by attendance and results). */
public enum Outcome {
    COMPLETED,
    NOT_COMPLETED
}
