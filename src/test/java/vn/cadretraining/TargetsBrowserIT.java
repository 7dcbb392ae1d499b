package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;
import vn.cadretraining.testing.Http;

/**
 * Targets and progress as the province reviewer (tinh) meets them on the demo province: the dashboard of the
 * province, down to Phường Hạ Long and one of its quarters, the list of the cadres there not trained this year,
 * exported, and the file holds the same names as the page; on a desktop and on a 360-px phone. Then the year's
 * targets, where a commune's share changed makes the page warn that the communes no longer add up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TargetsBrowserIT extends BrowserTestBase {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;

    @Test
    void theReviewerDrillsDownToAHamletAndExportsTheCadresNotTrained() throws Exception {
        browser.signIn("tinh", PASSWORD);
        browser.clickAndWaitForPage(Browser.id("menu-progress"));
        assertTrue(browser.path().startsWith("/reports/dashboard.xhtml"), browser.path());
        assertTrue(browser.text("h1.page-title").contains("Tỉnh Quảng Ninh"));
        assertTrue(browser.exists("#fig-turns .meter"), "the province has its demo targets, with the pace");
        assertTrue(browser.exists("#unitsChart canvas") && browser.exists("#titlesChart canvas"), "charts are drawn");
        assertFalse(browser.text("#fig-turns .stat-value").isBlank());
        // the year is running: compared with the same part of last year, the whole of it said apart
        assertTrue(browser.text("#fig-turns .same-period").startsWith("Cùng kỳ năm trước:"), browser.text("#fig-turns"));
        assertTrue(browser.text("#fig-turns .last-year").startsWith("Cả năm trước:"), browser.text("#fig-turns"));
        browser.screenshot("progress-province-desktop");

        // down to Phường Hạ Long
        browser.clickAndWaitForPage("a.drill[data-unit='Phường Hạ Long']");
        assertTrue(browser.text("h1.page-title").contains("Phường Hạ Long"));
        assertTrue(browser.text("#crumbs").contains("Tỉnh Quảng Ninh"), "the way back up");
        browser.screenshot("progress-commune-desktop");
        // last year, then the term's basis, from the toolbar: the same commune, the page and its address say which
        String thisYear = String.valueOf(VietnamTime.today().getYear());
        String lastYear = String.valueOf(VietnamTime.today().getYear() - 1);
        browser.choose("filters:year", lastYear);
        browser.waitForText("#progress-lead", "Năm " + lastYear + " · số liệu tính đến ngày 31/12/" + lastYear);
        assertTrue(browser.path().contains("year=" + lastYear), browser.path());
        assertTrue(browser.text("h1.page-title").contains("Phường Hạ Long"), "the same commune");
        assertFalse(browser.exists("#fig-turns .same-period"), "a year that is over is not compared part by part");
        browser.choose("filters:basis", "Trong nhiệm kỳ");
        browser.waitForText("#titles .section-title", "trong nhiệm kỳ");
        assertTrue(browser.path().contains("basis=TERM") && browser.path().contains("year=" + lastYear), browser.path());
        // and back, by the same menus
        browser.choose("filters:year", thisYear);
        browser.waitForText("#progress-lead", "Năm " + thisYear);
        browser.choose("filters:basis", "Trong năm");
        browser.waitForText("#titles .section-title", "trong năm");
        assertTrue(browser.text("#crumbs").contains("Tỉnh Quảng Ninh"), "still the commune, under its province");
        // a title's cadres not trained, from its row of the titles table: the list opens filtered by that title
        WebElement titleLink = browser.all("a.untrained-link").get(0);
        String title = titleLink.getAttribute("data-title");
        browser.clickAndWaitForPage("a.untrained-link[data-title='" + title + "']");
        assertTrue(browser.path().startsWith("/reports/untrained.xhtml") && browser.path().contains("title="),
                browser.path());
        assertEquals(title, browser.text(Browser.id("list:title_label")));
        assertTrue(browser.text("h1.page-title").contains("Phường Hạ Long"), "the same unit");
        browser.driver().navigate().back();
        browser.waitForPageReady();

        // down to one of its quarters
        WebElement quarter = browser.all("a.drill").get(0);
        String quarterName = quarter.getText();
        browser.clickAndWaitForPage("a.drill[data-unit='" + quarterName + "']");
        assertTrue(browser.text("h1.page-title").contains(quarterName));
        assertFalse(browser.exists("#units"), "a hamlet has nothing under it");
        browser.screenshot("progress-hamlet-desktop");

        // the cadres there not trained this year, all titles
        browser.clickAndWaitForPage("#untrainedAll");
        assertTrue(browser.path().startsWith("/reports/untrained.xhtml"), browser.path());
        Set<String> onPage = new TreeSet<>();
        for (WebElement a : browser.all("a.untrained-name")) {
            onPage.add(a.getText().strip());
        }
        assertFalse(onPage.isEmpty(), "the demo hamlet has cadres not yet trained");
        assertTrue(onPage.size() < 25, "the whole list is on the first page: " + onPage.size());
        browser.screenshot("untrained-hamlet-desktop");
        Path file = browser.download(Browser.id("list:exportXlsx"), ".xlsx");
        Set<String> inFile = new TreeSet<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Row row : book.getSheetAt(0)) {
                Cell no = row.getCell(0);
                Cell name = row.getCell(1);
                if (no != null && no.getCellType() == CellType.NUMERIC && name != null) {
                    inFile.add(name.getStringCellValue().strip());
                }
            }
        }
        assertEquals(onPage, inFile, "the file holds the names of the page");
        Path pdf = browser.download(Browser.id("list:exportPdf"), ".pdf");
        assertTrue(Files.size(pdf) > 1000);

        // on a phone: the same pages fit
        browser.size(Browser.PHONE);
        browser.driver().navigate().refresh();
        browser.waitForPageReady();
        assertFalse(browser.overflowsHorizontally(), "the list fits a 360-px phone");
        browser.screenshot("untrained-hamlet-phone");
        browser.open("/reports/dashboard.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the dashboard fits a 360-px phone");
        Object clipped = browser.js("return [...document.querySelectorAll('[id$=unitsTable] td.col-unit')]"
                + ".filter(td => td.offsetParent !== null && td.scrollWidth > td.clientWidth + 1).length;");
        assertEquals(0L, clipped, "no unit's name is cut off in the ranking on a phone");
        browser.screenshot("progress-province-phone");
        browser.click("#units summary");
        browser.clickAndWaitForPage("a.drill[data-unit='Phường Hạ Long']");
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("progress-commune-phone");
    }

    /**
     * On a phone the dashboards were a long scroll (the test province's 12,500 px, a commune's 17,600; the demo
     * province's about 23,000): the headline figures, then each section folded under its title.
     */
    @Test
    void theDashboardsOnAPhoneAreTheHeadlineFiguresThenSectionsThatFold() {
        browser.signIn("tinh", PASSWORD);
        browser.size(Browser.PHONE);
        browser.open("/reports/dashboard.xhtml");
        browser.find("#headline");
        long province = documentHeight();
        browser.screenshot("progress-province-phone-folded");
        assertTrue(province <= PHONE_DASHBOARD_MAX, "the province's dashboard at 360 px: " + province + " px");
        assertTrue(browser.find("#fig-turns .stat-value").isDisplayed(), "the headline figures are open");

        // a section opens on demand, its secondary columns too
        browser.click("#titles summary");
        assertTrue(browser.find("#titlesTable").isDisplayed());
        String wide = "#titlesTable_data tr:first-child td.wide-only";
        assertFalse(browser.driver().findElement(By.cssSelector(wide)).isDisplayed(), "a phone leaves the target out");
        browser.click("#titles button.more-columns");
        assertTrue(browser.driver().findElement(By.cssSelector(wide)).isDisplayed(), "and shows it when asked");
        assertFalse(browser.overflowsHorizontally());
        browser.screenshot("progress-province-phone-titles");

        browser.click("#units summary");
        browser.clickAndWaitForPage("a.drill[data-unit='Phường Hạ Long']");
        browser.find("#headline");
        long commune = documentHeight();
        browser.screenshot("progress-commune-phone-folded");
        assertTrue(commune <= PHONE_DASHBOARD_MAX, "a commune's dashboard at 360 px: " + commune + " px");
        System.out.println("dashboard height at 360 px: province " + province + " px, commune " + commune + " px");
    }

    /**
     * The charts were most of a dashboard's blocking time on a phone (the chart library run and four charts drawn
     * while the page loads, in sections the phone then folded): the library is fetched, and a chart drawn, only
     * once its section is open and it comes on screen, on a phone as on a desktop.
     */
    @Test
    void theChartLibraryLoadsAndAChartIsDrawnOnlyWhenItsSectionIsOpenedAndItComesOnScreen() {
        browser.signIn("tinh", PASSWORD);
        browser.size(Browser.PHONE);
        browser.open("/reports/dashboard.xhtml");
        browser.find("#headline");
        assertEquals(Boolean.FALSE, browser.js(CHART_LIBRARY_USED), "a phone's first load neither fetches nor runs the chart library");
        assertFalse(drawn("titlesChart"));

        browser.click("#titles summary");
        browser.js("document.getElementById('titlesChart').scrollIntoView();");
        waitUntilDrawn("titlesChart");
        assertFalse(drawn("monthlyChart"), "a folded section's chart is not drawn");
        browser.click("#yoy summary");
        browser.js("document.getElementById('monthlyChart').scrollIntoView();");
        waitUntilDrawn("monthlyChart");
        Object points = browser.js("return Chart.getChart(document.getElementById('monthlyChart_canvas')).data.labels.length;");
        assertEquals(12L, points, "a point a month");

        // a desktop opens every section: the chart on the first screen is drawn, one further down once scrolled to
        browser.size(Browser.DESKTOP);
        browser.open("/reports/dashboard.xhtml");
        waitUntilDrawn("unitsChart");
        assertFalse(drawn("monthlyChart"), "a chart below the screen waits");
        browser.js("document.getElementById('monthlyChart').scrollIntoView();");
        waitUntilDrawn("monthlyChart");
    }

    private static final String CHART_LIBRARY_USED = "return !!window.Chart || performance.getEntriesByType('resource')"
            + ".some(function (r) { return r.name.indexOf('chart.js') >= 0; });";

    private static boolean drawn(String chart) {
        return Boolean.TRUE.equals(browser.js("var c = document.getElementById(arguments[0] + '_canvas');"
                + " return !!(c && window.Chart && Chart.getChart(c));", chart));
    }

    private static void waitUntilDrawn(String chart) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> drawn(chart));
    }

    /** At most about three screens of a 360×780 phone, folded. */
    private static final long PHONE_DASHBOARD_MAX = 2_400;

    private static long documentHeight() {
        return ((Number) browser.js("return document.documentElement.scrollHeight;")).longValue();
    }

    @Test
    void theReviewerIsWarnedWhenTheCommunesNoLongerAddUpAndSaves() throws Exception {
        browser.signIn("tinh", PASSWORD);
        browser.clickAndWaitForPage(Browser.id("menu-targets"));
        assertTrue(browser.path().startsWith("/reports/targets.xhtml"), browser.path());
        assertFalse(browser.exists(Browser.id("targets:mismatch")), "the demo's split adds up");
        WebElement cell = browser.driver().findElement(
                By.cssSelector("tr[data-unit='Phường Hạ Long'] input[data-column='TURNS']"));
        int before = Integer.parseInt(cell.getAttribute("value"));
        // a number beyond any target is refused, naming the cell, and nothing is saved
        cell.clear();
        cell.sendKeys("20000000");
        browser.click(Browser.id("targets:save"));
        browser.waitForText("#messages", "Phường Hạ Long — Lượt cán bộ được bồi dưỡng");
        assertFalse(browser.text("#messages").contains("Đã lưu"), browser.text("#messages"));
        cell = browser.driver().findElement(By.cssSelector("tr[data-unit='Phường Hạ Long'] input[data-column='TURNS']"));
        cell.clear();
        cell.sendKeys(String.valueOf(before + 7));
        browser.click(Browser.id("targets:save"));
        browser.waitForText("#messages", "Đã lưu 1 chỉ tiêu");
        browser.waitForText(Browser.id("targets:mismatch"), "Lượt cán bộ được bồi dưỡng");
        browser.screenshot("targets-mismatch-desktop");

        // the copy from last year fills the form, and nothing is saved until asked
        browser.click(Browser.id("targets:copy"));
        browser.waitForText("#messages", "Đã chép");
        browser.size(Browser.PHONE);
        browser.driver().navigate().refresh();
        browser.waitForPageReady();
        assertFalse(browser.overflowsHorizontally(), "the grid scrolls inside its box on a phone");
        browser.screenshot("targets-phone");

        // a coordinator sees their commune's progress, may not set targets, and nothing outside their unit
        browser.size(Browser.DESKTOP);
        browser.signOut();
        browser.signIn("xa.halong", PASSWORD);
        browser.open("/reports/dashboard.xhtml");
        assertTrue(browser.text("h1.page-title").contains("Phường Hạ Long"));
        assertFalse(browser.exists(Browser.id("menu-targets")));
        browser.open("/reports/targets.xhtml");
        assertTrue(browser.exists("#error-403"), "targets are the province's");
        browser.open("/reports/dashboard.xhtml?unit=1");
        assertTrue(browser.exists("#error-404"), "the province is outside their unit: " + browser.pageText());
        Http cadre = new Http(base);
        cadre.signIn("canbo", PASSWORD);
        assertEquals(403, cadre.get("/reports/dashboard.xhtml").statusCode());
    }

    @Test
    void manyUnitsAreChartedByTheEndsOfTheirRankingAndTabledPageByPage() throws Throwable {
        browser.signIn("tinh", PASSWORD);
        // the limits lowered to fit the small test province: 1 unit at each end of the chart, 2 units a page
        withDashboardLimits("ends=1&rows=2", () -> {
            browser.open("/reports/dashboard.xhtml");
            String report = browser.text("[id$='unitsTable_paginator_bottom'] .ui-paginator-current");
            int units = Integer.parseInt(report.substring(report.indexOf('/') + 1).trim());
            assertTrue(units >= 3, "the test province has communes enough: " + report);
            assertEquals("1–2 / " + units, report);
            assertTrue(browser.text("#unitsChartEnds").startsWith("Biểu đồ chỉ vẽ 1 đơn vị đứng đầu và 1 đơn vị xếp cuối"
                    + " trong số " + units), browser.text("#unitsChartEnds"));
            assertEquals(2, browser.all("[id$='unitsTable_data'] > tr").size());
            assertEquals("1", browser.text("[id$='unitsTable_data'] > tr td.col-rank").replace("#", "").trim());
            browser.click("[id$='unitsTable_paginator_bottom'] .ui-paginator-next");
            browser.waitForText("[id$='unitsTable_paginator_bottom'] .ui-paginator-current", "3–");
            assertEquals("3", browser.text("[id$='unitsTable_data'] > tr td.col-rank").replace("#", "").trim(),
                    "the next page goes on with the ranking");
            browser.click("[id$='unitsTable_paginator_bottom'] .ui-paginator-first");
            browser.waitForText("[id$='unitsTable_paginator_bottom'] .ui-paginator-current", "1–2 /");
            // the petitions' table of communes pages the same way (5,400 rows at national scale were a 7 MB page)
            String petitions = browser.text("[id$='petitionUnits_paginator_bottom'] .ui-paginator-current");
            assertTrue(petitions.startsWith("1–2 / "), petitions);
            int petitionUnits = Integer.parseInt(petitions.substring(petitions.indexOf('/') + 1).trim());
            assertEquals(2, browser.all("[id$='petitionUnits'] tbody > tr").size());
            browser.click("[id$='petitionUnits_paginator_bottom'] .ui-paginator-next");
            browser.waitForText("[id$='petitionUnits_paginator_bottom'] .ui-paginator-current", "3–");
            assertEquals(Math.min(2, petitionUnits - 2), browser.all("[id$='petitionUnits'] tbody > tr").size());
            browser.size(Browser.PHONE);
            browser.open("/reports/dashboard.xhtml");
            assertTrue(browser.exists("[id$='unitsTable_paginator_bottom'] .ui-paginator-next"));
            assertFalse(browser.overflowsHorizontally(), "the paged table fits a phone");
        });
    }

    @Test
    void aNameThatLooksLikeAScriptIsShownAsTextAndTheChartsStillDraw() throws Throwable {
        // names reach the charts' configuration, written into the page for the chart library
        String hostile = "</script><script>alert(2)//";
        browser.signIn("admin", PASSWORD);
        browser.open("/admin/references.xhtml");
        browser.click(Browser.id("tabs:groups:create"));
        browser.waitForAjax();
        browser.type(Browser.id("groupForm:code"), "XSS2");
        browser.type(Browser.id("groupForm:nameVi"), hostile);
        browser.click(Browser.id("groupForm:save"));
        browser.waitForText(Browser.id("tabs:groups:table"), hostile);
        browser.signOut();

        browser.signIn("tinh", PASSWORD);
        withDashboardLimits("", () -> {
            browser.open("/reports/dashboard.xhtml");
            assertTrue(browser.text("#subjects").contains(hostile), "the name shown as text: " + browser.text("#subjects"));
            Object injected = browser.js("return Array.from(document.querySelectorAll('script'))"
                    + ".filter(s => s.textContent.indexOf('alert(2)') === 0).length");
            assertEquals(0L, injected, "no script element made of the name");
            for (String chart : new String[] {"unitsChart", "titlesChart", "subjectsChart", "monthlyChart"}) {
                // drawn once on screen
                browser.js("document.getElementById(arguments[0]).scrollIntoView();", chart);
                waitUntilDrawn(chart);
            }
            Object labels = browser.js("return Chart.getChart(document.querySelector('#subjectsChart canvas'))"
                    + ".data.labels.indexOf(arguments[0]);", hostile);
            assertTrue(((Number) labels).intValue() >= 0, "the chart names the group as typed");
        });
    }

    /** Runs the steps with the dashboard's limits lowered (the test helpers' address), then puts them back. */
    private void withDashboardLimits(String limits, Executable steps) throws Throwable {
        browser.open("/testing/dashboard-limits?" + limits);
        assertTrue(browser.pageText().contains("ok"), browser.pageText());
        try {
            steps.execute();
        } finally {
            browser.open("/testing/dashboard-limits");
        }
    }
}
