package vn.cadretraining.security.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords hashed with Argon2id at one of OWASP's recommended minimum settings (7 MiB of memory, 5 passes, 1 lane;
 * the Password Storage Cheat Sheet lists it with 19 MiB and 2 passes, 12 MiB and 3, 9 MiB and 4 as "an equal level
 * of defense", trading memory for passes), salted, stored in the usual PHC form
 * {@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash} (Base64 without padding), so that another setting can still
 * verify older hashes and tell that they need re-hashing at the next sign-in.
 *
 * <p>Why the smallest memory of the equal settings (issue 7): each hash's memory is thousands of 1 KiB blocks made
 * anew, which the collector must copy while the hash runs. On a one-core server, 60 sign-ins in bursts of four
 * cost 46 young collections and 10 marking cycles at 19 MiB, 30 and 5 at 7 MiB; four people signing in together
 * waited 217–224 ms (median; p95 338) at 19 MiB, 135–177 ms (p95 178–224) at 7 MiB, and one alone 33–45 ms
 * against 27–33.
 *
 * <p>Hashes made before (Argon2id at 19 MiB and 2 passes; PBKDF2-HMAC-SHA256 at 600,000 iterations, stored as
 * {@code PBKDF2WithHmacSHA256:iterations:salt:hash}) still verify, and are replaced by today's at the account's
 * next sign-in, without counting as a new password ({@code AccountService.authenticate}). Until then a wrong
 * password for such an account takes that setting's time, a little more than an unknown username's (19 MiB ~22 ms
 * against ~15; PBKDF2 ~130 ms). PBKDF2 at that strength costs about 130 ms of a core here, and Argon2id's memory
 * makes guessing on graphics cards far dearer.
 *
 * <p>No more than {@link #PARALLEL} hashes are computed at once (more than the cores buys no speed), which bounds
 * their memory however many people sign in together.
 */
public final class PasswordHasher {

    public static final String ARGON2ID = "$argon2id$";
    public static final int MEMORY_KIB = 7 * 1024;
    public static final int PASSES = 5;
    public static final int LANES = 1;
    public static final int SALT_BYTES = 16;
    public static final int KEY_BYTES = 32;

    /** The former algorithm: verified, never made any more. */
    static final String PBKDF2 = "PBKDF2WithHmacSHA256";

    /** Hashes computed at once at most. */
    static final int PARALLEL = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Semaphore SLOTS = new Semaphore(PARALLEL, true);

    /**
     * What a stored Argon2id hash may ask for: bounds on a stored string (a later, stronger setting fits), not
     * settings; a damaged one asks no gigabyte of a server whose heap is 768 MB.
     */
    private static final int MAX_MEMORY_KIB = 128 * 1024;
    private static final int MAX_PASSES = 16;
    private static final int MAX_LANES = 8;
    /** Likewise for a stored PBKDF2 hash (made at 600,000): a damaged one asks no hours of a core. */
    private static final int MAX_PBKDF2_ITERATIONS = 2_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * Verified against when the account does not exist, so that timing does not reveal it. Made at the first
     * such sign-in, not when the class loads.
     */
    private static final class Dummy {
        static final String HASH = new PasswordHasher().hash("not a password of anyone");
    }

    /** An Argon2id hash of the stored form's parameters, read from a stored string. */
    private record Argon2(int memoryKib, int passes, int lanes, byte[] salt, byte[] hash) {

        /** Null when the string is not a well-formed Argon2id hash within the bounds above. */
        static Argon2 parse(String stored) {
            // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return null;
            }
            String[] settings = parts[3].split(",", -1);
            if (settings.length != 3 || !settings[0].startsWith("m=") || !settings[1].startsWith("t=")
                    || !settings[2].startsWith("p=")) {
                return null;
            }
            try {
                int m = Integer.parseInt(settings[0].substring(2));
                int t = Integer.parseInt(settings[1].substring(2));
                int p = Integer.parseInt(settings[2].substring(2));
                byte[] salt = B64D.decode(parts[4]);
                byte[] hash = B64D.decode(parts[5]);
                if (p < 1 || p > MAX_LANES || m < 8 * p || m > MAX_MEMORY_KIB || t < 1 || t > MAX_PASSES
                        || salt.length < 8 || hash.length < 16) {
                    return null;
                }
                return new Argon2(m, t, p, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = argon2(password, salt, MEMORY_KIB, PASSES, LANES, KEY_BYTES);
        return ARGON2ID + "v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(key);
    }

    public boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        if (stored.startsWith(ARGON2ID)) {
            Argon2 a = Argon2.parse(stored);
            return a != null && MessageDigest.isEqual(a.hash(),
                    argon2(password, a.salt(), a.memoryKib(), a.passes(), a.lanes(), a.hash().length));
        }
        return verifyPbkdf2(password, stored);
    }

    /** Spends the same time as a real verification and always fails. */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, Dummy.HASH);
    }

    /**
     * True when the stored hash was not made with today's settings (or is not one we make at all): Argon2id's
     * settings do not order by strength (more memory or more passes), so every account converges on today's.
     */
    public boolean needsRehash(String stored) {
        Argon2 a = stored == null ? null : Argon2.parse(stored);
        return a == null || a.memoryKib() != MEMORY_KIB || a.passes() != PASSES || a.lanes() != LANES
                || a.salt().length < SALT_BYTES || a.hash().length < KEY_BYTES;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes, int keyBytes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).withSalt(salt).build();
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[keyBytes];
        SLOTS.acquireUninterruptibly();
        try {
            // the generator takes its memory when it is initialised: inside the slot
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(secret, out);
        } finally {
            SLOTS.release();
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static boolean verifyPbkdf2(String password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !PBKDF2.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = B64D.decode(parts[2]);
            byte[] expected = B64D.decode(parts[3]);
            if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || expected.length == 0) {
                return false;
            }
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
            try {
                return MessageDigest.isEqual(expected,
                        SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded());
            } finally {
                spec.clearPassword();
            }
        } catch (IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        }
    }
}
