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
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : Locale.forLanguageTag("vi");
    }

    /** A file's size as people read it: "12,5 MB" in Vietnamese, "12.5 MB" in English (units of 1,024). */
    public String bytes(Number size) {
        if (size == null) {
            return "";
        }
        return bytes(size.longValue(), locale());
    }

    static String bytes(long size, Locale locale) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = size;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(unit == 0 || value >= 100 ? 0 : 1);
        return f.format(value) + " " + units[unit];
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
