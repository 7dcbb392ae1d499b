package vn.cadretraining.shared.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The application's text in a given language, for what is written outside a page (files, e-mail). */
public final class Bundle {

    public static final String NAME = "i18n.messages";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Bundle() {
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(NAME, locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static Locale locale(String languageTag) {
        return "en".equals(languageTag) ? Locale.ENGLISH : VIETNAMESE;
    }
}
