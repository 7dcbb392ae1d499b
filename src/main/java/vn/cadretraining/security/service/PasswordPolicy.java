package vn.cadretraining.security.service;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a chosen password must be, after NIST SP 800-63B and OWASP: long enough, not absurdly long, not the
 * username, not one of the passwords every attacker tries first. No composition rules: they make cadres who
 * type on a phone write passwords down, and add little.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "12345678", "123456789", "1234567890", "password", "password1", "matkhau1", "matkhau123",
            "qwertyui", "11111111", "00000000", "88888888", "66666666", "abc12345", "iloveyou",
            "admin123", "123123123", "vietnam1", "12341234", "abcd1234", "qwerty123");

    /** Unambiguous letters and digits (no 0/o, 1/l/i), for one-time passwords read off a printed slip. */
    private static final char[] TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Empty when acceptable, else the bundle key of what is wrong. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.error.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.error.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.error.containsUsername");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 3) {
            return Optional.of("password.error.tooCommon");
        }
        return Optional.empty();
    }

    /** A one-time password like "k7mp-3xq9-wtr4": about 59 bits, easy to type on a phone. */
    public static String temporary() {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(TEMPORARY_ALPHABET[RANDOM.nextInt(TEMPORARY_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
