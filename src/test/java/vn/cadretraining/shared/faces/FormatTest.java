package vn.cadretraining.shared.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void sizesAreWrittenAsTheReaderWritesNumbers() {
        assertEquals("0 B", Format.bytes(0, VI));
        assertEquals("1.000 B", Format.bytes(1000, VI), "grouped the Vietnamese way");
        assertEquals("1,5 KB", Format.bytes(1536, VI), "a decimal comma");
        assertEquals("1.5 KB", Format.bytes(1536, Locale.ENGLISH));
        assertEquals("12,3 MB", Format.bytes(12_900_000, VI));
        assertEquals("150 MB", Format.bytes(150L * 1024 * 1024, VI), "no decimal once the number is large");
        assertEquals("2 GB", Format.bytes(2L * 1024 * 1024 * 1024, VI));
    }
}
