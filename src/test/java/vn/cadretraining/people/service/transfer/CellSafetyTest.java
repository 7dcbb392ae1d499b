package vn.cadretraining.people.service.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formula injection: what exports write, in both formats, and what imports read back. */
class CellSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+84912345678", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"})
    void aValueThatStartsAFormulaIsNeutralisedAndRestored(String value) {
        String safe = CellSafety.neutralise(value);
        assertEquals("'" + value, safe);
        assertEquals(value, CellSafety.restore(safe), "an import reads back what was exported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Văn Hồi", "0912345678", "2025–2030", "'quoted by a person", "a=b", ""})
    void ordinaryValuesAreLeftAlone(String value) {
        assertEquals(value, CellSafety.neutralise(value));
        assertEquals(value, CellSafety.restore(value));
    }

    static final List<Object> DANGEROUS_ROW = List.of("=cmd|' /C calc'!A0", "Nguyễn Văn Hồi", LocalDate.of(1970, 5, 1),
            "@SUM(1+1)", "-1+1", "+1");

    @Test
    void aCsvExportNeverStartsACellWithAFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RosterSheet sheet = RosterSheet.open(FileFormat.CSV, out, "x", List.of("A", "B", "C", "D", "E", "F"))) {
            sheet.row(DANGEROUS_ROW);
        }
        byte[] bytes = out.toByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 with its byte order mark, for Excel");
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(List.of("'=cmd|' /C calc'!A0", "Nguyễn Văn Hồi", "01/05/1970", "'@SUM(1+1)", "'-1+1", "'+1"),
                    records.get(1).toList());
        }
    }

    @Test
    void anXlsxExportHoldsTextCellsThatNeverStartWithAFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RosterSheet sheet = RosterSheet.open(FileFormat.XLSX, out, "Danh sách", List.of("A", "B", "C", "D", "E", "F"))) {
            sheet.row(DANGEROUS_ROW);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = wb.getSheet("Danh sách").getRow(1);
            for (int i = 0; i < DANGEROUS_ROW.size(); i++) {
                CellType type = row.getCell(i).getCellType();
                assertEquals(i == 2 ? CellType.NUMERIC : CellType.STRING, type, "no formula cell, column " + i);
            }
            assertEquals("'=cmd|' /C calc'!A0", row.getCell(0).getStringCellValue());
            assertEquals("Nguyễn Văn Hồi", row.getCell(1).getStringCellValue());
            assertEquals(LocalDate.of(1970, 5, 1), row.getCell(2).getLocalDateTimeCellValue().toLocalDate(), "a real date");
            assertEquals("'@SUM(1+1)", row.getCell(3).getStringCellValue());
        }
    }
}
