package vn.cadretraining.reporting.service;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figures as the page and the files write them, in the reader's language: whole numbers grouped (1.443 in
 * Vietnamese, 1,443 in English), percentages and expected figures with one decimal (47,8% / 47.8%). One place,
 * so that a figure read on the page is found as such in the exported files.
 */
public final class ReportFormat {

    /**
     * The formats, one per thread and language: a NumberFormat is not safe to share between threads, and making
     * one for every figure was a tenth of the rendering of a dashboard's tables (issue 7).
     */
    private static final ThreadLocal<Map<Locale, NumberFormat>> COUNTS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<Locale, NumberFormat>> DECIMALS = ThreadLocal.withInitial(HashMap::new);

    private ReportFormat() {
    }

    public static String count(double value, Locale locale) {
        return COUNTS.get().computeIfAbsent(locale, NumberFormat::getIntegerInstance).format(Math.round(value));
    }

    public static String count(Number value, Locale locale) {
        return value == null ? "" : count(value.doubleValue(), locale);
    }

    /** One decimal, grouped: for expected figures (a pace is rarely whole) and percentages. */
    public static String decimal(double value, Locale locale) {
        return DECIMALS.get().computeIfAbsent(locale, l -> {
            NumberFormat f = NumberFormat.getNumberInstance(l);
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
            return f;
        }).format(value);
    }

    public static String percent(Double value, Locale locale) {
        return value == null ? "" : decimal(value, locale) + "%";
    }

    /** A change from last year with its sign: "+12,5%", "−3,0%". */
    public static String change(Double value, Locale locale) {
        if (value == null) {
            return "";
        }
        return (value > 0 ? "+" : value < 0 ? "−" : "") + decimal(Math.abs(value), locale) + "%";
    }
}
