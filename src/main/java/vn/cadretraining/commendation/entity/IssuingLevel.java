package vn.cadretraining.commendation.entity;

/** Which level's body issued a commendation: the cadre's commune, or the province. */
public enum IssuingLevel {
    COMMUNE,
    PROVINCE
}
