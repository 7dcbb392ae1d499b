package vn.cadretraining.people.service.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cadretraining.shared.service.BusinessException;

/** What kind of file an upload is, how its text is encoded, and the files refused before any row is read. */
class RosterFileReaderTest {

    static final String HEADER = "Mã cán bộ,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,Số điện thoại";
    static final String ROW = "CB100,Nguyễn Văn Hồi,Nam,25/03/1978,20001-01,0912345678";

    static String refusal(Runnable r) {
        return assertThrows(BusinessException.class, r::run).getMessageKey();
    }

    static List<RawRow> csv(byte[] bytes) {
        return RosterFileReader.read(FileFormat.CSV, bytes, n -> { });
    }

    static List<RawRow> xlsx(byte[] bytes) {
        return RosterFileReader.read(FileFormat.XLSX, bytes, n -> { });
    }

    // ---- the kind of file ----

    @Test
    void theNameSaysTheKindAndTheFirstBytesMustAgree() throws IOException {
        assertEquals(FileFormat.CSV, FileFormat.of("danh sach.CSV", (HEADER + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileFormat.XLSX, FileFormat.of("danh-sach.xlsx", workbook(List.of(List.of("x")))));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals("import.error.oldOrEncrypted", refusal(() -> FileFormat.of("old.xlsx", ole2)), "an .xls or encrypted workbook");
        assertEquals("import.error.notXlsx", refusal(() -> FileFormat.of("fake.xlsx", "not a zip".getBytes())));
        byte[] book = workbook(List.of(List.of("x")));
        assertEquals("import.error.xlsxNamedCsv", refusal(() -> FileFormat.of("book.csv", book)));
        assertEquals("import.error.notCsv", refusal(() -> FileFormat.of("doc.csv", "%PDF-1.7 ...".getBytes())));
        assertEquals("import.error.notCsv", refusal(() -> FileFormat.of("prog.csv", new byte[] {0x4D, 0x5A, 0, 0})));
        assertEquals("import.error.extension", refusal(() -> FileFormat.of("roster.txt", "a".getBytes())));
        assertEquals("import.error.saveAsXlsx", refusal(() -> FileFormat.of("roster.xls", "a".getBytes())));
        assertEquals("import.error.empty", refusal(() -> FileFormat.of("roster.csv", new byte[0])));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheNumbers() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> FileFormat.of("big.csv", new byte[FileFormat.MAX_BYTES + 1]));
        assertEquals("import.error.tooLarge", e.getMessageKey());
        assertEquals(10.1, e.getArguments()[0]);
        assertEquals(10, e.getArguments()[1]);
    }

    // ---- encodings ----

    @Test
    void utf8WithOrWithoutItsByteOrderMark() {
        byte[] plain = ("Họ và tên\nNguyễn Văn Hồi").getBytes(StandardCharsets.UTF_8);
        assertEquals("Họ và tên\nNguyễn Văn Hồi", TextEncoding.decode(plain));
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        assertEquals("Họ và tên\nNguyễn Văn Hồi", TextEncoding.decode(bom), "the mark is not part of the first header");
    }

    @Test
    void utf16WithItsByteOrderMarkIsDecoded() {
        assertEquals("Nguyễn Văn Hồi", TextEncoding.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Nguyễn Văn Hồi".getBytes(StandardCharsets.UTF_16LE))));
        assertEquals("Nguyễn Văn Hồi", TextEncoding.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "Nguyễn Văn Hồi".getBytes(StandardCharsets.UTF_16BE))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1258", "windows-1252", "ISO-8859-1"})
    void aVietnameseFileSavedInAnOldCodePageIsRefusedNotGarbled(String charset) {
        byte[] legacy = (HEADER + "\nCB1,Nguyễn Văn Hồi,Nam,,20001-01,").getBytes(Charset.forName(charset));
        assertEquals("import.error.encoding", refusal(() -> csv(legacy)));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefused() {
        assertEquals("import.error.encoding", refusal(() -> TextEncoding.decode(HEADER.getBytes(StandardCharsets.UTF_16LE))));
    }

    // ---- CSV ----

    @Test
    void aCsvSavedByExcelInVietnameseUsesSemicolonsAndIsReadAsWell() {
        List<RawRow> rows = csv(("\uFEFF" + HEADER.replace(',', ';') + "\r\n" + ROW.replace(',', ';') + "\r\n;;;;;\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, rows.size(), "blank rows are skipped");
        assertEquals("Nguyễn Văn Hồi", rows.get(0).get(RosterColumn.FULL_NAME));
        assertEquals(2, rows.get(0).number(), "numbered as the spreadsheet shows it");
    }

    @Test
    void headersInAnyOrderInEnglishOrWithoutDiacriticsAndUnknownColumnsIgnored() {
        List<RawRow> rows = csv(("Ghi chu,unit code,FULL NAME,Gender,ma can bo\nmột ghi chú,20001-01,Lê Thị Hoa,Nữ,CB7\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("CB7", rows.get(0).get(RosterColumn.CODE));
        assertEquals("20001-01", rows.get(0).get(RosterColumn.UNIT_CODE));
    }

    @Test
    void anExportedValueIsReadBackWithoutItsNeutralisingApostrophe() {
        List<RawRow> rows = csv((HEADER + "\nCB1,'=Lạ,Nam,,20001-01,\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("=Lạ", rows.get(0).get(RosterColumn.FULL_NAME));
    }

    @Test
    void missingColumnsAColumnTwiceOrNoRowsRefuseTheFile() {
        BusinessException missing = assertThrows(BusinessException.class,
                () -> csv("Họ và tên,Giới tính\nA,Nam\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("import.error.missingColumns", missing.getMessageKey());
        assertEquals("Mã cán bộ, Mã đơn vị", missing.getArguments()[0]);
        assertEquals("import.error.duplicateColumn", refusal(() -> csv((HEADER + ",Full name\n").getBytes(StandardCharsets.UTF_8))));
        assertEquals("import.error.noRows", refusal(() -> csv((HEADER + "\n,,,\n").getBytes(StandardCharsets.UTF_8))));
        assertEquals("import.error.csvMalformed", refusal(() -> csv((HEADER + "\n\"CB1,A\n").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void moreThanTwentyThousandRowsAreRefusedWithTheNumbers() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < RosterFileReader.MAX_ROWS + 5; i++) {
            text.append("CB").append(i).append(",A,Nam,,20001-01,\n");
        }
        BusinessException e = assertThrows(BusinessException.class, () -> csv(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("import.error.tooManyRows", e.getMessageKey());
        assertArrayEquals(new Object[] {20_005, 20_000}, e.getArguments());
    }

    // ---- xlsx ----

    @Test
    void anXlsxIsReadWithDateCellsAndNumbersThatLostTheirLeadingZero() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Danh sách");
            Row header = sheet.createRow(0);
            String[] headers = HEADER.split(",");
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            header.createCell(6).setCellValue("Số căn cước");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Row row = sheet.createRow(3); // a blank row before it, as people leave them
            row.createCell(0).setCellValue("CB100");
            row.createCell(1).setCellValue("Nguyễn Văn Hồi");
            row.createCell(2).setCellValue("Nam");
            Cell born = row.createCell(3);
            born.setCellValue(LocalDate.of(1978, 3, 25));
            born.setCellStyle(date);
            row.createCell(4).setCellValue("20001-01");
            row.createCell(5).setCellValue(912345678d); // 0912345678 typed into a number cell
            row.createCell(6).setCellValue(22078123456d);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            List<RawRow> rows = xlsx(out.toByteArray());
            assertEquals(1, rows.size());
            RawRow r = rows.get(0);
            assertEquals(4, r.number());
            assertEquals("25/03/1978", r.get(RosterColumn.BIRTH_DATE));
            assertEquals("0912345678", r.get(RosterColumn.PHONE));
            assertEquals("022078123456", r.get(RosterColumn.NATIONAL_ID));
            assertEquals("Nguyễn Văn Hồi", r.get(RosterColumn.FULL_NAME));
        }
    }

    @Test
    void aWorkbookWithAFormulaIsRefusedNamingTheFirstCell() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Sheet1");
            Row header = sheet.createRow(0);
            String[] headers = HEADER.split(",");
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 1; r < 12; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("CB" + r);
                row.createCell(1).setCellValue("Tên");
            }
            sheet.getRow(11).createCell(5).setCellFormula("CONCATENATE(\"09\",\"12345678\")");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            BusinessException e = assertThrows(BusinessException.class, () -> xlsx(out.toByteArray()));
            assertEquals("import.error.formula", e.getMessageKey());
            assertEquals("Sheet1!F12", e.getArguments()[0]);
        }
    }

    @Test
    void aFormulaHiddenInAnotherSheetIsRefusedToo() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Row header = wb.createSheet("Danh sách").createRow(0);
            String[] headers = HEADER.split(",");
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            wb.getSheet("Danh sách").createRow(1).createCell(0).setCellValue("CB1");
            wb.createSheet("Ghi chú").createRow(2).createCell(1).setCellFormula("1+1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            assertEquals("Ghi chú!B3", assertThrows(BusinessException.class, () -> xlsx(out.toByteArray())).getArguments()[0]);
        }
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // a real workbook whose sheet inflates a thousand times: 30 MB of blanks packed into about 30 KB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 30; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(out.size() < 200_000, "packed small: " + out.size());
        assertEquals("import.error.zipBomb", refusal(() -> xlsx(out.toByteArray())));
    }

    @Test
    void aWorkbookOfTwentyThousandFullRowsIsWithinTheLimits() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RosterSheet sheet = RosterSheet.open(FileFormat.XLSX, out, "Danh sách",
                RosterColumn.IMPORTED.stream().map(RosterColumn::header).toList())) {
            for (int i = 0; i < RosterFileReader.MAX_ROWS; i++) {
                sheet.row(List.of("CB" + i, "Nguyễn Thị Phương Thảo " + i, "Nữ", LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                        "Sán Dìu", "09" + String.format("%08d", i), "Trung học phổ thông", "Sơ cấp", "Có",
                        LocalDate.of(2010, 1, 1), "0221" + String.format("%08d", i), "20001-" + (10 + i % 20),
                        "PARTY_CELL_SECRETARY; HAMLET_HEAD", LocalDate.of(2025, 7, 1), "2025–2030", "Có"));
            }
        }
        List<RawRow> rows = xlsx(out.toByteArray());
        assertEquals(RosterFileReader.MAX_ROWS, rows.size());
        assertEquals("0912345678".length(), rows.get(12_345).get(RosterColumn.PHONE).length());
        assertTrue(out.size() < FileFormat.MAX_BYTES, "fits the upload limit: " + out.size());
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "readme.txt", "không phải bảng tính");
        }
        assertEquals("import.error.notXlsx", refusal(() -> xlsx(out.toByteArray())));
    }

    @Test
    void aMacroEnabledWorkbookRenamedXlsxIsRefused() throws IOException {
        byte[] book = workbook(List.of(List.of("Mã cán bộ")));
        // rewrite the workbook part's content type to the macro-enabled one
        java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(book));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    data = new String(data, StandardCharsets.UTF_8).replace("spreadsheetml.sheet.main+xml",
                            "NONE").replace("application/vnd.openxmlformats-officedocument.NONE",
                            "application/vnd.ms-excel.sheet.macroEnabled.main+xml").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        assertEquals("import.error.notXlsx", refusal(() -> xlsx(out.toByteArray())));
    }

    // ---- helpers ----

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Danh sách");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
