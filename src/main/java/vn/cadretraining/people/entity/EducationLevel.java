package vn.cadretraining.people.entity;

/** Trình độ học vấn / chuyên môn: general schooling, then the highest qualification. */
public enum EducationLevel {
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    VOCATIONAL,
    COLLEGE,
    UNIVERSITY,
    POSTGRADUATE
}
