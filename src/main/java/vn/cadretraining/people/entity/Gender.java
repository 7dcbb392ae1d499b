package vn.cadretraining.people.entity;

public enum Gender {
    MALE,
    FEMALE
}
