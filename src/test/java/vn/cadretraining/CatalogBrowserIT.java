package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;

/**
 * The catalog as its users meet it: an administrator prepares the reference lists, the trainer plans a course, a
 * class and its sessions, a coordinator reads the class without changing it; cadres never see these pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogBrowserIT extends BrowserTestBase {

    /**
     * One journey, in the order the work is done: the administrator adds a provider, a venue and a guest
     * trainer (the giangvien account already has its trainer record in the demo, so it is not offered again:
     * one account, one trainer); then the trainer plans a class.
     */
    @Test
    void anAdministratorPreparesTheListsThenTheTrainerPlansACourseAClassAndItsSessions() {
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        String provider = "Trường Chính trị tỉnh " + suffix;
        String venue = "Hội trường phường Hạ Long " + suffix;

        // the administrator: a provider, a venue, and a trainer record linked to the giangvien account
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/references.xhtml");
        tab("providersTab");
        browser.click(Browser.id("tabs:providers:create"));
        browser.type(Browser.id("providerForm:nameVi"), provider);
        browser.type(Browser.id("providerForm:nameEn"), "Provincial Political School " + suffix);
        browser.click(Browser.id("providerForm:save"));
        browser.waitForText(Browser.id("tabs:providers:table"), provider);

        tab("venuesTab");
        browser.click(Browser.id("tabs:venues:create"));
        browser.type(Browser.id("venueForm:name"), venue);
        browser.type(Browser.id("venueForm:unit_input"), "ha long");
        browser.pick("li.ui-autocomplete-item[data-item-label='Phường Hạ Long']");
        browser.type(Browser.id("venueForm:capacity_input"), "120");
        browser.click(Browser.id("venueForm:save"));
        browser.waitForText(Browser.id("tabs:venues:table"), venue);

        tab("trainersTab");
        browser.click(Browser.id("tabs:trainers:create"));
        String guest = "Đỗ Văn Khách " + suffix;
        browser.type(Browser.id("trainerForm:fullName"), guest);
        browser.type(Browser.id("trainerForm:affiliation"), "Giảng viên thỉnh giảng");
        browser.choose("trainerForm:provider", provider);
        browser.type(Browser.id("trainerForm:account_input"), "giang");
        pause(1200); // the autocomplete waits before it asks
        browser.waitForAjax();
        assertFalse(browser.exists("li.ui-autocomplete-item[data-item-label='giangvien']"),
                "an account already linked to a trainer is not offered again");
        browser.type(Browser.id("trainerForm:account_input"), "");
        browser.click(Browser.id("trainerForm:save"));
        browser.waitForText(Browser.id("tabs:trainers:table"), guest);
        browser.screenshot("references-trainers");
        browser.signOut();

        // the trainer: a course with a target title and its completion rule
        browser.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        browser.open("/catalog/courses.xhtml");
        browser.clickAndWaitForPage(Browser.id("courses:create") + " a");
        String code = "DV-" + suffix;
        browser.type(Browser.id("course:code"), code.toLowerCase());
        browser.type(Browser.id("course:titleVi"), "Kỹ năng dân vận khéo " + suffix);
        browser.type(Browser.id("course:titleEn"), "Skilful mass mobilization " + suffix);
        browser.choose("course:group", "Kỹ năng dân vận");
        browser.type(Browser.id("course:hours_input"), "16");
        browser.click(Browser.id("course:titles"));
        browser.driver().findElement(By.xpath("//div[@id='course:titles_panel']//li[label='Bí thư chi bộ']"
                + "//div[contains(@class,'ui-chkbox-box')]")).click();
        browser.js("PF('widget_course_titles') && PF('widget_course_titles').hide()");
        browser.click(Browser.id("course:hasAssessment") + " .ui-chkbox-box");
        browser.waitForAjax();
        browser.type(Browser.id("course:passMark_input"), "5");
        browser.click(Browser.id("course:forever") + " .ui-chkbox-box");
        browser.waitForAjax();
        browser.type(Browser.id("course:years_input"), "5");
        browser.clickAndWaitForPage(Browser.id("course:save"));
        assertTrue(browser.pageText().contains("Đã thêm khoá học " + code), browser.pageText());
        assertTrue(browser.text(Browser.id("course:titles")).contains("Bí thư chi bộ"), "the target title is kept");
        assertEquals("80%", browser.find(Browser.id("course:attendance_input")).getAttribute("value"), "80% by default");
        assertEquals("5", browser.find(Browser.id("course:years_input")).getAttribute("value"));

        // a class for Phường Hạ Long, Monday to Wednesday, some months ahead: the demo's own classes keep this
        // trainer busy on days of the coming weeks, and the double-booking rule would refuse them
        LocalDate monday = VietnamTime.today().plusDays(150).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        browser.clickAndWaitForPage(Browser.id("course:newClass") + " a");
        assertTrue(browser.find(Browser.id("cls:code")).getAttribute("value").startsWith(code + "-"), "a code is suggested");
        browser.type(Browser.id("cls:unit_input"), "ha long");
        browser.pick("li.ui-autocomplete-item[data-item-label='Phường Hạ Long']");
        browser.choose("cls:provider", provider);
        browser.type(Browser.id("cls:capacity_input"), "30");
        browser.type(Browser.id("cls:startDate_input"), VietnamTime.DATE.format(monday));
        browser.type(Browser.id("cls:endDate_input"), VietnamTime.DATE.format(monday.plusDays(2)));
        browser.type(Browser.id("cls:venue_input"), "hoi truong phuong ha long " + suffix);
        browser.pick("li.ui-autocomplete-item[data-item-label='" + venue + "']");
        browser.clickAndWaitForPage(Browser.id("cls:save"));
        assertTrue(browser.pageText().contains("Đã mở lớp " + code + "-" + monday.getYear() + "-01"), browser.pageText());
        assertTrue(browser.text(Browser.id("cls:trainers")).contains("Lê Minh Tuấn"), "the trainer runs the class");
        String classPath = browser.path();

        // its sessions: every morning and afternoon of the three days
        browser.click(Browser.id("sessions:generate"));
        assertEquals(VietnamTime.DATE.format(monday), browser.find(Browser.id("planForm:from_input")).getAttribute("value"));
        assertEquals("07:30", browser.find(Browser.id("planForm:morningStart_input")).getAttribute("value"));
        assertEquals("17:00", browser.find(Browser.id("planForm:afternoonEnd_input")).getAttribute("value"));
        browser.click(Browser.id("planForm:generate"));
        browser.waitForText(".ui-messages", "Đã tạo 6 buổi học");
        assertEquals(6, browser.all(Browser.id("sessions:table") + " tbody tr").size());
        assertTrue(browser.text(Browser.id("sessions:table")).contains("13:30–17:00"));

        browser.click(Browser.id("sessions:table:1:edit"));
        browser.type(Browser.id("sessionForm:topic"), "Dân vận khéo ở khu dân cư");
        browser.click(Browser.id("sessionForm:save"));
        browser.waitForText(Browser.id("sessions:table"), "Dân vận khéo ở khu dân cư");
        browser.screenshot("class-sessions");
        browser.size(Browser.PHONE);
        browser.open(classPath);
        assertFalse(browser.overflowsHorizontally(), "the class fits a 360-px phone");
        browser.screenshot("class-phone");

        // the class is among "my classes"
        browser.size(Browser.DESKTOP);
        browser.open("/catalog/classes.xhtml");
        assertTrue(browser.driver().findElement(By.id("classes:mine_input")).isSelected(), "a trainer starts on my classes");
        browser.waitForText(Browser.id("classes:table"), code + "-" + monday.getYear() + "-01");
        browser.screenshot("classes-mine");
        browser.signOut();

        // a coordinator of the ward reads the class but changes nothing
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open(classPath);
        assertTrue(browser.text(Browser.id("sessions:table")).contains("Dân vận khéo ở khu dân cư"));
        assertFalse(browser.exists(Browser.id("cls:save")), "no save button");
        assertFalse(browser.exists(Browser.id("sessions:generate")), "no generator");
        assertFalse(browser.find(Browser.id("cls:capacity_input")).isEnabled(), "fields are read-only");
    }

    @Test
    void theClassListFitsAPhoneAndACadreSeesNoCatalogPage() {
        browser.size(Browser.PHONE);
        browser.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        browser.open("/catalog/classes.xhtml");
        browser.find(Browser.id("classes:table"));
        assertFalse(browser.exists(Browser.id("classes:create")), "a province reviewer plans no class");
        assertFalse(browser.overflowsHorizontally(), "the class list fits a 360-px phone");
        browser.screenshot("classes-phone");
        browser.open("/catalog/courses.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the course list fits a 360-px phone");
        browser.signOut();

        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/catalog/classes.xhtml");
        assertTrue(browser.exists("#error-403"), "a cadre has no class administration");
        browser.open("/admin/references.xhtml");
        assertTrue(browser.exists("#error-403"));
        assertFalse(browser.exists("#menu-classes"), "nor a menu entry for it");
    }

    private void tab(String tabId) {
        browser.click("a[href='#tabs:" + tabId + "']");
        browser.find(Browser.id("tabs:" + tabId));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
