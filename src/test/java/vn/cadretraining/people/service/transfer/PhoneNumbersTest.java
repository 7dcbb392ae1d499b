package vn.cadretraining.people.service.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers as rosters carry them, brought to the one form stored. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0912345678|0912345678",
        "0912 345 678|0912345678",
        "0912.345.678|0912345678",
        "0912-345-678|0912345678",
        "+84 912 345 678|0912345678",
        "+84912345678|0912345678",
        "84 912 345 678|0912345678",
        "84912345678|0912345678",
        "(+84) 912 345 678|0912345678",
        "(+84) 0912 345 678|0912345678",
        "+84 (0) 912-345-678|0912345678",
        "0084 912 345 678|0912345678",
        "035 123 4567|0351234567",
        "+84 86 123 4567|0861234567",
        "0203 3825 123|02033825123",
        "(0203) 3825.123|02033825123",
        "+84 203 3825 123|02033825123",
        "01662 345 678|0362345678",
        "0123 456 7890|0834567890",
    })
    void commonFormsAreStoredAsZeroAndTheNationalNumber(String typed, String stored) {
        assertEquals(stored, PhoneNumbers.normalize(typed), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"912345678", "091234567", "09123456789", "0112345678", "+1 212 555 0100", "+84 12 345",
        "0912 345 67x", "phone", "+", "84", "0212345678", "1900 1234", "113"})
    void whatIsNoVietnamesePhoneNumberIsRefused(String typed) {
        assertNull(PhoneNumbers.normalize(typed), typed);
    }
}
