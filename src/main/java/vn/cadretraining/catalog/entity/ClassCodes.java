package vn.cadretraining.catalog.entity;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class codes: by default the course's code, the year and a running number ({@code DV-CB-2026-03}), so that a
 * code read aloud over the phone says which course and which year; any other code may be typed when the class
 * is created.
 */
public final class ClassCodes {

    public static final String PATTERN = "[A-Z0-9_-]{2,40}";

    private ClassCodes() {
    }

    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return code != null && normalize(code).matches(PATTERN);
    }

    /** The prefix every default code of this course and year starts with. */
    public static String prefix(String courseCode, int year) {
        return courseCode + "-" + year + "-";
    }

    /** The next free default code, after the highest number already taken with the same prefix. */
    public static String next(String courseCode, int year, Collection<String> taken) {
        String prefix = prefix(courseCode, year);
        Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "([0-9]{1,4})");
        int highest = 0;
        for (String code : taken) {
            Matcher m = numbered.matcher(code);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return prefix + String.format("%02d", highest + 1);
    }
}
