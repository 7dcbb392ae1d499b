package vn.cadretraining.petition.entity;

/** The field a petition is about: a fixed reference list, as the province's reports group them. */
public enum PetitionField {
    /** Đất đai. */
    LAND,
    /** Môi trường. */
    ENVIRONMENT,
    /** Hạ tầng (roads, water, power, schools). */
    INFRASTRUCTURE,
    /** Chính sách xã hội. */
    SOCIAL_POLICY,
    /** An ninh trật tự. */
    SECURITY_ORDER,
    /** Khác. */
    OTHER
}
