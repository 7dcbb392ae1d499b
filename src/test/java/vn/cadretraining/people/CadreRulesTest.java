package vn.cadretraining.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.service.BusinessException;

class CadreRulesTest {

    @Test
    void listsAreOrderedByGivenNameThenFamilyNameIgnoringDiacritics() {
        List<String> names = new ArrayList<>(List.of("Trần Thị Bình", "Nguyễn Văn An", "Lê Văn An", "Đặng Thu Ánh"));
        names.sort((a, b) -> Cadre.sortKey(a).compareTo(Cadre.sortKey(b)));
        assertEquals(List.of("Lê Văn An", "Nguyễn Văn An", "Đặng Thu Ánh", "Trần Thị Bình"), names);
        assertEquals("hoi nguyen van", Cadre.sortKey("Nguyễn Văn Hồi"));
    }

    @Test
    void searchWordsComeFromTheFoldedNameTheCodeAndThePhone() {
        assertEquals(Set.of("nguyen", "van", "hoi", "cb0000123", "0912345678"),
                Cadre.searchTokens("Nguyễn  Văn HỒI", "CB0000123", "0912345678"));
    }

    @Test
    void namesAreStoredInOneUnicodeFormWithSingleSpaces() {
        String nfd = java.text.Normalizer.normalize("Nguyễn Văn Hồi", java.text.Normalizer.Form.NFD);
        assertEquals("Nguyễn Văn Hồi", Cadre.normalizeName("  " + nfd.replace(" ", "   ") + " "));
    }

    @Test
    void theNationalIdIsMaskedButItsLastThreeDigits() {
        Cadre c = new Cadre("CB1", "Lê Văn Tám", vn.cadretraining.people.entity.Gender.MALE, unit());
        c.describe("Lê Văn Tám", vn.cadretraining.people.entity.Gender.MALE, LocalDate.of(1970, 1, 1), null, null, null,
                false, null, "022070123456");
        assertEquals("•••••••••456", c.getMaskedNationalId());
    }

    @Test
    void aBirthDateInTheFutureOrAPartyDateBeforeBirthIsRefused() {
        Cadre c = new Cadre("CB2", "Lê Văn Chín", vn.cadretraining.people.entity.Gender.MALE, unit());
        assertThrows(BusinessException.class, () -> c.describe("Lê Văn Chín", vn.cadretraining.people.entity.Gender.MALE,
                LocalDate.now().plusDays(1), null, null, null, false, null, null));
        BusinessException e = assertThrows(BusinessException.class, () -> c.describe("Lê Văn Chín",
                vn.cadretraining.people.entity.Gender.MALE, LocalDate.of(1980, 1, 1), null, null, null, true,
                LocalDate.of(1979, 1, 1), null));
        assertEquals("cadre.partyJoined.beforeBirth", e.getMessageKey());
        assertTrue(true);
    }

    private static vn.cadretraining.org.entity.AdminUnit unit() {
        return new vn.cadretraining.org.entity.AdminUnit("U1", "Thôn 1", vn.cadretraining.org.entity.UnitKind.HAMLET,
                null, LocalDate.of(2020, 1, 1));
    }
}
