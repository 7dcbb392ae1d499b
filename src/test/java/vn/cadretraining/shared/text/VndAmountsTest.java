package vn.cadretraining.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VndAmountsTest {

    @Test
    void amountsAreReadAsPeopleTypeThem() {
        for (String typed : new String[] {"12.500.000", "12,500,000", "12 500 000", "12500000", " 12.500.000 đ",
            "12.500.000₫", "12.500.000 VND", "12\u00a0500\u00a0000"}) {
            assertEquals(Optional.of(12_500_000L), VndAmounts.parse(typed), typed);
        }
        assertEquals(Optional.empty(), VndAmounts.parse(""));
        assertEquals(Optional.empty(), VndAmounts.parse("   "));
        assertEquals(Optional.empty(), VndAmounts.parse(null));
        assertEquals(Optional.of(500L), VndAmounts.parse("500"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String typed : new String[] {"12,5", "12.500,000", "12.50.000", "-12.500", "12 triệu", "abc", "1.2345",
            "1234567890123456"}) {
            assertThrows(IllegalArgumentException.class, () -> VndAmounts.parse(typed), typed);
        }
    }
}
