package vn.cadretraining.org.entity;

/**
 * Kinds of administrative unit, with their level in the tree. Since 1 July 2025 local government has two
 * levels (province, commune); the district level is kept only for history recorded before then.
 */
public enum UnitKind {
    PROVINCE(1),
    /** huyện, thị xã, thành phố thuộc tỉnh: abolished on 1 July 2025, kept for history. */
    DISTRICT(2),
    COMMUNE(3),
    WARD(3),
    SPECIAL_ZONE(3),
    HAMLET(4),
    VILLAGE(4),
    QUARTER(4),
    RESIDENTIAL_GROUP(4);

    private final int level;

    UnitKind(int level) {
        this.level = level;
    }

    public int getLevel() {
        return level;
    }

    public boolean isCommuneLevel() {
        return level == 3;
    }

    public boolean isHamletLevel() {
        return level == 4;
    }
}
