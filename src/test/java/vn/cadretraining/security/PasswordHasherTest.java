package vn.cadretraining.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import vn.cadretraining.security.service.PasswordHasher;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtOwaspStrengthAndARandomSalt() {
        String stored = hasher.hash("Mật khẩu 2026");
        String[] parts = stored.split("\\$");
        assertEquals(6, parts.length, stored);
        assertEquals("argon2id", parts[1]);
        assertEquals("v=19", parts[2]);
        assertEquals("m=7168,t=5,p=1", parts[3], "one of OWASP's equal minimums: 7 MiB, 5 passes, 1 lane");
        assertTrue(Base64.getDecoder().decode(parts[4]).length >= 16, "salt of 128 bits or more");
        assertEquals(32, Base64.getDecoder().decode(parts[5]).length, "a 256-bit key");
        assertNotEquals(stored, hasher.hash("Mật khẩu 2026"), "two hashes of one password differ by their salt");
        assertFalse(hasher.needsRehash(stored));
    }

    @Test
    void readsTheReferenceImplementationsOwnArgon2idHash() {
        // the reference implementation's test vector (argon2 "password", salt "somesalt", -id -t 2 -m 16 -p 1):
        // a hash made by any standard Argon2id library verifies here, and ours is the same function
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(hasher.verify("password", reference));
        assertFalse(hasher.verify("Password", reference));
        assertTrue(hasher.needsRehash(reference.replace("t=2", "t=1")), "not today's setting");
    }

    @Test
    void aHashMadeAt19MibBeforeStillVerifiesAndAsksToBeReplaced() {
        // made with the setting of 0a1fc5e (OWASP's 19 MiB, 2 passes) for "Mật khẩu 2026"
        String before = "$argon2id$v=19$m=19456,t=2,p=1$QuG7k2kgZMaw4buhbmcgMg$lzHi+C+zkTz/JJ2l4qICtwk5QzL9g1gH/lgNSufnS5E";
        assertTrue(hasher.verify("Mật khẩu 2026", before));
        assertFalse(hasher.verify("Mat khau 2026", before));
        assertTrue(hasher.needsRehash(before), "every account converges on today's setting");
        assertTrue(hasher.needsRehash(before.replace("t=2", "t=9")), "another setting, even more passes");
        String today = hasher.hash("Mật khẩu 2026");
        assertFalse(hasher.needsRehash(today));
        assertTrue(hasher.needsRehash(today.replace(",t=5,", ",t=6,")), "today's memory, other passes");
        assertTrue(hasher.needsRehash(today.replace("m=7168,", "m=8192,")), "today's passes, other memory");
        assertTrue(hasher.needsRehash(today.replace(",p=1$", ",p=2$")), "another number of lanes");
    }

    @Test
    void verifiesTheRightPasswordOnlyIncludingVietnameseCharacters() {
        String stored = hasher.hash("Mật khẩu 2026");
        assertTrue(hasher.verify("Mật khẩu 2026", stored));
        assertFalse(hasher.verify("Mat khau 2026", stored));
        assertFalse(hasher.verify("", stored));
        assertFalse(hasher.verify(null, stored));
        assertFalse(hasher.verify("Mật khẩu 2026", "garbage"));
    }

    @Test
    void aPbkdf2HashFromBeforeStillVerifiesAndAsksToBeReplaced() throws Exception {
        byte[] salt = "muối-của-ai-đó!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("Mật khẩu cũ".toCharArray(), salt, 600_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String old = "PBKDF2WithHmacSHA256:600000:" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        assertTrue(hasher.verify("Mật khẩu cũ", old));
        assertFalse(hasher.verify("Mat khau cu", old));
        assertTrue(hasher.needsRehash(old), "replaced by Argon2id at the next sign-in");
    }

    @Test
    void malformedOrTamperedStoredHashesVerifyNothingAndAskNoMemory() {
        String stored = hasher.hash("x");
        String salt = stored.split("\\$")[4];
        String key = stored.split("\\$")[5];
        for (String bad : List.of("$argon2id$v=19$m=19456,t=2,p=1$" + salt,
                "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + key,
                "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + key, "$argon2id$v=19$m=19456,t=2$" + salt + "$" + key,
                "$argon2id$v=19$m=abc,t=2,p=1$" + salt + "$" + key, "$argon2id$v=19$m=19456,t=2,p=1$%%%$" + key,
                // four terabytes, or a million passes: refused before any work
                "$argon2id$v=19$m=2147483647,t=2,p=1$" + salt + "$" + key,
                "$argon2id$v=19$m=19456,t=1000000,p=1$" + salt + "$" + key,
                "PBKDF2WithHmacSHA256:0:AAAAAAAAAAAAAAAAAAAAAA:AAAA", "PBKDF2WithHmacSHA256:x:AA:AA",
                // two billion PBKDF2 iterations: hours of a core, refused likewise
                "PBKDF2WithHmacSHA256:2000000000:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA", "")) {
            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> hasher.verify("x", bad)), bad);
            assertTrue(hasher.needsRehash(bad), bad);
        }
        assertTrue(hasher.needsRehash(null));
    }

    @Test
    void manySignInsAtOnceAllFinishRight() throws Exception {
        // more than the hashes computed at once: the others wait their turn, none fails or is lost
        String stored = hasher.hash("Mật khẩu 2026");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String tried = i % 3 == 0 ? "sai" : "Mật khẩu 2026";
                results.add(pool.submit(() -> hasher.verify(tried, stored)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 3 != 0, results.get(i).get(), "sign-in " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
