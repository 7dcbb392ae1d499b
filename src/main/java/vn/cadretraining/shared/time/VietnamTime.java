package vn.cadretraining.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * The province's clock. Servers often run in UTC; "today" for a cadre in Quảng Ninh is the date in
 * Asia/Ho_Chi_Minh, seven hours ahead, so dates are always taken in that zone.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final Clock CLOCK = Clock.system(ZONE);

    private VietnamTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(CLOCK);
    }

    /** The first year the records may be read for. */
    public static final int FIRST_YEAR = 2000;

    /**
     * A year a page may ask about: from {@link #FIRST_YEAR} to next year; anything else (a year typed into the
     * address) is "not found", never an error of the date library.
     */
    public static int checkedYear(int year) {
        if (year < FIRST_YEAR || year > today().getYear() + 1) {
            throw new NotFoundException("year");
        }
        return year;
    }
}
