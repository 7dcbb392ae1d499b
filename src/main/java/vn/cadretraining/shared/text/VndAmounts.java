package vn.cadretraining.shared.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount of đồng as people type it: "12.500.000" (the Vietnamese grouping), "12,500,000", "12 500 000" or
 * "12500000", with or without "đ", "₫" or "VND" after it. The đồng has no smaller unit in use, so a decimal part
 * ("12,5") is refused rather than guessed at: 12.5 or 125 thousand?
 */
public final class VndAmounts {

    /** Digits in groups of three after the first, one separator throughout; or digits alone. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:([.,\\u0020])\\d{3})(?:\\1\\d{3})*|\\d{1,15}");
    private static final Pattern CURRENCY = Pattern.compile("(?i)\\s*(₫|đ|đồng|vnđ|vnd)\\s*$");

    private VndAmounts() {
    }

    /**
     * The amount typed, or empty for nothing typed; {@link IllegalArgumentException} for anything else than a
     * whole, non-negative amount.
     */
    public static Optional<Long> parse(String typed) {
        String t = typed == null ? "" : typed.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        t = CURRENCY.matcher(t).replaceFirst("").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (!GROUPED.matcher(t).matches()) {
            throw new IllegalArgumentException(typed);
        }
        String digits = t.replaceAll("[., ]", "");
        if (digits.length() > 15) {
            throw new IllegalArgumentException(typed);
        }
        return Optional.of(Long.parseLong(digits));
    }
}
