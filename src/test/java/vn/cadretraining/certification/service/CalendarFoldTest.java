package vn.cadretraining.certification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Calendar lines are folded at 75 octets without splitting a Vietnamese letter (RFC 5545 §3.1). */
class CalendarFoldTest {

    @Test
    void longVietnameseLinesFoldWithinSeventyFiveOctetsAndUnfoldToTheSameText() {
        String line = "SUMMARY:Bồi dưỡng kỹ năng vận động quần chúng cho trưởng thôn và tổ trưởng tổ dân phố năm 2026";
        String folded = RecordService.fold(line);
        for (String part : folded.split("\r\n")) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= 75, part);
        }
        assertTrue(folded.contains("\r\n "), "it was long enough to fold");
        assertEquals(line, folded.replace("\r\n ", ""), "unfolding gives back every character");
    }

    @Test
    void shortLinesAreLeftAlone() {
        assertEquals("SUMMARY:Dân vận", RecordService.fold("SUMMARY:Dân vận"));
    }
}
