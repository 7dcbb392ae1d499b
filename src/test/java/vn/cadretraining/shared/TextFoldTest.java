package vn.cadretraining.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.cadretraining.shared.text.TextFold;

class TextFoldTest {

    @Test
    void nfcNfdCaseAndPlainTypingAllFoldAlike() {
        String nfc = Normalizer.normalize("Nguyễn Văn Hồi", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("Nguyễn Văn Hồi", Normalizer.Form.NFD);
        assertEquals("nguyen van hoi", TextFold.fold(nfc));
        assertEquals("nguyen van hoi", TextFold.fold(nfd));
        assertEquals("nguyen van hoi", TextFold.fold("NGUYEN VAN HOI"));
        assertEquals("nguyen van hoi", TextFold.fold("  nguyen   van\thoi "));
    }

    @Test
    void dWithStrokeMatchesD() {
        assertEquals("dang dinh duc", TextFold.fold("Đặng Đình Đức"));
        assertEquals("dang dinh duc", TextFold.fold("đặng đình đức"));
    }

    @Test
    void likePatternsEscapeWildcardsTyped() {
        assertEquals("%50\\% tro len%", TextFold.containsPattern("50% trở lên"));
        assertEquals("khu\\_1%", TextFold.prefixPattern("KHU_1"));
    }
}
