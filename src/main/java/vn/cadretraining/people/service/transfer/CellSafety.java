package vn.cadretraining.people.service.transfer;

/**
 * Spreadsheet formula injection ("CSV injection"): a cell that begins with = + - @, a tab or a carriage
 * return may be run as a formula by Excel or LibreOffice when a file is opened, for example one that a
 * cadre's name was crafted into. Exports put an apostrophe before such a value (OWASP's advice), which
 * spreadsheets show as text; imports take that apostrophe off again, so that an exported file imports
 * unchanged.
 */
public final class CellSafety {

    private CellSafety() {
    }

    /** The value as an export writes it: never starting with a character that starts a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return startsDangerously(value, 0) ? "'" + value : value;
    }

    /** The value an export neutralised, as it was. */
    public static String restore(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && startsDangerously(value, 1)) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean startsDangerously(String value, int at) {
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
