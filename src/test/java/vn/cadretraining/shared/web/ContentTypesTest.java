package vn.cadretraining.shared.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which responses lose the charset the server would add: bytes do, text keeps it. */
class ContentTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "application/zip", "APPLICATION/PDF; charset=UTF-8",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "font/woff2",
        "application/octet-stream"})
    void bytesTakeNoCharset(String type) {
        assertTrue(SecurityHeadersFilter.isBinary(type), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/calendar;charset=UTF-8", "text/csv; charset=UTF-8", "application/json",
        "application/javascript", "image/svg+xml", "application/xhtml+xml", ""})
    void textKeepsIt(String type) {
        assertFalse(SecurityHeadersFilter.isBinary(type), type);
    }
}
