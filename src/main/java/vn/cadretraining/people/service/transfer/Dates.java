package vn.cadretraining.people.service.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Dates as people type them in Vietnam: day first (31/12/1975, 1/2/1980, 31-12-1975, 31.12.1975), or the
 * ISO form some systems export (1975-12-31). The year has four digits; month-first dates are never
 * guessed, and impossible dates (31/02) are refused, not rolled over.
 */
final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));

    private Dates() {
    }

    /** The date, or null when the text is not one. */
    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (DateTimeFormatter f : FORMATS) {
            try {
                LocalDate d = LocalDate.parse(t, f);
                return d.getYear() >= 1000 ? d : null;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
