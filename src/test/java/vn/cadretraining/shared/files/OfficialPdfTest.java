package vn.cadretraining.shared.files;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an official document ends: its closing lines and its signature on one page, never a signature alone. */
class OfficialPdfTest {

    @Test
    void theSignatureTakesTheClosingLinesWithItToTheNextPage() throws Exception {
        for (int lines = 20; lines <= 40; lines++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = OfficialPdf.open(out, true, "Báo cáo", "Thử");
            for (int i = 1; i <= lines; i++) {
                OfficialPdf.paragraph(doc, "Dòng nội dung số " + i + " của báo cáo.");
            }
            OfficialPdf.signature(doc, "Trưởng ban", null, List.of("Ghi chú: cách tính các số liệu."));
            doc.close();
            PdfReader reader = new PdfReader(out.toByteArray());
            String last = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages());
            assertTrue(last.contains("TRƯỞNG BAN"), lines + " lines: the signature is on the last page");
            assertTrue(last.contains("Ghi chú"), lines + " lines: the closing note is on the signature's page: " + last);
        }
    }
}
