package vn.cadretraining.shared.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.cadretraining.shared.time.VietnamTime;

/** Numbers and dates as the reader writes them: dates dd/MM/yyyy, times in Vietnam's zone. */
@Named("format")
@ApplicationScoped
public class Format {

    /** A whole number grouped as the reader's language does: 1.443 in Vietnamese, 1,443 in English. */
    public String number(Number n) {
        if (n == null) {
            return "";
        }
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : Locale.forLanguageTag("vi");
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    public String date(LocalDate date) {
        return date == null ? "" : VietnamTime.DATE.format(date);
    }

    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : VietnamTime.DATE_TIME.format(dateTime);
    }

    public String instant(Instant instant) {
        return instant == null ? "" : VietnamTime.DATE_TIME.format(instant.atZone(VietnamTime.ZONE));
    }
}
