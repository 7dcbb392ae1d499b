package vn.cadretraining.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.cadretraining.security.service.PasswordHasher;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithPbkdf2Sha256AtOwaspStrengthAndARandomSalt() {
        String stored = hasher.hash("Mật khẩu 2026");
        String[] parts = stored.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, "OWASP 2023: at least 600,000 iterations");
        assertTrue(Base64.getDecoder().decode(parts[2]).length >= 16, "salt of 128 bits or more");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "a 256-bit key");
        assertNotEquals(stored, hasher.hash("Mật khẩu 2026"), "two hashes of one password differ by their salt");
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
    void olderWeakerHashesStillVerifyButAskToBeRehashed() {
        String weak = "PBKDF2WithHmacSHA256:1000:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[16])
                + ":AAAA";
        assertTrue(hasher.needsRehash(weak));
        assertFalse(hasher.needsRehash(hasher.hash("x")));
    }
}
