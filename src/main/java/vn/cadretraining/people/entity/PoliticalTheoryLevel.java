package vn.cadretraining.people.entity;

/** Trình độ lý luận chính trị. */
public enum PoliticalTheoryLevel {
    NONE,
    ELEMENTARY,
    INTERMEDIATE,
    ADVANCED,
    BACHELOR
}
