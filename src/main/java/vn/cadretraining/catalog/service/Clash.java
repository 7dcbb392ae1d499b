package vn.cadretraining.catalog.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Another session already holding a trainer or a place at that time: named so that the person planning can
 * call whoever runs the other class. The message is made in the reader's language by the page, from
 * {@link #key()} and {@link #arguments(Locale)}.
 *
 * @param resource the trainer's name or the venue's name
 */
public record Clash(Kind kind, String resource, String otherClassCode, String otherTitleVi, String otherTitleEn,
        LocalDate date, LocalTime start, LocalTime end) implements Serializable {

    public enum Kind {
        TRAINER,
        VENUE
    }

    /** The bundle key of the message: {@code session.error.clash.TRAINER} or {@code .VENUE}. */
    public String key() {
        return "session.error.clash." + kind.name();
    }

    /** The other class's course title in the reader's language. */
    public String otherTitle(Locale locale) {
        return "en".equals(locale.getLanguage()) ? otherTitleEn : otherTitleVi;
    }

    /** {0} who or where, {1} the other class's code, {2} its course title, {3} the date, {4} the hours. */
    public Object[] arguments(Locale locale) {
        return new Object[] {resource, otherClassCode, otherTitle(locale), VietnamTime.DATE.format(date),
            start + "–" + end};
    }
}
