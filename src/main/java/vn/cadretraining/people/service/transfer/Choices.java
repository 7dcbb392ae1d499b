package vn.cadretraining.people.service.transfer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;

/**
 * The closed lists of a roster row, read the way people write them: the label in Vietnamese or English
 * (from the same bundle the pages use), or the code, ignoring case and diacritics ("Trung hoc pho thong",
 * "UPPER_SECONDARY", "Upper secondary"). Exports write the Vietnamese labels.
 */
public final class Choices {

    /** The application's bundle (named here, not through the Faces helper, to keep services free of Faces). */
    static final String BUNDLE = "i18n.messages";
    static final Locale VI = Locale.forLanguageTag("vi");

    private static final Map<String, Gender> GENDERS = new HashMap<>();
    private static final Map<String, EducationLevel> EDUCATION = labels(EducationLevel.class);
    private static final Map<String, PoliticalTheoryLevel> POLITICAL = labels(PoliticalTheoryLevel.class);
    private static final Map<String, Boolean> YES_NO = new HashMap<>();

    static {
        GENDERS.putAll(labels(Gender.class));
        // Nam/Nữ with or without diacritics and Male/Female come from the labels; M/F is how many forms abbreviate
        GENDERS.put("m", Gender.MALE);
        GENDERS.put("f", Gender.FEMALE);
        for (String yes : new String[] {"co", "yes", "x", "true", "1", "dung"}) {
            YES_NO.put(yes, Boolean.TRUE);
        }
        for (String no : new String[] {"khong", "no", "false", "0", "sai"}) {
            YES_NO.put(no, Boolean.FALSE);
        }
    }

    private Choices() {
    }

    static Gender gender(String text) {
        return GENDERS.get(RosterColumn.key(text));
    }

    static EducationLevel education(String text) {
        return EDUCATION.get(RosterColumn.key(text));
    }

    static PoliticalTheoryLevel politicalTheory(String text) {
        return POLITICAL.get(RosterColumn.key(text));
    }

    static Boolean yesNo(String text) {
        return YES_NO.get(RosterColumn.key(text));
    }

    /** The Vietnamese label of an enum value, as exports write it. */
    public static String label(Enum<?> value) {
        return value == null ? null : text(VI, value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** Có / Không, as exports write them. */
    public static String yesNo(boolean value) {
        return text(VI, value ? "export.yes" : "export.no");
    }

    /** A text of the file itself (sheet names, headings): files are written in Vietnamese. */
    public static String vietnamese(String key) {
        return text(VI, key);
    }

    static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static <E extends Enum<E>> Map<String, E> labels(Class<E> type) {
        Map<String, E> map = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            map.put(RosterColumn.key(value.name()), value);
            for (Locale locale : new Locale[] {VI, Locale.ENGLISH}) {
                map.put(RosterColumn.key(text(locale, type.getSimpleName() + "." + value.name())), value);
            }
        }
        return map;
    }
}
