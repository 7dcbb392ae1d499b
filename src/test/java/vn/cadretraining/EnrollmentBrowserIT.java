package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;
import vn.cadretraining.testing.Keyboard;
import vn.cadretraining.testing.Workbooks;

/**
 * Enrollment as its users meet it, on the demo's open class for everyone in Phường Hạ Long ("Kỹ năng số"):
 * a cadre on a phone finds it typed without diacritics and asks for a place; the coordinator approves; the
 * cadre finds the decision in the inbox; the coordinator nominates in bulk and takes the list as a
 * spreadsheet and a PDF.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrollmentBrowserIT extends BrowserTestBase {

    @Test
    void aCadreOnAPhoneAsksForAPlaceTheCoordinatorApprovesAndTheCadreIsTold() {
        browser.size(Browser.PHONE);
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/catalog.xhtml");
        browser.type(Browser.id("catalog:text"), "ky nang so");
        browser.waitForText(Browser.id("catalog:results"), "Kỹ năng số");
        assertFalse(browser.overflowsHorizontally(), "the catalog fits a 360-px phone");
        browser.screenshot("my-catalog-phone");
        browser.clickAndWaitForPage(".offer-card");
        String offer = browser.path();
        assertTrue(offer.startsWith("/me/offer.xhtml?id="), offer);
        assertTrue(browser.text("#schedule").contains("07:30"), "the schedule is shown");
        browser.click(Browser.id("offer:ask"));
        browser.waitForText(Browser.id("offer:mine"), "Chờ duyệt");
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("offer-asked-phone");
        // the catalog says where the cadre stands in the class, not "places left" or "join the waitlist"
        assertEquals(Bundle.text(Bundle.VIETNAMESE, "myCatalog.mine.REQUESTED"), standingInCatalog("ky nang so"));
        browser.open("/index.xhtml");
        assertTrue(browser.text("#home-waiting").contains(Bundle.text(Bundle.VIETNAMESE, "home.cadre.status.REQUESTED")),
                "and so does the home page: " + browser.text("#home-waiting"));
        browser.signOut();

        browser.size(Browser.DESKTOP);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/enrollment/requests.xhtml");
        browser.waitForText(Browser.id("requests:table"), DemoProvince.DEMO_CADRE_NAME);
        browser.js("for (var r of document.querySelectorAll('#requests\\\\:table tbody tr')) {"
                + " if (r.textContent.indexOf(arguments[0]) >= 0) { r.querySelector('button[id$=approve]').click(); break; } }",
                DemoProvince.DEMO_CADRE_NAME);
        browser.waitForText(".ui-messages", "Đã duyệt");
        browser.signOut();

        browser.size(Browser.PHONE);
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        assertTrue(browser.exists("#inbox-link .inbox-badge"), "an unread count in the top bar");
        browser.clickAndWaitForPage("#inbox-link");
        assertTrue(browser.text(Browser.id("inbox:list")).contains("Bạn đã có chỗ trong lớp Kỹ năng số"),
                browser.text(Browser.id("inbox:list")));
        browser.screenshot("inbox-phone");
        browser.open(offer);
        browser.waitForText(Browser.id("offer:mine"), "Đã có chỗ");
        assertEquals(Bundle.text(Bundle.VIETNAMESE, "myCatalog.mine.ENROLLED"), standingInCatalog("ky nang so"));
    }

    /**
     * The coordinator on a 360-px phone opens a briefing of their ward, previews the invitations of the hamlets'
     * title holders (by title), sends them, and downloads the minutes, read back with their diacritics.
     */
    @Test
    void aCoordinatorOnAPhoneInvitesTheHamletsTitleHoldersToABriefingAndDownloadsItsMinutes() throws Exception {
        String id = new vn.cadretraining.testing.Http(base).post("/testing/upcoming-briefing", java.util.Map.of())
                .body().strip();
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/catalog/class.xhtml?id=" + id);
        browser.clickAndWaitForPage(Browser.id("cls:briefingLink"));
        assertTrue(browser.path().startsWith("/catalog/briefing.xhtml?id=" + id), browser.path());
        browser.click(Browser.id("invite:previewInvitations"));
        browser.waitForText("#preview-summary", "sẽ được mời");
        assertTrue(browser.text("#byTitle").contains("Bí thư chi bộ"), browser.text("#byTitle"));
        assertFalse(browser.overflowsHorizontally(), "the preview fits a 360-px phone");
        browser.screenshot("briefing-preview-phone");
        String toInvite = browser.text("#preview-summary strong");
        browser.click(Browser.id("invite:sendInvitations"));
        browser.waitForText(".ui-messages", "Đã mời " + toInvite + " người");
        assertTrue(browser.text("#shareTotal").contains("0 / " + toInvite), browser.text("#shareTotal"));
        browser.screenshot("briefing-invited-phone");

        Path pdf = browser.download(Browser.id("minutes"), ".pdf");
        String text = vn.cadretraining.testing.Pdfs.text(Files.readAllBytes(pdf));
        assertTrue(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && text.contains("BIÊN BẢN"), text);
        assertTrue(text.contains("mời " + toInvite + " đồng chí"), text);
        assertTrue(text.contains("Thông tin tình hình kinh tế - xã hội quý"), text);
    }

    /** The standing shown on the catalog card of the one class found by this search. */
    private static String standingInCatalog(String search) {
        browser.open("/me/catalog.xhtml");
        browser.type(Browser.id("catalog:text"), search);
        browser.waitForText(Browser.id("catalog:results"), "Kỹ năng số");
        browser.find(".offer-places[data-mine]");
        return browser.text(".offer-places");
    }

    @Test
    void aClassBeingPreparedSaysWhyNoOneCanBeNominatedYet() {
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/catalog/classes.xhtml");
        browser.choose("classes:status", Bundle.text(Bundle.VIETNAMESE, "ClassStatus.DRAFT"));
        browser.waitForText(Browser.id("classes:table"), "Phường Hạ Long");
        // the demo's class being prepared in the coordinator's ward
        String href = (String) browser.js("for (var r of document.querySelectorAll('#classes\\\\:table tbody tr')) {"
                + " if (r.textContent.indexOf('Phường Hạ Long') >= 0) return r.querySelector('a.class-link').href; }");
        String id = href.substring(href.indexOf("id=") + 3);
        browser.signOut();

        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/enrollment/class.xhtml?id=" + id);
        assertFalse(browser.exists(Browser.id("nominate")), "no nomination while the class is prepared");
        String why = browser.text("#nominate-closed");
        String expected = Bundle.text(Bundle.VIETNAMESE, "classEnrollment.closed.DRAFT");
        assertTrue(why.contains(expected.substring(0, expected.indexOf('.'))), why);
        browser.screenshot("nominate-draft");
    }

    @Test
    void aCoordinatorNominatesInBulkAfterAPreviewAndDownloadsTheList() throws Exception {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/catalog.xhtml");
        browser.clickAndWaitForPage(".offer-card");
        String classId = browser.path().substring(browser.path().indexOf("id=") + 3);
        browser.signOut();

        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/enrollment/class.xhtml?id=" + classId);
        String before = browser.text("#count-enrolled");
        // a narrow filter: the other journey needs a place left in this class
        browser.type(Browser.id("nominate:unit_input"), "khu pho 2");
        browser.pick("li.ui-autocomplete-item[data-item-label='Khu phố 2 — Phường Hạ Long']");
        browser.choose("nominate:title", "Chi hội trưởng chi hội phụ nữ");
        browser.click(Browser.id("nominate:preview"));
        browser.waitForText("#preview-summary", "người có thể cử");
        browser.screenshot("nominate-preview");
        browser.click(Browser.id("nominate:confirmNominate"));
        browser.waitForText(".ui-messages", "Đã cử");
        assertFalse(before.equals(browser.text("#count-enrolled")), "places were taken: " + before);

        Path xlsx = browser.download(Browser.id("roster:exportXlsx"), ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().startsWith("Kỹ năng số"));
            Row head = sheet.getRow(3);
            assertEquals("Họ và tên", head.getCell(1).getStringCellValue());
            assertTrue(sheet.getLastRowNum() > 4, "the participants are listed");
            // numbers and dates typed as such, the header frozen and printed on every A4 landscape page
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Workbooks.assertNumber(sheet.getRow(r).getCell(0), r - 3, "STT");
                Workbooks.assertDate(sheet.getRow(r).getCell(3), "the birth date");
            }
            Workbooks.assertFramedAndPrinted(sheet, 3, 3);
            assertEquals("Danh sách", sheet.getSheetName());
        }
        Path pdf = browser.download(Browser.id("roster:exportPdf"), ".pdf");
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        // the organising unit is a Party organ: the Party's heading (Hướng dẫn 36-HD/VPTW), not the national motto
        assertTrue(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "the Party's name, with its diacritics: " + text);
        assertFalse(text.contains("Độc lập - Tự do - Hạnh phúc"), text);
        vn.cadretraining.testing.Pdfs.assertFontsEmbedded(Files.readAllBytes(pdf), "the class list");
        assertTrue(text.contains("DANH SÁCH HỌC VIÊN"));
        assertTrue(text.contains("Kỹ năng số"));
    }

    @Test
    void aCoordinatorNominatesWithTheKeyboardAlone() {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/catalog.xhtml");
        String href = browser.find(".offer-card").getAttribute("href");
        String classId = href.substring(href.indexOf("id=") + 3).replaceAll("[^0-9].*", "");
        browser.driver().manage().deleteAllCookies();

        Keyboard keys = new Keyboard(browser);
        browser.open("/login.xhtml");
        keys.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/enrollment/class.xhtml?id=" + classId);
        String before = browser.text("#count-enrolled");
        // the unit: typed, its suggestion chosen with the arrows and Enter
        keys.tabTo(Browser.id("nominate:unit_input"), 200, false);
        keys.press("khu pho 2");
        String hamlet = "Khu phố 2 — Phường Hạ Long";
        browser.find("li.ui-autocomplete-item[data-item-label='" + hamlet + "']");
        for (int i = 0; i < 10 && !browser.exists("li.ui-autocomplete-item.ui-state-highlight[data-item-label='" + hamlet + "']"); i++) {
            keys.press(Keys.ARROW_DOWN);
        }
        keys.press(Keys.ENTER);
        browser.waitForAjax();
        assertEquals(hamlet, browser.find(Browser.id("nominate:unit_input")).getAttribute("value"));
        // the title: the closed menu steps through its options with the arrows
        // on to the title menu (its focusable part is the label, a combobox)
        keys.tabTo("[id='nominate:title_label'], [id='nominate:title_focus']", 60, false);
        // another title than the other journey's, which nominates the Women's Union heads of the same quarter
        String title = "Chi hội trưởng chi hội cựu chiến binh";
        for (int i = 0; i < 20 && !title.equals(browser.text(Browser.id("nominate:title_label"))); i++) {
            keys.press(Keys.ARROW_DOWN);
        }
        assertEquals(title, browser.text(Browser.id("nominate:title_label")));
        keys.tabTo(Browser.id("nominate:preview"), 6, false);
        keys.press(Keys.ENTER);
        browser.waitForText("#preview-summary", "người có thể cử");
        keys.tabTo(Browser.id("nominate:confirmNominate"), 40, false);
        keys.press(Keys.ENTER);
        browser.waitForText(".ui-messages", "Đã cử");
        assertFalse(before.equals(browser.text("#count-enrolled")), "places were taken: " + before);
    }
}
