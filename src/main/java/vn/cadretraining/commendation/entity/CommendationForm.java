package vn.cadretraining.commendation.entity;

/**
 * The form a commendation takes, highest first. A bằng khen comes from the province (or above), a giấy khen
 * from a lower level; a letter of praise and public praise (biểu dương) are lighter forms any level gives.
 */
public enum CommendationForm {
    /** Bằng khen: certificate of merit. */
    BANG_KHEN,
    /** Giấy khen: certificate of commendation. */
    GIAY_KHEN,
    /** Thư khen: letter of praise. */
    THU_KHEN,
    /** Biểu dương: public praise, often at a briefing or a year-end review. */
    BIEU_DUONG
}
