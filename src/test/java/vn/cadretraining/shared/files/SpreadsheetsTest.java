package vn.cadretraining.shared.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sheet names fit Excel's 31 characters without a word cut in half. */
class SpreadsheetsTest {

    @Test
    void aShortNameStaysAsItIs() {
        assertEquals("1. Tổng hợp kết quả", Spreadsheets.sheetName("1. Tổng hợp kết quả"));
        assertEquals("Danh sách", Spreadsheets.sheetName("Danh sách"));
    }

    @Test
    void aLongNameIsShortenedAtAWordBoundary() {
        // cut at 31 this was "4. Hội nghị giao ban theo quý c"
        assertEquals("4. Hội nghị giao ban theo quý", Spreadsheets.sheetName("4. Hội nghị giao ban theo quý của các xã"));
        String exact = "x".repeat(26) + " abcd";
        assertEquals(exact, Spreadsheets.sheetName(exact), "31 characters fit");
        assertEquals("x".repeat(26), Spreadsheets.sheetName(exact + "e"));
    }

    @Test
    void anOpenBracketAndATrailingSeparatorAreDropped() {
        // cut at 31 this was "2. Kết quả theo đơn vị (xã, phư"
        assertEquals("2. Kết quả theo đơn vị", Spreadsheets.sheetName("2. Kết quả theo đơn vị (xã, phường, đặc khu)"));
        assertEquals("1. Danh sách", Spreadsheets.sheetName(
                "1. Danh sách (20000 người đầu tiên trong tổng số 25000; hãy lọc theo chức danh)"));
        assertEquals("Results by unit — communes", Spreadsheets.sheetName("Results by unit — communes, wards, zones"));
    }

    @Test
    void charactersExcelRefusesAreReplacedAndASingleLongWordIsCut() {
        assertEquals("Báo cáo 2026 Q1", Spreadsheets.sheetName("Báo cáo 2026/Q1"));
        assertEquals("a".repeat(31), Spreadsheets.sheetName("a".repeat(40)));
        assertEquals("Sheet", Spreadsheets.sheetName("[]"));
    }
}
