package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cadretraining.testing.TestDatabase.LAYOUT_SWEEPS_ONCE;

import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.Keyboard;
import vn.cadretraining.testing.QrImages;

/**
 * Attendance and certificates as their users meet them, on the demo's classes of trainer Lê Minh Tuấn
 * (giangvien) in Phường Hạ Long: the trainer closes the class that ended last week and its certificates
 * are issued; the cadre finds theirs on a phone and downloads it; anyone checks it at the address its QR
 * code carries, and sees it revoked once the trainer revokes it. And the check-in QR code on the trainer's
 * screen is a real code for the check-in address. And a trainer types the scores of an assessed class as
 * Vietnamese write them ("7,5"), is told of a wrong one by name without anything saved, and closes the class by
 * the pass mark and the attendance share.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateBrowserIT extends BrowserTestBase {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final String CLOSABLE = "Tiếp công dân, giải quyết kiến nghị, phản ánh";

    @Test
    void theTrainerClosesTheClassTheCadreDownloadsTheCertificateAndAnyoneCanCheckIt() throws Exception {
        // the trainer: the class that ended last week, results expected, then closed
        browser.signIn("giangvien", PASSWORD);
        browser.open("/teach/classes.xhtml");
        browser.screenshot("teach-classes");
        browser.clickAndWaitForPage("a.offer-card" + closableCard());
        assertTrue(browser.text("#results-table").contains("Hoàng Văn Sình"), "the demo cadre is in it");
        assertTrue(browser.pageText().contains("Kết quả dự kiến"), "before closing, outcomes are expected ones");
        browser.screenshot("teach-class-before-closing");
        // closed on a phone, below the long list of results: what happened is said where the trainer is, and the
        // certificates just issued are there, without a reload
        browser.size(Browser.PHONE);
        browser.click(Browser.id("results:close"));
        browser.click(".ui-confirmdialog-yes");
        browser.waitForText(Browser.id("certs:table"), "QN-");
        browser.waitForAjax();
        browser.js("return new Promise(function (r) { setTimeout(r, 300); });");
        Object said = browser.js("var W = window.innerWidth, H = window.innerHeight;"
                + "var inView = function (e) { var r = e.getBoundingClientRect();"
                + "  return e.offsetParent !== null && r.top >= 56 && r.bottom <= H && r.left >= 0 && r.right <= W; };"
                + "var message = Array.from(document.querySelectorAll('#content *')).find(function (e) {"
                + "  return e.children.length === 0 && e.textContent.indexOf('Đã khóa kết quả và cấp') >= 0 && inView(e); });"
                + "var certificate = document.querySelector('[id=\"certs:table_data\"] tr');"
                + "return [message ? message.textContent.trim() : null, !!certificate && inView(certificate)];");
        browser.screenshot("teach-class-closed-phone");
        assertTrue(String.valueOf(((List<?>) said).get(0)).matches("Đã khóa kết quả và cấp \\d+ giấy chứng nhận\\."),
                "the closing is said in sight of the trainer on a phone: " + said);
        assertEquals(Boolean.TRUE, ((List<?>) said).get(1), "the first certificate issued is in sight, without a reload");
        assertFalse(browser.exists(Browser.id("results:close")), "closed once, no second closing");
        browser.size(Browser.DESKTOP);

        // the cadre on a phone: the certificate is on their record, and it is a real PDF with their name
        browser.signOut();
        browser.size(Browser.PHONE);
        browser.signIn("canbo", PASSWORD);
        browser.open("/me/record.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the record fits a 360-px phone");
        browser.screenshot("my-record-phone");
        // folded under each class (a closed <details>): read without opening it
        String marked = browser.driver().findElements(By.xpath("//a[contains(@class, 'certificate-link') and @data-course='"
                + CLOSABLE + "']/ancestor::li[1]//li[contains(@class, 'mark-line')]")).stream()
                .map(e -> e.getAttribute("textContent").replaceAll("\\s+", " ")).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(marked.matches("(?s).*ghi bởi \\S+ lúc \\d.*"), "who marked each session of the class, and when: " + marked);
        String link = "a.certificate-link[data-course='" + CLOSABLE + "']";
        assertTrue(browser.exists(link), "the new certificate is listed with its course");
        Path pdf = browser.download(link, ".pdf");
        String text;
        try (PdfReader reader = new PdfReader(Files.readAllBytes(pdf))) {
            text = new PdfTextExtractor(reader).getTextFromPage(1);
        }
        assertTrue(text.contains("Hoàng Văn Sình"), text);
        assertTrue(text.contains(CLOSABLE));
        Matcher verify = Pattern.compile("/verify/([a-z2-9]{26})").matcher(text.replace("\n", ""));
        assertTrue(verify.find(), "the verification address is printed: " + text);
        String code = verify.group(1);
        assertFramedCertificate(pdf, code);

        // anyone, signed out: the verification page says valid, with the holder
        browser.signOut();
        browser.open("/verify/" + code);
        browser.waitForText(".standing", "hợp lệ");
        assertEquals("Hoàng Văn Sình", browser.text("#verify-holder"));
        browser.screenshot("verify-valid-phone");

        // the trainer revokes it with a reason; the same address now says revoked
        browser.size(Browser.DESKTOP);
        browser.signIn("giangvien", PASSWORD);
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card" + closableCard());
        WebElement revoke = browser.driver().findElement(By.xpath(
                "//tr[td[contains(., 'Hoàng Văn Sình')]]//button[contains(@id, ':revoke')]"));
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", revoke);
        browser.waitForAjax();
        browser.click(Browser.id("revokeForm:confirmRevoke"));
        browser.waitForText("#revokeDialog", "Cần ghi lý do thu hồi");
        browser.type(Browser.id("revokeForm:reason"), "Cấp nhầm người");
        browser.click(Browser.id("revokeForm:confirmRevoke"));
        browser.waitForText(Browser.id("certs:table"), "Đã thu hồi");
        browser.signOut();
        browser.open("/verify/" + code);
        browser.waitForText(".standing", "thu hồi");
        assertTrue(browser.exists("#verify-revoked-on"), "the day it was revoked is shown");
        browser.screenshot("verify-revoked");

        // the ward's coordinator reads on a phone what the trainer did: the revocation first, with its reason
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", PASSWORD);
        browser.open("/audit/trail.xhtml");
        String newest = browser.text(Browser.id("audit:table") + " tbody tr:first-child");
        assertTrue(newest.contains("Thu hồi giấy chứng nhận") && newest.contains("Cấp nhầm người")
                && newest.contains("Lê Minh Tuấn") && newest.contains("Hoàng Văn Sình"), newest);
        assertFalse(browser.overflowsHorizontally(), "the trail fits a 360-px phone");
        browser.screenshot("audit-coordinator-phone");
        browser.choose("audit:action", "Khóa kết quả lớp");
        browser.waitForText(Browser.id("audit:table"), "Khóa kết quả lớp");
        assertTrue(browser.text(Browser.id("audit:table")).contains(CLOSABLE), "the closing, by the trainer");
        browser.signOut();

        // a certificate that is not theirs is not found, whatever id is typed
        Http http = new Http(base);
        http.signIn("canbo", PASSWORD);
        assertEquals(404, http.get("/files/certificate/999999.pdf").statusCode());
    }

    @Test
    void theCheckInCodeOnTheTrainersScreenIsARealQrCodeOfTheCheckInAddress() throws Exception {
        browser.signIn("giangvien", PASSWORD);
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card" + runningCard());
        browser.clickAndWaitForPage("#sessions a.session-link");
        String session = browser.text("#session-lead");
        // the grid: everyone present (once the session has started), the first person excused instead, saved
        if (!browser.exists("#not-started")) {
            browser.click(Browser.id("grid:allPresent"));
            browser.waitForAjax();
        }
        String first = browser.text(".attendance-row .attendance-name strong");
        browser.click(".attendance-row:first-child .status-pills li:nth-child(3) label");
        browser.type(".attendance-row:first-child .note-input", "Họp tổ dân phố");
        browser.click(Browser.id("grid:save"));
        browser.waitForText("#save-status", "Đã lưu điểm danh");
        browser.open(browser.path());
        assertTrue(browser.driver().findElement(By.cssSelector(".attendance-row:first-child .status-pills li:nth-child(3) input"))
                .isSelected(),
                first + " is recorded as excused");
        assertEquals("Họp tổ dân phố", browser.find(".attendance-row:first-child .note-input").getAttribute("value"));
        browser.screenshot("teach-session-grid");
        assertSignInSheetLeavesRoomToSign(browser.download(Browser.id("grid:sheet"), ".pdf"));
        browser.click(Browser.id("grid:showQr"));
        browser.waitForText("#qr-url", "/checkin.xhtml?s=");
        String url = browser.text("#qr-url");
        String src = browser.find("#qr-image").getAttribute("src");
        assertTrue(src.startsWith("data:image/png;base64,"));
        assertEquals(url, QrImages.decode(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))),
                "the picture is the address");
        browser.screenshot("teach-session-qr");
        browser.js("PF('qrDialog').hide()");

        // the cadre scans it on a phone not signed in: signs in once and lands back on the check-in, which is
        // recorded when the session is on, or told when check-in is open
        browser.signOut();
        browser.size(Browser.PHONE);
        browser.open(url.substring(url.indexOf("/checkin.xhtml")));
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.type(Browser.id("login:username"), "canbo");
        browser.type(Browser.id("login:password"), PASSWORD);
        browser.clickAndWaitForPage(Browser.id("login:signIn"));
        assertTrue(browser.path().startsWith("/checkin.xhtml?s="), "back on the check-in: " + browser.path());
        browser.screenshot("checkin-phone");
        boolean open = sessionIsOpenNow(session);
        if (open) {
            browser.waitForText("#checkin-ok", "Đã điểm danh");
        } else {
            browser.waitForText("#checkin-problem", "30 phút trước giờ học");
        }
        // the same code a second time is refused whatever the hour (used, or still outside the hours)
        browser.open(url.substring(url.indexOf("/checkin.xhtml")));
        assertTrue(browser.exists("#checkin-problem"), "a code is good once");
    }

    @Test
    void theGridOfASessionNotStartedTakesOnlyExcusedAbsencesAndSaysSoBesideTheSaveButton() {
        // the demo's class in two weeks: its first session has not started
        browser.signIn("giangvien", PASSWORD);
        browser.size(Browser.PHONE);
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card[data-course='Kỹ năng số: dịch vụ công trực tuyến và VNeID']");
        browser.clickAndWaitForPage("#sessions a.session-link");
        assertTrue(browser.text("#not-started").startsWith("Buổi học chưa bắt đầu"), "said before anything is marked");
        assertFalse(browser.find(Browser.id("grid:allPresent")).isEnabled(), "no 'everyone present' before the start");
        browser.screenshot("teach-session-not-started-phone");

        // "present" is refused, by the save button, in sight and announced; nothing is written
        browser.click(".attendance-row:first-child .status-pills li:nth-child(1) label");
        browser.click(Browser.id("grid:save"));
        browser.waitForText("#save-status", "chưa bắt đầu");
        assertEquals("status", browser.find("#save-status").getAttribute("role"));
        assertTrue(inView("#save-status .save-said"), "the refusal is beside the save button on a phone");
        browser.open(browser.path());
        assertFalse(browser.driver().findElement(By.cssSelector(".attendance-row:first-child .status-pills li:nth-child(1) input"))
                .isSelected(), "nothing was saved");

        // an excused absence, sent ahead, is taken
        browser.click(".attendance-row:first-child .status-pills li:nth-child(3) label");
        browser.click(Browser.id("grid:save"));
        browser.waitForText("#save-status", "Đã lưu điểm danh cho 1 học viên");
        assertTrue(inView("#save-status .save-said"), "the save is said beside its button on a phone");
        browser.screenshot("teach-session-excused-ahead-phone");
    }

    /** Whether an element is wholly inside the window, below the sticky top bar. */
    private static boolean inView(String css) {
        return Boolean.TRUE.equals(browser.js("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return r.top >= 56 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;", css));
    }

    @Test
    void aTrainerMarksAndSavesASessionAndACadreChecksInWithTheKeyboardAlone() throws Exception {
        Keyboard keys = new Keyboard(browser);
        browser.open("/login.xhtml");
        keys.signIn("giangvien", PASSWORD);
        browser.open("/teach/classes.xhtml");
        keys.tabTo("a.offer-card" + runningCard());
        keys.pressAndWaitForPage(Keys.ENTER);
        keys.tabTo("#sessions a.session-link");
        keys.pressAndWaitForPage(Keys.ENTER);
        assertTrue(browser.path().startsWith("/teach/session.xhtml?id="), browser.path());

        // each pill says which status for whom, not the same "status of <name>" four times
        String first = browser.text(".attendance-row .attendance-name strong");
        assertEquals(List.of("Có mặt — " + first, "Muộn — " + first, "Có phép — " + first, "Vắng — " + first),
                browser.all(".attendance-row:first-child .status-pills input").stream()
                        .map(WebElement::getAccessibleName).toList());

        // into the first person's pills; Space checks the one with the focus, the arrows move to "excused"
        WebElement pill = keys.tabTo(".attendance-row:first-child .status-pills input");
        if (!pill.isSelected()) {
            keys.press(Keys.SPACE);
        }
        String excused = ".attendance-row:first-child .status-pills li:nth-child(3) input";
        for (int i = 0; i < 4 && !browser.driver().findElement(By.cssSelector(excused)).isSelected(); i++) {
            keys.press(Keys.ARROW_RIGHT);
            keys.assertFocusVisible();
        }
        assertTrue(browser.driver().findElement(By.cssSelector(excused)).isSelected(), "excused chosen by the arrows");
        keys.tabTo(".attendance-row:first-child .note-input", 2, false);
        keys.selectAll().press("Ốm, có giấy của trạm y tế");
        keys.tabTo(Browser.id("grid:save"), 400, false);
        keys.press(Keys.ENTER);
        browser.waitForText("#save-status", "Đã lưu điểm danh");
        browser.open(browser.path());
        assertTrue(browser.driver().findElement(By.cssSelector(excused)).isSelected(), first + " is recorded as excused");
        assertEquals("Ốm, có giấy của trạm y tế", browser.find(".attendance-row:first-child .note-input").getAttribute("value"));

        // the check-in code, shown by Enter on its button
        keys.tabTo(Browser.id("grid:showQr"));
        keys.press(Keys.ENTER);
        browser.waitForText("#qr-url", "/checkin.xhtml?s=");
        String url = browser.text("#qr-url");

        // the cadre, on a phone, opens the code's address, signs in with the keys and goes on to the record
        browser.driver().manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        browser.open(url.substring(url.indexOf("/checkin.xhtml")));
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        keys.signIn("canbo", PASSWORD);
        assertTrue(browser.path().startsWith("/checkin.xhtml?s="), "back on the check-in: " + browser.path());
        assertTrue(browser.exists("#checkin-ok") || browser.exists("#checkin-problem"), "the check-in is answered");
        keys.tabTo("#content a[href*='/me/record.xhtml']");
        keys.pressAndWaitForPage(Keys.ENTER);
        assertEquals("/me/record.xhtml", browser.path());
    }

    @Test
    void theTrainerTypesScoresAsVietnameseWriteThemSavesClosesAndTheOutcomesFollowThePassMark() throws Exception {
        // a class of an assessed course (pass mark 5, 80% attendance) with five sessions held; the fourth
        // participant attended three of them
        Http http = new Http(base);
        List<String> seeded = http.post("/testing/scored-class", Map.of()).body().strip().lines().toList();
        long classId = Long.parseLong(seeded.get(0));
        long[] e = new long[4];
        String[] names = new String[4];
        long[] cadres = new long[4];
        for (int i = 0; i < 4; i++) {
            String[] line = seeded.get(i + 1).split(";");
            e[i] = Long.parseLong(line[0]);
            names[i] = line[1];
            cadres[i] = Long.parseLong(line[2]);
        }
        browser.signIn("giangvien", PASSWORD);
        browser.open("/teach/class.xhtml?id=" + classId);
        assertTrue(browser.pageText().contains("điểm đánh giá từ 5"), browser.text("#results-summary"));

        // a comma decimal, an empty one, an out-of-range one: refused by name, and nothing is saved
        score(e[0], "7,5");
        score(e[1], "");
        score(e[2], "12");
        score(e[3], "9");
        browser.click(Browser.id("results:saveScores"));
        browser.waitForText("#messages", "phải từ 0 đến 10");
        assertTrue(browser.text("#messages").contains(names[2]), browser.text("#messages"));
        browser.screenshot("teach-scores-out-of-range");
        assertEquals(List.of(";", ";", ";", ";"), stored(http, classId, e),
                "nothing saved");
        // something that is not a number is told as such, by name
        score(e[2], "bốn rưỡi");
        browser.click(Browser.id("results:saveScores"));
        browser.waitForText("#messages", "không phải là một điểm");
        assertTrue(browser.text("#messages").contains(names[2]), browser.text("#messages"));
        assertEquals(List.of(";", ";", ";", ";"), stored(http, classId, e),
                "still nothing saved");

        // corrected (a point works too), saved, and shown back in Vietnamese
        score(e[2], "4.5");
        browser.click(Browser.id("results:saveScores"));
        browser.waitForText("#messages", "Đã lưu điểm");
        assertEquals(List.of("7.5;", ";", "4.5;", "9;"), stored(http, classId, e));
        browser.open(browser.path());
        assertEquals("7,5", scoreInput(e[0]).getAttribute("value"));
        assertEquals("", scoreInput(e[1]).getAttribute("value"));
        assertEquals("4,5", scoreInput(e[2]).getAttribute("value"));
        assertEquals("9", scoreInput(e[3]).getAttribute("value"));
        assertTrue(outcome(e[0]).contains("Hoàn thành"), "expected before closing: " + outcome(e[0]));

        // closed: only 7,5 with enough attendance completes; no score, below the pass mark, 60% do not
        browser.click(Browser.id("results:close"));
        browser.click(".ui-confirmdialog-yes");
        browser.waitForText("#closed-status", "cấp 1 giấy chứng nhận");
        browser.waitForText(Browser.id("certs:table"), names[0]);
        browser.screenshot("teach-scores-closed");
        assertTrue(outcome(e[0]).startsWith("Hoàn thành"), outcome(e[0]));
        assertTrue(outcome(e[1]).contains("Chưa có điểm đánh giá"), outcome(e[1]));
        assertTrue(outcome(e[2]).contains("Điểm đánh giá chưa đạt"), outcome(e[2]));
        assertTrue(outcome(e[3]).contains("Tham dự chưa đủ số buổi"), outcome(e[3]));
        assertEquals(List.of("7.5;COMPLETED", ";NOT_COMPLETED", "4.5;NOT_COMPLETED", "9;NOT_COMPLETED"),
                stored(http, classId, e));
        assertFalse(scoreInput(e[0]).isEnabled(), "scores are a record once closed");

        // their transcripts say why the class was not completed, from what the closing knows
        Http admin = new Http(base);
        admin.signIn("admin", PASSWORD);
        String[] said = {"Hoàn thành, điểm 7,5", "Chưa hoàn thành: chưa có điểm đánh giá",
                "Không đạt: điểm 4,5 (điểm đạt 5)", "Chưa hoàn thành: dự 3/5 buổi (cần 80%)"};
        for (int i = 3; i >= 0; i--) {
            String transcript = transcript(admin, cadres[i]);
            assertTrue(transcript.contains(said[i]), names[i] + ": " + transcript);
        }
    }

    // ---- the files read back with PDFBox, a reader other than the one that wrote them ---------------

    /** A word as PDFBox reads it: its text, font size in points, and where it starts (from the page's top left). */
    private record Word(String text, float size, float x, float y) {
    }

    private static List<Word> words(PDDocument pdf, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                // a line at a time: cut into words at the spaces
                StringBuilder word = new StringBuilder();
                TextPosition first = null;
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank()) {
                        if (first != null) {
                            words.add(new Word(word.toString(), first.getFontSizeInPt(), first.getXDirAdj(), first.getYDirAdj()));
                        }
                        word.setLength(0);
                        first = null;
                    } else {
                        first = first == null ? p : first;
                        word.append(p.getUnicode());
                    }
                }
                if (first != null) {
                    words.add(new Word(word.toString(), first.getFontSizeInPt(), first.getXDirAdj(), first.getYDirAdj()));
                }
                super.writeString(text, positions);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return words;
    }

    private static void assertFontsEmbedded(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), "font " + font.getName() + " is embedded");
            }
        }
    }

    /**
     * The certificate as a province frames it: one landscape page, the holder's name set larger than the body,
     * every font embedded, and the QR code still the verification address.
     */
    private static void assertFramedCertificate(Path file, String code) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertEquals(1, pdf.getNumberOfPages(), "one page");
            PDPage page = pdf.getPage(0);
            boolean turned = page.getRotation() % 180 != 0;
            float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
            float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
            List<Word> words = words(pdf, 1);
            float name = words.stream().filter(w -> w.text().equals("Sình")).map(Word::size).findFirst().orElse(0f);
            float body = words.stream().filter(w -> w.text().equals("sinh:")).map(Word::size).findFirst().orElse(0f);
            List<String> qr = new ArrayList<>();
            for (COSName n : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(n) instanceof PDImageXObject image) {
                    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
                    ImageIO.write(image.getImage(), "png", png);
                    qr.add(QrImages.decode(png.toByteArray()));
                }
            }
            org.junit.jupiter.api.Assertions.assertAll(
                    () -> assertTrue(width > height, "A4 landscape: " + width + " × " + height),
                    () -> assertTrue(body > 0 && name >= 1.5f * body, "the holder's name (" + name
                            + " pt) larger than the body (" + body + " pt): " + words),
                    () -> assertFontsEmbedded(pdf),
                    () -> assertEquals(1, qr.size(), "one QR code"),
                    () -> assertTrue(qr.get(0).endsWith("/verify/" + code), "the QR code is the verify address: " + qr));
        }
    }

    /**
     * The paper sign-in sheet: "STT" whole in its column, rows of at least 10 mm to sign in (the distance between
     * consecutive row numbers), and no seal asked of the trainer, who has none.
     */
    private static void assertSignInSheetLeavesRoomToSign(Path file) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<Word> words = words(pdf, 1);
            List<Float> rows = words.stream().filter(w -> w.text().matches("\\d{1,3}") && w.x() < 100)
                    .map(Word::y).toList();
            String text = new PDFTextStripper().getText(pdf);
            float tenMm = 10 * 72 / 25.4f;
            org.junit.jupiter.api.Assertions.assertAll(
                    () -> assertTrue(words.stream().anyMatch(w -> w.text().equals("STT")), "STT in one piece: " + words),
                    () -> assertTrue(rows.size() >= 2, "several rows: " + rows),
                    () -> {
                        for (int i = 1; i < rows.size(); i++) {
                            assertTrue(rows.get(i) - rows.get(i - 1) >= tenMm, "row " + (i + 1) + " is "
                                    + (rows.get(i) - rows.get(i - 1)) * 25.4f / 72 + " mm below row " + i);
                        }
                    },
                    () -> assertFalse(text.toLowerCase().contains("dấu"), "no seal asked of the trainer: " + text),
                    () -> assertFontsEmbedded(pdf));
        }
    }

    /** A cadre's transcript as PDFBox reads it, white space made single spaces (table cells wrap their lines). */
    private String transcript(Http http, long cadreId) throws Exception {
        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.toString().replaceAll("/$", "")
                                + "/files/cadre/" + cadreId + "/transcript.pdf"))
                        .header("Cookie", http.cookieHeader()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Types a participant's score as a trainer would: cleared, then the text (none for an empty score). */
    private static void score(long enrollmentId, String text) {
        WebElement input = scoreInput(enrollmentId);
        browser.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private static WebElement scoreInput(long enrollmentId) {
        return browser.find("input.score-input[data-enrollment='" + enrollmentId + "']");
    }

    /** The outcome cell of a participant's row: its tag and reason. */
    private static String outcome(long enrollmentId) {
        return browser.text(".result-row[data-enrollment='" + enrollmentId + "'] .result-outcome").strip();
    }

    /** What the database holds for these enrollments, in their order: "score;outcome" each. */
    private static List<String> stored(Http http, long classId, long... enrollments) {
        Map<Long, String> held = new java.util.HashMap<>();
        http.get("/testing/scored-class?class=" + classId).body().strip().lines()
                .forEach(l -> held.put(Long.parseLong(l.substring(0, l.indexOf(';'))), l.substring(l.indexOf(';') + 1)));
        return java.util.Arrays.stream(enrollments).mapToObj(held::get).toList();
    }


    /** The class card of the course that ended last week (its results still open). */
    // ---- dialogs on a phone ------------------------------------------------------------------------------

    /**
     * Every dialog of the application, by the page that holds it: the role that opens it, the page, and its ids
     * (p:dialog ids; "confirm" for a page's global p:confirmDialog). The test counts the dialogs in webapp/ and
     * fails when one has no case here.
     */
    private record DialogPage(String role, String page, List<String> dialogs) {
    }

    @Test
    @DisabledIfSystemProperty(named = "it.layoutSweeps", matches = "false", disabledReason = LAYOUT_SWEEPS_ONCE)
    void everyDialogOfTheApplicationFitsA360PxPhone() throws Exception {
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("admin/units.xhtml", List.of("createDialog", "renameDialog", "closeDialog", "mergeDialog", "historyDialog",
                "issuerDialog"));
        cases.put("admin/references.xhtml", List.of("groupDialog", "providerDialog", "venueDialog", "trainerDialog"));
        cases.put("admin/accounts.xhtml", List.of("accountDialog", "issuedDialog", "confirm"));
        cases.put("admin/titles.xhtml", List.of("titleDialog"));
        cases.put("catalog/class.xhtml", List.of("sessionDialog", "planDialog", "cancelSessionDialog", "confirm"));
        cases.put("me/offer.xhtml", List.of("withdrawDialog"));
        cases.put("enrollment/requests.xhtml", List.of("declineDialog"));
        cases.put("enrollment/class.xhtml", List.of("declineDialog", "withdrawDialog"));
        cases.put("teach/session.xhtml", List.of("qrDialog"));
        cases.put("teach/class.xhtml", List.of("revokeDialog", "confirm"));
        cases.put("people/cadre.xhtml", List.of("positionDialog", "endDialog", "slipDialog", "commendationDialog", "confirm"));
        cases.put("people/import.xhtml", List.of("confirm"));
        cases.put("petitions/list.xhtml", List.of("recordDialog", "stepDialog"));
        cases.put("commendations/list.xhtml", List.of("tourDialog"));
        cases.put("reports/untrained.xhtml", List.of("confirm"));

        // the dialogs written in the pages: one without a case here fails the test
        Map<String, List<String>> written = new java.util.TreeMap<>();
        Path webapp = Path.of("webapp");
        try (var files = Files.walk(webapp)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".xhtml"))::iterator) {
                String xhtml = Files.readString(f);
                List<String> found = new java.util.ArrayList<>();
                Matcher m = Pattern.compile("<p:(dialog|confirmDialog)\\b([^>]*)>").matcher(xhtml);
                while (m.find()) {
                    Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(m.group(2));
                    found.add(m.group(1).equals("confirmDialog") ? "confirm" : id.find() ? id.group(1) : "(no id)");
                }
                if (!found.isEmpty()) {
                    written.put(webapp.relativize(f).toString().replace('\\', '/'), found);
                }
            }
        }
        Map<String, List<String>> listed = new java.util.TreeMap<>();
        cases.forEach((page, ids) -> listed.put(page, ids.stream().sorted().toList()));
        Map<String, List<String>> writtenSorted = new java.util.TreeMap<>();
        written.forEach((page, ids) -> writtenSorted.put(page, ids.stream().sorted().toList()));
        assertEquals(writtenSorted, listed, "every dialog in webapp/ has a case in this test");
        int total = written.values().stream().mapToInt(List::size).sum();

        // where each page is: the demo's classes of the trainer, a cadre of the ward, the demo cadre's class
        browser.size(Browser.DESKTOP);
        browser.signIn("giangvien", PASSWORD);
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card" + runningCard());
        String runningClass = browser.path().replaceAll(".*[?&]id=(\\d+).*", "$1");
        browser.clickAndWaitForPage("#sessions a.session-link");
        String session = browser.path().replaceAll(".*[?&]id=(\\d+).*", "$1");
        browser.open("/teach/classes.xhtml");
        browser.clickAndWaitForPage("a.offer-card" + closableCard());
        String closableClass = browser.path().replaceAll(".*[?&]id=(\\d+).*", "$1");
        browser.signOut();

        List<String> problems = new java.util.ArrayList<>();
        List<String> byWidget = new java.util.ArrayList<>();
        int opened = 0;
        record Visit(String role, String page, String address) {
        }
        List<Visit> visits = List.of(
                new Visit("admin", "admin/units.xhtml", "/admin/units.xhtml"),
                new Visit("admin", "admin/references.xhtml", "/admin/references.xhtml"),
                new Visit("admin", "admin/accounts.xhtml", "/admin/accounts.xhtml"),
                new Visit("admin", "admin/titles.xhtml", "/admin/titles.xhtml"),
                new Visit("admin", "catalog/class.xhtml", "/catalog/class.xhtml?id=" + runningClass),
                new Visit("giangvien", "teach/session.xhtml", "/teach/session.xhtml?id=" + session),
                new Visit("giangvien", "teach/class.xhtml", "/teach/class.xhtml?id=" + closableClass),
                new Visit("tinh", "commendations/list.xhtml", "/commendations/list.xhtml"),
                new Visit("xa.halong", "enrollment/requests.xhtml", "/enrollment/requests.xhtml"),
                new Visit("xa.halong", "enrollment/class.xhtml", "/enrollment/class.xhtml?id=" + runningClass),
                new Visit("xa.halong", "people/cadre.xhtml", null),
                new Visit("xa.halong", "people/import.xhtml", "/people/import.xhtml"),
                new Visit("xa.halong", "petitions/list.xhtml", "/petitions/list.xhtml"),
                new Visit("xa.halong", "reports/untrained.xhtml", "/reports/untrained.xhtml"),
                new Visit("canbo", "me/offer.xhtml", null));
        assertEquals(cases.keySet(), visits.stream().map(Visit::page).collect(java.util.stream.Collectors.toSet()));
        String signedIn = null;
        for (Visit v : visits) {
            if (!v.role().equals(signedIn)) {
                browser.signOut();
                browser.size(Browser.DESKTOP);
                browser.signIn(v.role(), PASSWORD);
                signedIn = v.role();
            }
            browser.size(Browser.PHONE);
            for (String dialog : cases.get(v.page())) {
                if (v.address() != null) {
                    browser.open(v.address());
                } else if (v.page().equals("people/cadre.xhtml")) {
                    browser.open("/people/roster.xhtml");
                    browser.type(Browser.id("roster:text"), "hoang van sinh");
                    browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);
                    browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
                } else {
                    // the demo cadre's own place in the class running today
                    browser.open("/me/classes.xhtml");
                    browser.clickAndWaitForPage("a[href*='/me/offer.xhtml']");
                }
                browser.waitForPageReady();
                String how = openDialog(dialog);
                if (how == null) {
                    problems.add(v.page() + " " + dialog + ": not found on the page");
                    continue;
                }
                if (how.equals("widget")) {
                    byWidget.add(v.page() + " " + dialog);
                }
                opened++;
                String outside = (String) browser.js(OUTSIDE_VIEWPORT, dialog);
                if (!outside.isEmpty()) {
                    browser.screenshot("dialog-" + v.page().replace('/', '-') + "-" + dialog);
                    problems.add(v.page() + " " + dialog + ": " + outside);
                }
                if (dialog.equals("qrDialog")) {
                    browser.screenshot("dialog-qr-phone");
                    Number side = (Number) browser.js("return document.getElementById('qr-image').getBoundingClientRect().width;");
                    assertTrue(side.doubleValue() >= 320, "the check-in code fills a 360-px phone's width: " + side);
                }
            }
        }
        System.out.println("dialogs opened at 360 px: " + opened + " of " + total + "; by their widget (no opener on the"
                + " demo's page): " + byWidget);
        assertTrue(problems.isEmpty(), "parts of dialogs outside a 360×780 window:\n" + String.join("\n", problems));
        assertEquals(total, opened);
    }

    /**
     * Opens a dialog as its page's user would: by the button whose click shows it (found in the handlers
     * PrimeFaces registers for the page), or the page's first button asking for a confirmation; when the demo's
     * page has no such button (a one-time password shown after an action), by its widget. Returns how.
     */
    private static String openDialog(String dialog) {
        String how = (String) browser.js(
                "var d = arguments[0];"
                + "var el = d === 'confirm' ? document.querySelector('.ui-confirm-dialog') : document.getElementById(d);"
                + "if (!el) { return null; }"
                + "var visible = function (b) { return b && b.offsetParent !== null && !b.disabled; };"
                + "var opener = null;"
                + "if (d === 'confirm') {"
                + "  opener = Array.from(document.querySelectorAll('[data-pfconfirmcommand]')).find(visible);"
                + "} else {"
                + "  var needle = \"PF('\" + d + \"').show()\";"
                + "  opener = Array.from(document.querySelectorAll('button, a, input')).find(function (b) {"
                + "    return visible(b) && (b.getAttribute('onclick') || '').indexOf(needle) >= 0; });"
                + "  if (!opener) {"
                + "    Array.from(document.scripts).some(function (s) {"
                + "      var re = /PrimeFaces\\.csp\\.register\\('([^']+)'/g, t = s.textContent, m, ids = [];"
                + "      while ((m = re.exec(t)) !== null) { ids.push([m.index, m[1]]); }"
                + "      for (var at = t.indexOf(needle); at >= 0; at = t.indexOf(needle, at + 1)) {"
                + "        var last = null; ids.forEach(function (x) { if (x[0] < at) { last = x[1]; } });"
                + "        var b = last && document.getElementById(last);"
                + "        if (visible(b)) { opener = b; return true; } }"
                + "      return false; });"
                + "  }"
                + "}"
                + "if (opener) { opener.scrollIntoView({block: 'center'}); opener.click(); return 'button'; }"
                + "var w = Object.values(PrimeFaces.widgets).find(function (x) { return x && x.jq && x.jq[0] === el; });"
                + "if (!w) { return null; }"
                + "w.show(); return 'widget';",
                dialog);
        if (how == null) {
            return null;
        }
        browser.waitForAjax();
        String shown = dialog.equals("confirm") ? ".ui-confirm-dialog" : "#" + dialog;
        browser.find(shown);
        // the dialog stands still (PrimeFaces positions it, a fade may run)
        browser.js("return new Promise(function (r) { setTimeout(r, 400); });");
        return how;
    }

    /** What of an open dialog lies outside the window: its box, title bar, buttons, fields, pictures, links. */
    private static final String OUTSIDE_VIEWPORT =
            "var d = arguments[0];"
            + "var el = d === 'confirm' ? Array.from(document.querySelectorAll('.ui-confirm-dialog')).find(function (c) {"
            + "  return c.offsetParent !== null || getComputedStyle(c).display !== 'none'; }) : document.getElementById(d);"
            + "var W = window.innerWidth, H = window.innerHeight, out = [];"
            + "var box = el.getBoundingClientRect();"
            + "var off = function (r) { return r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5; };"
            + "if (off(box)) { out.push('the dialog ' + JSON.stringify([Math.round(box.left), Math.round(box.top),"
            + "  Math.round(box.right), Math.round(box.bottom)])); }"
            + "el.querySelectorAll('.ui-dialog-titlebar, button, input:not([type=hidden]), textarea, select, img, a,"
            + "  .ui-selectonemenu, .ui-datepicker-trigger').forEach(function (c) {"
            + "  if (c.offsetParent === null || getComputedStyle(c).visibility === 'hidden') { return; }"
            + "  var cs = c.getBoundingClientRect(); if (cs.width === 0 || cs.height === 0) { return; }"
            + "  if (c.closest('.ui-helper-hidden-accessible')) { return; }"
            + "  c.scrollIntoView({block: 'nearest', inline: 'nearest'});"
            + "  var r = c.getBoundingClientRect();"
            + "  if (off(r)) { out.push((c.id || c.tagName.toLowerCase() + '.' + c.className.toString().split(' ')[0] + ' '"
            + "    + (c.textContent || c.value || '').trim().substring(0, 20)) + ' ' + JSON.stringify([Math.round(r.left),"
            + "    Math.round(r.top), Math.round(r.right), Math.round(r.bottom)])); }"
            + "});"
            + "return out.join('; ');";

    private static String closableCard() {
        return "[data-course='" + CLOSABLE + "']";
    }

    /** The demo's class running now. */
    private static String runningCard() {
        return "[data-course='Kỹ năng dân vận cơ bản']";
    }

    /** "…· 27/11/2026 07:30 – 11:30 ·…": within 30 minutes before the start and the end, in Vietnam's time. */
    private static boolean sessionIsOpenNow(String lead) {
        Matcher m = Pattern.compile("(\\d{2}/\\d{2}/\\d{4}) (\\d{2}:\\d{2}) – (\\d{2}:\\d{2})").matcher(lead);
        assertTrue(m.find(), lead);
        LocalDate day = LocalDate.parse(m.group(1), DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        LocalDateTime from = LocalDateTime.of(day, LocalTime.parse(m.group(2))).minusMinutes(30);
        LocalDateTime to = LocalDateTime.of(day, LocalTime.parse(m.group(3)));
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return !now.isBefore(from) && !now.isAfter(to);
    }
}
