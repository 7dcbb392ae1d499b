package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;
import vn.cadretraining.testing.Http;

/**
 * A coordinator's roster files in the browser: an import with mistakes, listed row by row in Vietnamese, fixed
 * and imported; then the roster exported to .xlsx and .csv and read back (POI, commons-csv) with its Vietnamese
 * text intact. Downloads land in a folder of target/ that Chromium is told to use.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterTransferBrowserIT extends BrowserTestBase {

    static final String HEADER = "Mã cán bộ,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số điện thoại,Trình độ học vấn,"
            + "Lý luận chính trị,Đảng viên,Ngày vào Đảng,Số căn cước,Mã đơn vị,Chức danh,Từ ngày,Nhiệm kỳ,Mới bầu";

    private static Path downloads;

    @Override
    protected void started(Browser started) throws IOException {
        downloads = Files.createDirectories(Path.of("target", "downloads", "roster-" + UUID.randomUUID()));
        // headless Chromium saves downloads only where it is told to
        ((HasCdp) started.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    @Test
    void aCoordinatorImportsAFileWithMistakesSeesThemFixesItAndImports() throws IOException {
        String code = "BR" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Path withMistakes = file("ds-co-loi.csv", List.of(
                code + "1,Nguyễn Văn Hồi,Nam,12/03/1980,Tày,0912345678,Trung học phổ thông,Sơ cấp,Có,01/05/2005,,20001-01,"
                        + "\"Bí thư chi bộ; Trưởng thôn\",01/07/2025,2025–2030,Có",
                code + "2,Lê Thị Lỗi,Nữ,31/02/1985,Kinh,,,,,,,99999,,,,",
                code + "3,Đặng Thị Ngoài,Nữ,01/01/1990,Dao,,,,,,,20002-01,,,,",
                code + "4,Bàn Văn Đủ,Nam,01/01/1975,San Chi,,,,,,,20001-02,FRONT_HEAD,,,"));
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/import.xhtml");
        upload(withMistakes);
        browser.waitForText("#summaryText", "3 dòng có lỗi");
        String page = browser.text(Browser.id("import:rows"));
        assertTrue(page.contains("''31/02/1985'' không phải ngày hợp lệ".replace("''", "'")), page);
        assertTrue(page.contains("Mã đơn vị: Không có đơn vị mã '99999'"), page);
        assertTrue(page.contains("không thuộc phạm vi quản lý của bạn"), "another ward's unit: " + page);
        assertTrue(page.contains("Từ ngày: Hãy ghi ngày bắt đầu giữ các chức danh đã ghi."), page);
        assertTrue(page.contains("Thêm mới"), "the valid row says what importing it will do");
        assertFalse(browser.find(Browser.id("import:apply")).isEnabled(), "nothing is imported while rows have problems");
        browser.click(Browser.id("import:onlyProblems") + " .ui-chkbox-box").waitForAjax();
        assertEquals(3, browser.all(Browser.id("import:rows_data") + " > tr").size(), "only the rows with problems");
        browser.screenshot("import-preview-problems");

        Path fixed = file("ds-da-sua.csv", List.of(
                code + "1,Nguyễn Văn Hồi,Nam,12/03/1980,Tày,0912345678,Trung học phổ thông,Sơ cấp,Có,01/05/2005,,20001-01,"
                        + "\"Bí thư chi bộ; Trưởng thôn\",01/07/2025,2025–2030,Có",
                code + "2,Lê Thị Lỗi,Nữ,28/02/1985,Kinh,,,,,,,20001-03,,,,",
                code + "3,Đặng Thị Ngoài,Nữ,01/01/1990,Dao,,,,,,,20001-04,,,,",
                code + "4,Bàn Văn Đủ,Nam,01/01/1975,San Chi,,,,,,,20001-02,FRONT_HEAD,01/07/2024,,"));
        browser.click(Browser.id("import:another")).waitForAjax();
        upload(fixed);
        browser.waitForText("#summaryText", "0 dòng có lỗi");
        browser.click(Browser.id("import:apply"));
        browser.waitForText("#inserted", "4");
        assertEquals("3", browser.text("#positions"), "two titles held at once (kiêm nhiệm), and one");
        browser.screenshot("import-done");

        // what was imported is on the roster, found without diacritics
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "ban van du " + code.toLowerCase());
        browser.waitForText(Browser.id("roster:table"), "Bàn Văn Đủ");
    }

    @Test
    void theRosterExportsOpenWithTheirVietnameseText() throws IOException {
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "hoang van sinh");
        browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);

        Path xlsx = download(Browser.id("roster:exportXlsx"), ".xlsx");
        assertTrue(xlsx.getFileName().toString().matches("danh-sach-can-bo-\\d{8}\\.xlsx"), xlsx.toString());
        List<List<String>> sheet = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet first = wb.getSheetAt(0);
            assertEquals("Danh sách cán bộ", first.getSheetName());
            DataFormatter cells = new DataFormatter();
            for (Row row : first) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    values.add(row.getCell(c) == null ? "" : cells.formatCellValue(row.getCell(c)));
                }
                sheet.add(values);
            }
        }
        assertEquals(List.of("Mã cán bộ", "Họ và tên", "Giới tính"), sheet.get(0).subList(0, 3));
        assertTrue(sheet.get(0).contains("Chức danh hiện giữ"));
        List<String> sinh = sheet.stream().filter(r -> r.get(1).equals(DemoProvince.DEMO_CADRE_NAME)).findFirst().orElseThrow();
        assertEquals("Tày", sinh.get(4), "the ethnic group, with its diacritics");
        assertEquals("Nam", sinh.get(2));
        assertTrue(sinh.get(3).matches("\\d{2}/\\d{2}/\\d{4}"), "a date shown dd/MM/yyyy: " + sinh.get(3));
        assertTrue(sheet.stream().skip(1).allMatch(r -> r.get(1).contains("Sình") || r.get(1).contains("Sinh")),
                "the roster's filter applies");

        Path csv = download(Browser.id("roster:exportCsv"), ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 with its byte order mark, as Excel expects");
        try (Reader reader = new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8)) {
            reader.skip(1);
            List<CSVRecord> records = CSVParser.parse(reader, CSVFormat.RFC4180).getRecords();
            assertEquals("Mã cán bộ", records.get(0).get(0));
            assertEquals(sheet.size(), records.size(), "the same rows in both");
            CSVRecord row = records.stream().filter(r -> r.get(1).equals(DemoProvince.DEMO_CADRE_NAME)).findFirst().orElseThrow();
            assertEquals("Tày", row.get(4));
            assertEquals(sinh.get(0), row.get(0));
        }
    }

    // ---- helpers ----

    private static Path file(String name, List<String> rows) throws IOException {
        // a folder of its own: the Derby and PostgreSQL passes run at once and write files of these names
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "uploads")), "run-");
        Path file = dir.resolve(name);
        Files.writeString(file, "\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Chooses the file in the upload field, as a person would; the page uploads it at once. */
    @Test
    void aFileFarOverTheLimitGetsTheSameMessageAsOneJustOverIt() {
        // 11 MB is refused by the page; 50 MB is over the server's multipart limit and was a 500
        Http http = new Http(base);
        http.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        String context = base.getPath().endsWith("/") ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        for (long megabytes : new long[] {11, 50}) {
            HttpResponse<String> page = http.get("/people/import.xhtml");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("import", "import");
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", "import:file");
            fields.put("jakarta.faces.partial.execute", "import:file");
            fields.put("jakarta.faces.partial.render", "import");
            fields.put("jakarta.faces.ViewState", Http.viewState(page.body()));
            fields.put("primefaces.nonce", Http.nonce(page.body()));
            Http.Answer answer = http.postMultipart("/people/import.xhtml", fields, "import:file_input",
                    "ds-can-bo.csv", megabytes * 1024 * 1024, Map.of("Faces-Request", "partial/ajax"));
            assertEquals(200, answer.status(), megabytes + " MB");
            String shown = answer.body();
            Matcher redirect = Pattern.compile("<redirect url=\"([^\"]+)\"").matcher(shown);
            if (redirect.find()) {
                String to = redirect.group(1).replace("&amp;", "&");
                HttpResponse<String> after = http.get(to.startsWith(context) ? to.substring(context.length()) : to);
                assertEquals(200, after.statusCode(), megabytes + " MB, sent to " + to);
                shown = after.body();
            }
            assertTrue(shown.contains("Tệp lớn hơn 10 MB: hãy chia thành nhiều tệp nhỏ hơn."), megabytes + " MB: " + shown);
        }
    }

    private static void upload(Path file) {
        browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    }

    /** Clicks an export button and waits for its file to be complete in the download folder. */
    private static Path download(String button, String extension) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path old : (Iterable<Path>) files::iterator) {
                Files.delete(old);
            }
        }
        browser.click(button);
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(extension)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
