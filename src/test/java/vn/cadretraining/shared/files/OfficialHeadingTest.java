package vn.cadretraining.shared.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cadretraining.testing.Pdfs;

/** The heading of an official paper by the kind of its issuer: Hướng dẫn 36-HD/VPTW or Nghị định 30/2020. */
class OfficialHeadingTest {

    static final Issuer BAN = new Issuer(Issuer.Kind.PARTY, "Tỉnh ủy Quảng Ninh", "Ban Dân vận", "BDVTU", "Trưởng ban",
            "Quảng Ninh");
    static final Issuer UBND = new Issuer(Issuer.Kind.STATE, null, "Ủy ban nhân dân phường Hạ Long", "UBND",
            "T/M Ủy ban nhân dân / Chủ tịch", "Hạ Long");

    @Test
    void stateDatesPadDaysUnderTenAndTheMonthsJanuaryAndFebruaryOnly() {
        assertEquals("Hạ Long, ngày 05 tháng 02 năm 2026", OfficialHeading.stateDate("Hạ Long", LocalDate.of(2026, 2, 5)));
        assertEquals("Hạ Long, ngày 06 tháng 6 năm 2026", OfficialHeading.stateDate("Hạ Long", LocalDate.of(2026, 6, 6)));
        assertEquals("Hạ Long, ngày 10 tháng 01 năm 2027", OfficialHeading.stateDate("Hạ Long", LocalDate.of(2027, 1, 10)));
        assertEquals("Hạ Long, ngày 31 tháng 12 năm 2026", OfficialHeading.stateDate("Hạ Long", LocalDate.of(2026, 12, 31)));
        assertEquals("Hạ Long, ngày 09 tháng 3 năm 2026", OfficialHeading.stateDate("Hạ Long", LocalDate.of(2026, 3, 9)));
    }

    @Test
    void partyDatesFollowHuongDan36() {
        // the guide's own heading: "Hà Nội, ngày 03 tháng 4 năm 2018"
        assertEquals("Hà Nội, ngày 03 tháng 4 năm 2018", OfficialHeading.partyDate("Hà Nội", LocalDate.of(2018, 4, 3)));
        assertEquals("Quảng Ninh, ngày 01 tháng 02 năm 2026", OfficialHeading.partyDate("Quảng Ninh", LocalDate.of(2026, 2, 1)));
        assertEquals("Quảng Ninh, ngày 06 tháng 12 năm 2026", OfficialHeading.partyDate("Quảng Ninh", LocalDate.of(2026, 12, 6)));
        assertEquals("Quảng Ninh, ngày 15 tháng 11 năm 2026", OfficialHeading.partyDate("Quảng Ninh", LocalDate.of(2026, 11, 15)));
    }

    @Test
    void numbersByKindLeaveRoomToWriteByHand() {
        assertEquals("Số 12-BC/BDVTU", new OfficialHeading(BAN, "BC", "12", null).numberLine());
        assertEquals("Số: 12/BC-UBND", new OfficialHeading(UBND, "BC", "12", null).numberLine());
        String blank = new OfficialHeading(BAN, "BC", null, null).numberLine();
        assertTrue(blank.matches("Số {5,}-BC/BDVTU"), blank);
        String stateBlank = new OfficialHeading(UBND, "BC", null, null).numberLine();
        assertTrue(stateBlank.matches("Số: {5,}/BC-UBND"), stateBlank);
        assertEquals("Số: QN-2026-00012", new OfficialHeading(UBND, null, "QN-2026-00012", null).numberLine());
        assertEquals(null, new OfficialHeading(BAN, null, null, null).numberLine());
    }

    @Test
    void aPartyOrgansHeadingHasThePartysNameAndItsBodyUnderItsSuperior() {
        OfficialHeading h = new OfficialHeading(BAN, "BC", null, LocalDate.of(2026, 12, 6));
        assertEquals(List.of("TỈNH ỦY QUẢNG NINH", "BAN DÂN VẬN", "*", h.numberLine()), h.leftLines());
        assertEquals(List.of("ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ninh, ngày 06 tháng 12 năm 2026"), h.rightLines());
        String text = pdfText(h);
        assertTrue(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), text);
        assertFalse(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
        assertFalse(text.contains("Độc lập"), text);
        assertTrue(text.contains("TỈNH ỦY QUẢNG NINH") && text.contains("BAN DÂN VẬN"), text);
        assertTrue(text.indexOf("TỈNH ỦY QUẢNG NINH") < text.indexOf("BAN DÂN VẬN"), "the superior above: " + text);
        assertTrue(text.matches("(?s).*Số +-BC/BDVTU.*"), text);
        assertTrue(text.contains("Quảng Ninh, ngày 06 tháng 12 năm 2026"), text);
    }

    @Test
    void aStateBodysHeadingHasTheNationalMotto() {
        OfficialHeading h = new OfficialHeading(UBND, "BC", null, LocalDate.of(2026, 2, 5));
        String text = pdfText(h);
        assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
        assertTrue(text.contains("Độc lập - Tự do - Hạnh phúc"), text);
        assertFalse(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), text);
        assertTrue(text.contains("ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG"), text);
        assertTrue(text.matches("(?s).*Số: +/BC-UBND.*"), text);
        assertTrue(text.contains("Hạ Long, ngày 05 tháng 02 năm 2026"), text);
        assertEquals(List.of("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), OfficialHeading.signerLines(UBND.signerTitle()));
    }

    @Test
    void tableCellsBreakOnlyBetweenWordsAndEveryFontIsEmbedded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialPdf.open(out, true, "Báo cáo", "Thử");
        OfficialPdf.header(doc, new OfficialHeading(BAN, "BC", null, LocalDate.of(2026, 12, 6)));
        OfficialPdf.table(doc, new float[] {5, 18, 8, 8, 7, 8, 10, 8, 8, 8, 8, 7, 8},
                List.of("Hạng", "Đơn vị", "Lượt", "Chỉ tiêu", "% chỉ tiêu", "Dự kiến đến 06/12/2026", "Đánh giá",
                        "Cán bộ", "Chỉ tiêu", "Có phụ cấp", "Hội nghị", "Chỉ tiêu", "Cùng kỳ 2025"),
                List.of(List.of("1", "Phường Hạ Long", "12", "20", "60,0%", "18,5", "Chậm", "9", "10", "50,0%", "1", "4",
                        "7")));
        OfficialPdf.signature(doc, "T/M Đảng ủy / Bí thư", null, List.of("Ghi chú: số liệu đến hôm nay."));
        doc.close();
        byte[] pdf = out.toByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "heading-sample.pdf"), pdf);
        String text = Pdfs.text(pdf);
        assertTrue(text.contains("Hạng"), "a heading is never cut inside a word: " + text);
        assertTrue(text.contains("06/12/2026"), "nor a date: " + text);
        assertTrue(text.contains("T/M ĐẢNG ỦY") && text.contains("BÍ THƯ"), text);
        Pdfs.assertFontsEmbedded(pdf, "a report");
        assertTrue(Pdfs.fontCount(pdf) > 0);
    }

    private static String pdfText(OfficialHeading h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialPdf.open(out, false, "Báo cáo", "Thử");
        OfficialPdf.header(doc, h);
        OfficialPdf.title(doc, "Báo cáo", null);
        doc.close();
        return Pdfs.text(out.toByteArray());
    }
}
