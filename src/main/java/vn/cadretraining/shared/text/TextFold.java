package vn.cadretraining.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: "Nguyễn Văn Hồi" (NFC or NFD), "NGUYEN VAN HOI" and "nguyen van hoi"
 * all fold to "nguyen van hoi". Diacritics are dropped after canonical decomposition, "đ"/"Đ" become "d"
 * (it has no decomposition), case is lowered without the locale's special rules, and runs of white space
 * collapse to one space. The same fold is stored in each searchable row's folded column and applied to
 * what the user types, so that the database compares like with like.
 */
public final class TextFold {

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFold() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = COMBINING.matcher(s).replaceAll("");
        s = s.replace('đ', 'd').replace('Đ', 'D')
                // the same letters as they sometimes arrive from old fonts and keyboards
                .replace('ð', 'd').replace('Ð', 'D');
        s = s.toLowerCase(Locale.ROOT);
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * A LIKE pattern for a folded "contains" search, with LIKE's own wildcards in the input escaped by
     * {@code \}. Callers add {@code ESCAPE '\'} to the query.
     */
    public static String containsPattern(String typed) {
        return "%" + escapeLike(fold(typed)) + "%";
    }

    public static String prefixPattern(String typed) {
        return escapeLike(fold(typed)) + "%";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
