package vn.cadretraining.reporting.entity;

/** Over which span a title holder counts as trained. */
public enum Basis {
    /** At least one completion in the year. */
    YEAR,
    /** At least one completion in the holder's current term (since the term began). */
    TERM
}
