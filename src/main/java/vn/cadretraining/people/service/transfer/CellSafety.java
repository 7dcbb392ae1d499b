package vn.cadretraining.people.service.transfer;

import vn.cadretraining.shared.files.Spreadsheets;

/**
 * Spreadsheet formula injection ("CSV injection") for roster files: exports neutralise a value that would
 * start a formula exactly as every export of the application does ({@link Spreadsheets#neutralise}); imports
 * take that apostrophe off again, so that an exported roster imports unchanged.
 */
public final class CellSafety {

    private CellSafety() {
    }

    /** The value as an export writes it: never starting with a character that starts a formula. */
    public static String neutralise(String value) {
        return Spreadsheets.neutralise(value);
    }

    /** The value an export neutralised, as it was; anything else as it is. */
    public static String restore(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'') {
            String rest = value.substring(1);
            if (!Spreadsheets.neutralise(rest).equals(rest)) {
                return rest;
            }
        }
        return value;
    }
}
