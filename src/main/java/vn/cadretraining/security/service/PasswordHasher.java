package vn.cadretraining.security.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 at OWASP's 2023 strength (600,000 iterations), stored as
 * {@code PBKDF2WithHmacSHA256:iterations:salt:hash} in Base64 so that a later, stronger setting can still
 * verify older hashes and tell that they need re-hashing at the next sign-in.
 *
 * <p>One hash costs about half a second of one core here: deliberate, and the reason sign-in is not
 * held to the page-speed targets.
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /**
     * Verified against when the account does not exist, so that timing does not reveal it. Made at the first
     * such sign-in, not when the class loads: the deployment loaded it, and spent a quarter of a second there.
     */
    private static final class Dummy {
        static final String HASH = new PasswordHasher().hash("not a password of anyone");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, ITERATIONS, KEY_BYTES);
        return ALGORITHM + ":" + ITERATIONS + ":" + B64.encodeToString(salt) + ":" + B64.encodeToString(key);
    }

    public boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] salt = B64D.decode(parts[2]);
        byte[] expected = B64D.decode(parts[3]);
        byte[] actual = derive(password, salt, iterations, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real verification and always fails. */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, Dummy.HASH);
    }

    /** True when the stored hash is weaker than what {@link #hash} makes today. */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < ITERATIONS || B64D.decode(parts[2]).length < SALT_BYTES;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

}
