package vn.cadretraining.shared.entity;

/**
 * Column lengths by kind of value, in one place for the entities' {@code @Column} and the checks made before
 * a value is stored ({@code @Size}, a cut), so they never part. The migrations made the columns at these
 * lengths: changing one here needs a migration too.
 */
public final class Lengths {

    /** An enum name from a short set (gender, a mark's status or source, a locale). */
    public static final int SHORT_ENUM = 10;
    /** An enum name (a status, kind, role, measure, outcome...). */
    public static final int ENUM = 20;
    /** A long enum name (an audit action, a course's or notification's kind). */
    public static final int LONG_ENUM = 30;
    /** A Vietnamese citizen identity number (12 digits). */
    public static final int NATIONAL_ID = 12;
    public static final int PHONE = 15;
    /** A code of a cadre, a unit, an ethnicity, an issuer; an abbreviation. */
    public static final int CODE = 20;
    /** A code of the catalog: a course, a subject group, a position title. */
    public static final int CATALOG_CODE = 30;
    /** A class code, a certificate's number or verification code, an outcome's reason key. */
    public static final int LONG_CODE = 40;
    /** A term of office ("2021-2026"). */
    public static final int TERM = 20;
    /** Who did it: a username recorded with a change. */
    public static final int USERNAME = 60;
    /** A short name (an ethnicity). */
    public static final int SHORT_NAME = 60;
    /** A word of a name kept for searching. */
    public static final int TOKEN = 60;
    public static final int MESSAGE_KEY = 100;
    /** A person's or unit's name, a subject group's name. */
    public static final int NAME = 150;
    public static final int EMAIL = 150;
    /** A provider's or venue's name, a contact, an affiliation. */
    public static final int LONG_NAME = 200;
    public static final int PASSWORD_HASH = 200;
    /** A course's title. */
    public static final int TITLE = 250;
    /** A line of text: an address, a session's topic, an audit label or value, a mark's note. */
    public static final int LINE = 300;
    /** A unit's path in the tree of units. */
    public static final int PATH = 400;
    /** A reason or detail given with a change. */
    public static final int REASON = 500;
    /** A free note, a message's arguments. */
    public static final int NOTE = 1000;
    public static final int DESCRIPTION = 4000;

    private Lengths() {
    }
}
