package vn.cadretraining.security.entity;

/**
 * What a signed-in person may do. The names are the security roles of web.xml and
 * {@code @RolesAllowed}; each account has exactly one.
 */
public enum Role {
    /** Accounts, units, settings. */
    ADMIN,
    /** Province reviewer: sets targets, watches progress everywhere. */
    PROVINCE,
    /** Commune coordinator: keeps the roster of one unit and everything under it. */
    COORDINATOR,
    /** Runs courses, classes and sessions. */
    TRAINER,
    /** A hamlet cadre: sees their own record. */
    CADRE;

    /** Role names as constants, for annotations. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String PROVINCE = "PROVINCE";
        public static final String COORDINATOR = "COORDINATOR";
        public static final String TRAINER = "TRAINER";
        public static final String CADRE = "CADRE";

        private Names() {
        }
    }

    /** Only a coordinator is bound to a unit; for everyone else the scope is not a unit. */
    public boolean needsUnit() {
        return this == COORDINATOR;
    }
}
