package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;

/** The roster, a cadre's record, a cadre's own profile and the units tree, as their users meet them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeopleBrowserIT extends BrowserTestBase {

    @Test
    void aCoordinatorFindsACadreTypedWithoutDiacriticsOnAPhone() {
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "hoang van sinh");
        browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);
        assertFalse(browser.overflowsHorizontally(), "the roster fits a 360-px phone");
        // on a phone the table offers its sorting as a list, which must speak Vietnamese too
        String sortChoice = browser.find(Browser.id("roster:table_reflowDD") + " option:checked")
                .getAttribute("textContent");
        assertTrue(sortChoice.contains("tăng dần") || sortChoice.contains("giảm dần"), sortChoice);
        browser.screenshot("roster-search-phone");
        browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
        assertTrue(browser.path().startsWith("/people/cadre.xhtml?id="));
        assertEquals(DemoProvince.DEMO_CADRE_NAME, browser.text(".page-title"));
        assertFalse(browser.overflowsHorizontally(), "the record fits a 360-px phone");
        browser.screenshot("cadre-phone");
    }

    @Test
    void aCadresPageOpensOnTheRecordWithEditingOneClickAway() {
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.size(Browser.PHONE);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "hoang van sinh");
        browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);
        browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
        // the record first: the facts, the titles and the classes with their certificates, no form in the way
        assertTrue(browser.text("#summary-code").length() > 0);
        Object layout = browser.js("var top = function (css) { var e = document.querySelector(css);"
                + " return e ? Math.round(e.getBoundingClientRect().top + window.scrollY) : -1; };"
                + "var fields = Array.from(document.querySelectorAll('#content input:not([type=hidden]), #content textarea'))"
                + "  .filter(function (e) { return e.offsetParent !== null && !e.closest('#account'); }).length;"
                + "return [top('#positions'), top('#cadre-record'), fields];");
        List<?> at = (List<?>) layout;
        browser.screenshot("cadre-record-phone");
        assertEquals(0L, at.get(2), "no field to edit before the person asks: " + at);
        assertTrue(((Number) at.get(0)).longValue() < 780, "the titles begin on the first screen of a phone: " + at);
        assertTrue(((Number) at.get(1)).longValue() < 2 * 780, "the classes follow on the next: " + at);
        // editing is one click away
        browser.click(Browser.id("cadre:editDetails") + " .ui-fieldset-legend");
        assertEquals(DemoProvince.DEMO_CADRE_NAME, browser.find(Browser.id("cadre:fullName")).getAttribute("value"));
        browser.screenshot("cadre-edit-phone");
    }

    @Test
    void aCoordinatorAddsACadreWithATitleAndAnAccountWhichTheCadreThenUses() {
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/cadre.xhtml");
        String code = "IT" + (System.nanoTime() % 10_000_000);
        browser.type(Browser.id("cadre:code"), code);
        browser.type(Browser.id("cadre:fullName"), "Triệu Thị Mẩy");
        browser.click("label[for='cadre:gender:1']");
        browser.type(Browser.id("cadre:birthDate_input"), "19/05/1985");
        browser.type(Browser.id("cadre:phone"), "0912 000 111");
        browser.type(Browser.id("cadre:unit_input"), "khu pho 2");
        browser.pick("li.ui-autocomplete-item[data-item-label='Khu phố 2 — Phường Hạ Long']");
        browser.clickAndWaitForPage(Browser.id("cadre:save"));
        assertTrue(browser.pageText().contains("Đã thêm cán bộ Triệu Thị Mẩy"), browser.pageText());
        assertEquals("Triệu Thị Mẩy", browser.text(".page-title"));
        assertEquals("19/05/1985", browser.text("#summary-birthDate"), "back on the record, the details as facts");

        browser.click(Browser.id("positions:addPosition"));
        browser.choose("positionForm:title", "Bí thư chi bộ");
        browser.type(Browser.id("positionForm:term"), "2025–2030");
        browser.click(Browser.id("positionForm:savePosition"));
        browser.waitForText(Browser.id("positions:positionTable"), "Bí thư chi bộ");

        browser.click(Browser.id("account:giveAccount"));
        browser.waitForText("#slip-username", code.toLowerCase());
        String temporary = browser.text("#slip-password");
        browser.screenshot("cadre-account-slip");
        browser.click(Browser.id("slipForm:slipDone"));
        browser.waitForText("#account-username", code.toLowerCase());
        browser.signOut();

        browser.signIn(code.toLowerCase(), temporary);
        assertEquals("/account/password.xhtml", browser.path(), "the one-time password must be replaced first");
        browser.type(Browser.id("password:current"), temporary);
        browser.type(Browser.id("password:chosen"), "Bản Sen 2026 xanh");
        browser.type(Browser.id("password:repeated"), "Bản Sen 2026 xanh");
        browser.clickAndWaitForPage(Browser.id("password:save"));
        browser.size(Browser.PHONE);
        // a new cadre has nothing yet: the home page says so once, and leads to the open classes
        assertEquals("/index.xhtml", browser.path());
        assertTrue(browser.exists("#home-empty"), "the empty state of a cadre with no class");
        assertFalse(browser.exists("#home-next"), "and nothing else pretends to be there");
        assertEquals(Bundle.text(Bundle.VIETNAMESE, "home.cadre.toCatalog"), browser.text("#home-empty a"));
        assertTrue(browser.find("#home-empty a").getAttribute("href").endsWith("/me/catalog.xhtml"));
        browser.screenshot("home-cadre-empty-phone");
        browser.open("/me/profile.xhtml");
        assertEquals("Triệu Thị Mẩy", browser.text("#profile-name"));
        assertTrue(browser.text("#profile-positions").contains("Bí thư chi bộ"));
        assertEquals("Khu phố 2 — Phường Hạ Long", browser.text("#profile-unit"));
        browser.type(Browser.id("phone:phoneInput"), "0987 111 222");
        browser.click(Browser.id("phone:savePhone"));
        browser.waitForText(".ui-messages", "Đã lưu số điện thoại");
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("profile-phone");
        browser.open("/people/roster.xhtml");
        assertTrue(browser.exists("#error-403"), "a cadre has no roster");
    }

    @Test
    void aCoordinatorCommendsACadreOnAPhoneAndTheCadreSeesItOnTheirRecord() {
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "hoang van sinh");
        browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);
        browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
        browser.click(Browser.id("commendations:addCommendation"));
        browser.find(Browser.id("commendationForm:decisionNumber"));
        browser.waitForAjax();
        List<?> box = (List<?>) browser.js("var r = document.getElementById('commendationDialog')"
                + ".getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right), window.innerWidth];");
        assertTrue(((Number) box.get(0)).longValue() >= 0
                && ((Number) box.get(1)).longValue() <= ((Number) box.get(2)).longValue(),
                "the dialog fits a 360-px phone: " + box);
        // no decision number: refused in Vietnamese, and the dialog stays open with what was typed
        browser.type(Browser.id("commendationForm:reason"), "Vận động nhân dân hiến đất làm đường liên thôn");
        browser.click(Browser.id("commendationForm:saveCommendation"));
        browser.waitForText(Browser.id("commendationForm"), "Hãy nhập số quyết định khen thưởng.");
        browser.screenshot("commendation-dialog-phone");

        String number = (System.nanoTime() % 100_000) + "-QĐ/BDVTU";
        browser.type(Browser.id("commendationForm:decisionNumber"), number);
        browser.click("label[for='commendationForm:level:1']");
        browser.choose("commendationForm:form", "Bằng khen");
        browser.clickAndWaitForPage(Browser.id("commendationForm:saveCommendation"));
        browser.waitForText("#cadre-commendations", number);
        assertTrue(browser.pageText().contains("Đã ghi khen thưởng theo quyết định số " + number), browser.pageText());
        browser.signOut();

        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/record.xhtml");
        assertEquals("Khen thưởng", browser.text("#my-commendations .section-title"));
        String mine = browser.text("#record-commendations");
        assertTrue(mine.contains("Bằng khen — Ban Dân vận Tỉnh ủy Quảng Ninh"), mine);
        assertTrue(mine.contains("Quyết định số " + number), mine);
        assertTrue(mine.contains("Vận động nhân dân hiến đất làm đường liên thôn"), mine);
        assertFalse(browser.overflowsHorizontally(), "the record fits a 360-px phone");
        browser.screenshot("record-commendations-phone");
    }

    /**
     * On a phone: the coordinator reads the commune's commendations by hamlet, commends a candidate the records
     * propose (the form opens prefilled with the reasons) and sets another aside for the year; the province types a
     * study tour's cost the Vietnamese way, is told of a cost it cannot read without anything changed, and clears it.
     */
    @Test
    void aCoordinatorDecidesCandidatesAndTheProvinceCostsAStudyTourOnAPhone() {
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/commendations/list.xhtml");
        String lastYear = String.valueOf(java.time.LocalDate.now().getYear() - 1);
        browser.choose("commendations:year", lastYear);
        browser.waitForText("#commendation-counts .section-title", lastYear);
        assertTrue(browser.text("#commendation-counts .section-title").contains("Phường Hạ Long"), "the ward's hamlets");
        assertTrue(browser.all("tr.count-row").size() > 1, "one row per hamlet");
        assertFalse(browser.overflowsHorizontally(), "the counts and candidates fit a 360-px phone");
        browser.screenshot("commendations-phone");

        List<org.openqa.selenium.WebElement> rows = browser.all("tr.candidate-row");
        assertTrue(rows.size() >= 2, "the demo ward has candidates");
        String candidate = browser.text("tr.candidate-row .candidate-name");
        String reasons = browser.text("tr.candidate-row td:nth-child(2)");
        browser.clickAndWaitForPage(Browser.id("commendations:candidates:0:commend"));
        assertTrue(browser.path().startsWith("/people/cadre.xhtml"), browser.path());
        browser.find(Browser.id("commendationForm:decisionNumber"));
        String reason = browser.find(Browser.id("commendationForm:reason")).getAttribute("value");
        assertTrue(reason.contains(lastYear) && (reason.contains("kiến nghị") || reason.contains("lớp bồi dưỡng")),
                "prefilled with the records' reasons (" + reasons + "): " + reason);
        assertTrue((Boolean) browser.js("var r = document.getElementById('commendationDialog').getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;"), "open, and fits the phone");
        String number = (System.nanoTime() % 100_000) + "-QĐ/ĐU";
        browser.type(Browser.id("commendationForm:decisionNumber"), number);
        browser.clickAndWaitForPage(Browser.id("commendationForm:saveCommendation"));
        browser.waitForText("#cadre-commendations", number);
        assertTrue(browser.text("#cadre-commendations").contains(reason), browser.text("#cadre-commendations"));

        browser.open("/commendations/list.xhtml");
        browser.choose("commendations:year", lastYear);
        browser.waitForText("#commendation-counts .section-title", lastYear);
        assertFalse(browser.all("tr.candidate-row .candidate-name").stream().anyMatch(e -> e.getText().equals(candidate)),
                "commended: no longer proposed");
        String next = browser.text("tr.candidate-row .candidate-name");
        browser.click(Browser.id("commendations:candidates:0:defer"));
        browser.waitForText(".ui-messages", "Đã để lại đề xuất khen thưởng " + next + " năm " + lastYear);
        assertFalse(browser.all("tr.candidate-row .candidate-name").stream().anyMatch(e -> e.getText().equals(next)),
                "not now: hidden for the year");
        browser.signOut();

        browser.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        browser.open("/commendations/list.xhtml");
        browser.click(Browser.id("tours:tourTable:0:editTour"));
        browser.find(Browser.id("tourForm:destination"));
        browser.waitForAjax();
        browser.type(Browser.id("tourForm:destination"), "Xã Đường Lâm, Hà Nội");
        browser.type(Browser.id("tourForm:cost"), "12.500.000");
        browser.click(Browser.id("tourForm:saveTour"));
        browser.waitForText("#study-tours", "12.500.000 ₫");
        assertTrue(browser.text("#study-tours").contains("Xã Đường Lâm, Hà Nội"), browser.text("#study-tours"));

        browser.click(Browser.id("tours:tourTable:0:editTour"));
        browser.find(Browser.id("tourForm:cost"));
        browser.waitForAjax();
        assertEquals("12.500.000", browser.find(Browser.id("tourForm:cost")).getAttribute("value"), "shown as typed");
        browser.type(Browser.id("tourForm:destination"), "Hà Nam");
        browser.type(Browser.id("tourForm:cost"), "12,5 triệu");
        browser.click(Browser.id("tourForm:saveTour"));
        browser.waitForText(Browser.id("tourForm"), "Kinh phí (đồng): \"12,5 triệu\" không phải số tiền hợp lệ");
        browser.screenshot("tour-dialog-phone");
        browser.open("/commendations/list.xhtml");
        assertEquals("Xã Đường Lâm, Hà Nội", browser.text("tr.tour-row .tour-destination"), "nothing changed");
        assertEquals("12.500.000 ₫", browser.text("tr.tour-row .tour-cost"));

        browser.click(Browser.id("tours:tourTable:0:editTour"));
        browser.find(Browser.id("tourForm:cost"));
        browser.waitForAjax();
        browser.type(Browser.id("tourForm:cost"), "12,500,000 đ");
        browser.click(Browser.id("tourForm:saveTour"));
        browser.waitForText(".ui-messages", "Đã lưu nơi đến và kinh phí");
        browser.click(Browser.id("tours:tourTable:0:editTour"));
        browser.find(Browser.id("tourForm:cost"));
        browser.waitForAjax();
        browser.type(Browser.id("tourForm:cost"), "");
        browser.click(Browser.id("tourForm:saveTour"));
        browser.waitForText(".ui-messages", "Đã lưu nơi đến và kinh phí");
        browser.open("/commendations/list.xhtml");
        assertEquals("—", browser.text("tr.tour-row .tour-cost"), "an empty cost is no cost");
        assertFalse(browser.overflowsHorizontally());
    }

    @Test
    void aCoordinatorRecordsAndAnswersAPetitionOnAPhoneAndTheCadreSeesIt() {
        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open("/petitions/list.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the list fits a 360-px phone");
        browser.click(Browser.id("petitions:add"));
        browser.find(Browser.id("recordForm:content"));
        browser.waitForAjax();
        // no raiser, no content: refused in Vietnamese, the dialog stays open
        browser.click(Browser.id("recordForm:saveRecord"));
        browser.waitForText(Browser.id("recordForm"), "Hãy chọn cán bộ nêu kiến nghị.");
        String content = "Đề nghị sửa đường liên thôn số " + (System.nanoTime() % 100_000);
        browser.type(Browser.id("recordForm:raiser_input"), "hoang van sinh");
        browser.pick("li.ui-autocomplete-item[data-item-label^='" + DemoProvince.DEMO_CADRE_NAME + "']");
        browser.choose("recordForm:field", "Hạ tầng (30 ngày)");
        browser.type(Browser.id("recordForm:content"), content);
        browser.screenshot("petition-record-phone");
        browser.clickAndWaitForPage(Browser.id("recordForm:saveRecord"));
        assertTrue(browser.pageText().contains("Đã ghi kiến nghị của " + DemoProvince.DEMO_CADRE_NAME), browser.pageText());

        // received → assigned → in progress → answered, each from the row's dialog
        step(content, "stepForm:body", "UBND Phường Hạ Long", "stepForm:assign");
        step(content, null, null, "stepForm:start");
        openPetition(content);
        browser.click(Browser.id("stepForm:answerButton"));
        browser.waitForText(Browser.id("stepForm"), "Hãy nhập nội dung trả lời.");
        browser.type(Browser.id("stepForm:answer"), "Đã đưa vào kế hoạch sửa chữa quý tới");
        browser.type(Browser.id("stepForm:answerNumber"), "77/UBND");
        browser.screenshot("petition-answer-phone");
        browser.clickAndWaitForPage(Browser.id("stepForm:answerButton"));
        assertTrue(browser.pageText().contains("Đã trả lời"), browser.pageText());
        assertFalse(browser.overflowsHorizontally(), "the list with its new row fits a 360-px phone");
        browser.screenshot("petitions-list-phone");
        openPetition(content);
        assertTrue(browser.text("#petition-facts").contains("77/UBND"), browser.text("#petition-facts"));
        browser.signOut();

        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/petitions.xhtml");
        String mine = browser.text("#my-petition-list");
        assertTrue(mine.contains(content) && mine.contains("77/UBND"), mine);
        assertFalse(browser.overflowsHorizontally(), "the cadre's list fits a 360-px phone");
        browser.open("/inbox.xhtml");
        assertTrue(browser.pageText().contains("đã được trả lời (văn bản số 77/UBND)"), browser.pageText());
    }

    /** Opens the petition's dialog from its row (newest first: it is on the first page). */
    private void openPetition(String content) {
        browser.js("var c = arguments[0], rows = Array.from(document.getElementById('petitions:table').querySelectorAll('tbody tr'));"
                + "var row = rows.find(function (r) { return r.textContent.indexOf(c) >= 0; });"
                + "row.querySelector('button[id$=open]').click();", content);
        browser.waitForAjax();
        browser.find(Browser.id("stepForm"));
        browser.js("return new Promise(function (r) { setTimeout(r, 300); });");
    }

    private void step(String content, String field, String value, String button) {
        openPetition(content);
        if (field != null) {
            browser.type(Browser.id(field), value);
        }
        browser.clickAndWaitForPage(Browser.id(button));
    }

    @Test
    void aCadresProfileSaysPartyMembershipWithADataYesNotTheConfirmButtonsWord() {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/profile.xhtml");
        // the value beside its label (found by the label, which the page had before it had an id)
        String party = (String) browser.js("for (var dt of document.querySelectorAll('dt')) { if (dt.textContent.trim()"
                + " === arguments[0]) return dt.nextElementSibling.textContent.trim(); }",
                Bundle.text(Bundle.VIETNAMESE, "cadre.partyMember"));
        assertTrue(party.startsWith(Bundle.text(Bundle.VIETNAMESE, "general.true")), "the demo cadre is a member: " + party);
        assertFalse(party.contains(Bundle.text(Bundle.VIETNAMESE, "general.yes")), party);
    }

    @Test
    void aProvinceReviewerReadsARecordWithTheIdMaskedAndCannotChangeIt() {
        browser.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:text"), "sinh hoang");
        browser.waitForText(Browser.id("roster:table"), DemoProvince.DEMO_CADRE_NAME);
        browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
        assertTrue(browser.text("#summary-nationalId").startsWith("•••••••••"), "masked for a reviewer");
        assertFalse(browser.exists(Browser.id("cadre:save")), "no save button");
        assertFalse(browser.exists(Browser.id("cadre:fullName")), "the details as facts, no form to edit");
        assertFalse(browser.exists(Browser.id("account:giveAccount")));
    }

    @Test
    void aCoordinatorOpeningACadreOfAnotherCommuneGetsNotFound() {
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/people/roster.xhtml");
        browser.type(Browser.id("roster:unit_input"), "bai chay");
        browser.pick("li.ui-autocomplete-item[data-item-label='Phường Bãi Cháy']");
        browser.waitForAjax();
        browser.clickAndWaitForPage(Browser.id("roster:table") + " a.cadre-link");
        String outside = browser.path();
        browser.signOut();
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.open(outside);
        assertTrue(browser.exists("#error-404"), "a tampered id shows the 404 page: " + browser.pageText());
    }

    @Test
    void anAdministratorMergesTwoQuartersAfterAPreviewAndTheTreeShowsTheHistory() {
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/units.xhtml");
        expand("Tỉnh Quảng Ninh", "Phường Hà Tu");
        expand("Phường Hà Tu", "Khu phố 2");
        browser.js("for (var r of document.querySelectorAll('#units\\\\:tree tr')) { var n = r.querySelector('td.unit-name');"
                + " if (n && n.textContent.trim().indexOf('Khu phố 2') === 0) { r.querySelector('.merge-button').click(); break; } }");
        browser.find(Browser.id("mergeForm:sources"));
        browser.type(Browser.id("mergeForm:target_input"), "khu pho 1");
        browser.pick("li.ui-autocomplete-item[data-item-label='Khu phố 1 — Phường Hà Tu']");
        browser.waitForAjax();
        browser.click(Browser.id("mergeForm:preview"));
        browser.waitForText(Browser.id("mergeForm:previewPanel"), "Khu phố 1");
        assertTrue(browser.text(Browser.id("mergeForm:previewPanel")).contains("Chức danh đang giữ sẽ chuyển sang đơn vị mới"));
        browser.screenshot("units-merge-preview");
        browser.click(Browser.id("mergeForm:apply"));
        browser.waitForText(".ui-messages", "Đã sáp nhập 1 đơn vị vào Khu phố 1");
        browser.click(Browser.id("units:showClosed"));
        browser.waitForAjax();
        expand("Tỉnh Quảng Ninh", "Phường Hà Tu");
        expand("Phường Hà Tu", "→ Khu phố 1");
        browser.screenshot("units-tree-history");
    }

    /** Opens the row whose name starts with {@code name} and waits until {@code expected} shows. */
    private void expand(String name, String expected) {
        browser.waitForText(Browser.id("units:tree"), name);
        browser.js("for (var r of document.querySelectorAll('#units\\\\:tree tr')) { var n = r.querySelector('td.unit-name');"
                + " if (n && n.textContent.trim().indexOf(arguments[0]) === 0) { r.querySelector('.ui-treetable-toggler').click(); break; } }",
                name);
        browser.waitForAjax();
        browser.waitForText(Browser.id("units:tree"), expected);
    }
}
