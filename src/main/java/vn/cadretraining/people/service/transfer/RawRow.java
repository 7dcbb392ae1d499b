package vn.cadretraining.people.service.transfer;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * One data row of an uploaded file, as text: its row number in the spreadsheet (the header is row 1, so
 * that people find the row the preview names) and one cell per imported column, null where blank. Dates
 * from Excel date cells arrive already written dd/MM/yyyy.
 */
public record RawRow(int number, String[] cells) implements Serializable {

    public RawRow {
        cells = Arrays.copyOf(cells, RosterColumn.values().length);
    }

    public static RawRow of(int number, Map<RosterColumn, String> values) {
        String[] cells = new String[RosterColumn.values().length];
        values.forEach((column, value) -> cells[column.ordinal()] = value);
        return new RawRow(number, cells);
    }

    /** The cell's text without surrounding blanks, or null when it is blank. */
    public String get(RosterColumn column) {
        String value = cells[column.ordinal()];
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public boolean isBlank() {
        return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
    }
}
