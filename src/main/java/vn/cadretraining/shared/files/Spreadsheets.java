package vn.cadretraining.shared.files;

/**
 * Values written into spreadsheets and CSV files are data, never formulas: a cell that begins with = + - @,
 * a tab or a carriage return would be run by Excel or LibreOffice (CSV injection), so it gets a leading
 * apostrophe, which spreadsheets show as text.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
