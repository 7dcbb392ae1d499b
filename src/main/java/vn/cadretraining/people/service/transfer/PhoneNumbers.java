package vn.cadretraining.people.service.transfer;

import java.util.Map;

/**
 * Vietnamese phone numbers as people write them in a roster ("+84 912 345 678", "(+84) 0912.345.678",
 * "84-912-345-678", "0912 345 678") brought to the one form Vietnam writes at home: 0 and 9 digits for a
 * mobile, 0 and 10 digits for a landline (02 and the area code, since 2017).
 *
 * <p>Mobiles of 11 digits (01xx) were renumbered in 2018; old rosters still carry them, so they are brought
 * to today's number rather than refused.
 */
public final class PhoneNumbers {

    /** A mobile (03, 05, 07, 08, 09 and 8 digits) or a landline (02, area code and number: 11 digits in all). */
    static final String NORMAL = "0[35789][0-9]{8}|02[0-9]{9}";

    /** The 2018 renumbering of 11-digit mobiles: old prefix → new prefix. */
    private static final Map<String, String> RENUMBERED = Map.ofEntries(
            Map.entry("0120", "070"), Map.entry("0121", "079"), Map.entry("0122", "077"), Map.entry("0126", "076"),
            Map.entry("0128", "078"), Map.entry("0123", "083"), Map.entry("0124", "084"), Map.entry("0125", "085"),
            Map.entry("0127", "081"), Map.entry("0129", "082"), Map.entry("0162", "032"), Map.entry("0163", "033"),
            Map.entry("0164", "034"), Map.entry("0165", "035"), Map.entry("0166", "036"), Map.entry("0167", "037"),
            Map.entry("0168", "038"), Map.entry("0169", "039"), Map.entry("0186", "056"), Map.entry("0188", "058"),
            Map.entry("0199", "059"));

    private PhoneNumbers() {
    }

    /**
     * The number in its normal form, or null when the text is no Vietnamese phone number. Spaces, dots,
     * dashes and brackets are ignored; the country code (+84, 0084, 84) replaces the leading 0, and a 0 written
     * after it anyway ("+84 0912…") is not doubled.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replaceAll("[\\s\\u00A0.\\-()/]", "");
        if (digits.startsWith("+84")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0084")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            // 84 and 9 or 10 digits: no number written at home starts with 84 (they start with 0)
            digits = digits.substring(2);
        } else if (!digits.startsWith("0")) {
            return null;
        }
        if (!digits.matches("[0-9]+")) {
            return null;
        }
        if (!digits.startsWith("0")) {
            digits = "0" + digits;
        }
        if (digits.length() == 11 && RENUMBERED.containsKey(digits.substring(0, 4))) {
            digits = RENUMBERED.get(digits.substring(0, 4)) + digits.substring(4);
        }
        return digits.matches(NORMAL) ? digits : null;
    }
}
