package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
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
        browser.click(Browser.id("results:close"));
        browser.click(".ui-confirmdialog-yes");
        browser.waitForText(Browser.id("certs:table"), "QN-");
        assertTrue(browser.pageText().contains("Đã khóa kết quả"), browser.pageText());
        assertFalse(browser.exists(Browser.id("results:close")), "closed once, no second closing");
        browser.screenshot("teach-class-closed");

        // the cadre on a phone: the certificate is on their record, and it is a real PDF with their name
        browser.signOut();
        browser.size(Browser.PHONE);
        browser.signIn("canbo", PASSWORD);
        browser.open("/me/record.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the record fits a 360-px phone");
        browser.screenshot("my-record-phone");
        // folded under each class (a closed <details>): read without opening it
        String marked = browser.all("li.mark-line").get(0).getAttribute("textContent");
        assertTrue(marked.replaceAll("\\s+", " ").contains("ghi bởi demo lúc "), "who marked each session, and when: " + marked);
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
        // the grid: everyone present, the first person excused instead, saved
        browser.click(Browser.id("grid:allPresent"));
        browser.waitForAjax();
        String first = browser.text(".attendance-row .attendance-name strong");
        browser.click(".attendance-row:first-child .status-pills li:nth-child(3) label");
        browser.type(".attendance-row:first-child .note-input", "Họp tổ dân phố");
        browser.click(Browser.id("grid:save"));
        browser.waitForText("#messages", "Đã lưu điểm danh");
        browser.open(browser.path());
        assertTrue(browser.driver().findElement(By.cssSelector(".attendance-row:first-child .status-pills li:nth-child(3) input"))
                .isSelected(),
                first + " is recorded as excused");
        assertEquals("Họp tổ dân phố", browser.find(".attendance-row:first-child .note-input").getAttribute("value"));
        browser.screenshot("teach-session-grid");
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
        browser.waitForText("#messages", "Đã lưu điểm danh");
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
        for (int i = 0; i < 4; i++) {
            String[] line = seeded.get(i + 1).split(";");
            e[i] = Long.parseLong(line[0]);
            names[i] = line[1];
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
        browser.waitForText("#messages", "cấp 1 giấy chứng nhận");
        browser.waitForText(Browser.id("certs:table"), names[0]);
        browser.screenshot("teach-scores-closed");
        assertTrue(outcome(e[0]).startsWith("Hoàn thành"), outcome(e[0]));
        assertTrue(outcome(e[1]).contains("Chưa có điểm đánh giá"), outcome(e[1]));
        assertTrue(outcome(e[2]).contains("Điểm đánh giá chưa đạt"), outcome(e[2]));
        assertTrue(outcome(e[3]).contains("Tham dự chưa đủ số buổi"), outcome(e[3]));
        assertEquals(List.of("7.5;COMPLETED", ";NOT_COMPLETED", "4.5;NOT_COMPLETED", "9;NOT_COMPLETED"),
                stored(http, classId, e));
        assertFalse(scoreInput(e[0]).isEnabled(), "scores are a record once closed");
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

    /** What the database holds for these enrolments, in their order: "score;outcome" each. */
    private static List<String> stored(Http http, long classId, long... enrollments) {
        Map<Long, String> held = new java.util.HashMap<>();
        http.get("/testing/scored-class?class=" + classId).body().strip().lines()
                .forEach(l -> held.put(Long.parseLong(l.substring(0, l.indexOf(';'))), l.substring(l.indexOf(';') + 1)));
        return java.util.Arrays.stream(enrollments).mapToObj(held::get).toList();
    }


    /** The class card of the course that ended last week (its results still open). */
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
