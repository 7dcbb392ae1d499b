package vn.cadretraining.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.shared.service.BusinessException;

/** A certificate's number, verification code, validity and standing. */
class CertificateTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 15);

    @Test
    void numbersArePerIssuerAndYearWithSixDigits() {
        assertEquals("QN-2026-000123", Certificate.numberOf("QN", 2026, 123));
        assertEquals("QN-2027-000001", Certificate.numberOf("QN", 2027, 1));
        assertEquals("HN-2026-1234567", Certificate.numberOf("HN", 2026, 1_234_567), "a big year still counts on");
    }

    @Test
    void verificationCodesAreLongRandomAndUnambiguous() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = certificate(null).getVerifyCode();
            assertTrue(code.matches("[abcdefghijkmnpqrstuvwxyz23456789]{26}"), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size());
    }

    @Test
    void validityEndsTheDayBeforeTheAnniversaryAndIsThenExpired() {
        Certificate twoYears = certificate(2);
        assertEquals(LocalDate.of(2028, 3, 14), twoYears.getValidUntil());
        assertEquals("VALID", twoYears.standingOn(LocalDate.of(2028, 3, 14)));
        assertEquals("EXPIRED", twoYears.standingOn(LocalDate.of(2028, 3, 15)));
        Certificate forever = certificate(null);
        assertNull(forever.getValidUntil());
        assertEquals("VALID", forever.standingOn(LocalDate.of(2090, 1, 1)));
    }

    @Test
    void revokingNeedsAReasonAndHappensOnce() {
        Certificate c = certificate(2);
        assertThrows(BusinessException.class, () -> c.revoke("  ", "admin"));
        assertEquals("VALID", c.standingOn(ISSUED));
        c.revoke(" Cấp nhầm người ", "admin");
        assertEquals("REVOKED", c.standingOn(ISSUED));
        assertEquals("Cấp nhầm người", c.getRevokedReason());
        BusinessException again = assertThrows(BusinessException.class, () -> c.revoke("lại", "admin"));
        assertEquals("certificate.error.alreadyRevoked", again.getMessageKey());
        assertNotEquals(null, c.getRevokedAt());
    }

    private static Certificate certificate(Integer years) {
        return new Certificate("QN", 2026, 1, 10L, 20L, 30L, "Nguyễn Thị Hà", "Kỹ năng dân vận", new BigDecimal("16"),
                ISSUED, years);
    }
}
