package vn.cadretraining.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cadretraining.security.service.PasswordPolicy;

class PasswordPolicyTest {

    @Test
    void refusesShortCommonAndUsernameBearingPasswords() {
        assertEquals(Optional.of("password.error.tooShort"), PasswordPolicy.problem("abc123", "hoi"));
        assertEquals(Optional.of("password.error.tooCommon"), PasswordPolicy.problem("12345678", "hoi"));
        assertEquals(Optional.of("password.error.tooCommon"), PasswordPolicy.problem("aaaaaaaaaa", "hoi"));
        assertEquals(Optional.of("password.error.containsUsername"), PasswordPolicy.problem("nvhoi2026!", "NVHoi"));
        assertEquals(Optional.of("password.error.tooLong"), PasswordPolicy.problem("x".repeat(129) + "yz", "hoi"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("rừng thông xanh", "hoi"));
    }

    @Test
    void temporaryPasswordsAreUnambiguousDistinctAndAcceptable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = PasswordPolicy.temporary();
            assertTrue(p.matches("[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}"), p);
            assertTrue(seen.add(p));
            assertEquals(Optional.empty(), PasswordPolicy.problem(p, "someone"));
        }
    }
}
