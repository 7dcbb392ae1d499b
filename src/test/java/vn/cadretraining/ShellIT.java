package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cadretraining.testing.TestDatabase.LAYOUT_SWEEPS_ONCE;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.testing.Browser;
import vn.cadretraining.testing.BrowserTestBase;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.TestDatabase;

/**
 * The shell as its users meet it: signing in as each role, the menu and home page of the role, the
 * language switch, signing out, refusals, and the headers and error pages a browser does not show.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShellIT extends BrowserTestBase {

    // ---- HTTP: what the browser does not show ---------------------------------------------------------

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTheCookieIsHttpOnlyAndSameSite() {
        Http http = new Http(base);
        HttpResponse<String> login = http.get("/login.xhtml");
        assertEquals(200, login.statusCode());
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self' 'nonce-"), "PrimeFaces pages allow only their own nonce: " + csp);
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("object-src 'none'"));
        assertFalse(csp.contains("unsafe-eval"));
        assertEquals(1, login.headers().allValues("Content-Security-Policy").size(), "one policy, not two");
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("same-origin", login.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(login.headers().firstValue("Server").isEmpty(), "no server name");
        assertTrue(login.headers().firstValue("X-Powered-By").isEmpty(), "no server version");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        // the redirect to the sign-in page and a static file carry them too
        HttpResponse<String> redirect = http.get("/admin/accounts.xhtml");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Content-Security-Policy").isPresent());
        assertTrue(redirect.headers().firstValue("X-Content-Type-Options").isPresent());
        HttpResponse<String> css = http.get("/resources/css/app.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void anAnonymousRequestIsSentToSignInAndComesBackAfterIt() {
        browser.open("/admin/accounts.xhtml");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.type(Browser.id("login:username"), "admin");
        browser.type(Browser.id("login:password"), DemoProvince.DEMO_PASSWORD);
        browser.clickAndWaitForPage(Browser.id("login:signIn"));
        assertEquals("/admin/accounts.xhtml", browser.path(), "back where the person was going");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        Http http = new Http(base);
        HttpResponse<String> page = http.get("/login.xhtml");
        String before = sessionId(page);
        HttpResponse<String> signedIn = http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode(), "signed in and sent on");
        String after = sessionId(signedIn);
        assertFalse(after.isEmpty(), "a new session cookie is set at sign-in");
        assertFalse(before.equals(after), "the session id changed");
        assertEquals(200, http.get("/index.xhtml").statusCode());
    }

    @Test
    void signInsOfOneAccountAtTheSameMomentAllGetIn() throws Exception {
        // two devices at once, or a double click on "Đăng nhập": when a sign-in wrote through the account's entity,
        // they collided on its version and all but one were sent to the "page expired" page
        List<Http> people = List.of(new Http(base), new Http(base), new Http(base), new Http(base));
        List<HttpResponse<String>> pages = people.stream().map(Http::signInPage).toList();
        CyclicBarrier together = new CyclicBarrier(people.size());
        ExecutorService threads = Executors.newFixedThreadPool(people.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Http http = people.get(i);
                HttpResponse<String> page = pages.get(i);
                answers.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return http.signIn(page, "canbo", DemoProvince.DEMO_PASSWORD);
                }));
            }
            for (int i = 0; i < people.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(302, answer.statusCode(), "sign-in " + i);
                String to = answer.headers().firstValue("Location").orElse("");
                assertTrue(to.endsWith("/index.xhtml"), "sign-in " + i + " sent to " + to);
                HttpResponse<String> home = people.get(i).get("/index.xhtml");
                assertEquals(200, home.statusCode());
                assertTrue(home.body().contains("id=\"user-name\""), "sign-in " + i + " is signed in");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTamperedViewStateGetsTheFriendlyPageAndNoExceptionText() {
        Http http = new Http(base);
        HttpResponse<String> page = http.get("/login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", "admin");
        form.put("login:password", DemoProvince.DEMO_PASSWORD);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page.body()) + "1");
        form.put("primefaces.nonce", Http.nonce(page.body()));
        HttpResponse<String> answer = http.post("/login.xhtml", form);
        assertEquals(302, answer.statusCode());
        HttpResponse<String> shown = http.follow(answer);
        assertTrue(shown.uri().getPath().endsWith("/error/expired.xhtml"), shown.uri().toString());
        assertTrue(shown.body().contains("Trang đã hết hạn"), "explained in Vietnamese");
        assertTrue(shown.body().contains("This page has expired"), "and in English");
        assertNoExceptionText(shown.body());
        assertTrue(shown.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void anUnknownAddressGetsTheFriendly404InBothLanguages() {
        Http http = new Http(base);
        HttpResponse<String> missing = http.get("/khong-co-trang-nay");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Không tìm thấy trang"));
        assertTrue(missing.body().contains("Page not found"));
        assertNoExceptionText(missing.body());
        assertTrue(missing.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void anAddressWithUnreadableParametersGetsTheFriendly404() {
        Http http = new Http(base);
        http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        for (String address : new String[] {"/people/cadre.xhtml?id=abc", "/enrollment/class.xhtml?id=abc",
                "/reports/dashboard.xhtml?unit=abc", "/reports/dashboard.xhtml?year=x",
                "/reports/untrained.xhtml?unit=1&title=x"}) {
            HttpResponse<String> answer = http.get(address);
            assertEquals(404, answer.statusCode(), address);
            assertTrue(answer.body().contains("Không tìm thấy trang"), address);
            assertNoExceptionText(answer.body());
        }
        assertEquals(200, http.get("/reports/dashboard.xhtml?year=2025").statusCode(), "a readable address still works");
    }

    @Test
    void everyPageAnswersEveryRoleWithItselfOrARefusalNeverA500() throws Exception {
        // every page of the application, as each role: one that web.xml lets the role reach works for it, or the
        // role is refused (403) or told the thing is not there (404 when the page needs an id)
        List<String> pages = pages();
        assertTrue(pages.size() > 25, "the pages were found: " + pages);
        List<String> failures = new ArrayList<>();
        for (DemoProvince.DemoAccount account : DemoProvince.ACCOUNTS) {
            Http http = new Http(base);
            http.signIn(account.username(), DemoProvince.DEMO_PASSWORD);
            for (String page : pages) {
                HttpResponse<String> answer = http.get(page);
                int status = answer.statusCode();
                if (!(status == 200 || status == 302 || status == 403 || status == 404)
                        || answer.body().contains("id=\"error-500\"")) {
                    failures.add(account.role() + " " + page + " → " + status);
                }
            }
        }
        assertEquals(List.of(), failures, "pages that failed a role");

        Http province = new Http(base);
        province.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(403, province.get("/enrollment/requests.xhtml").statusCode(), "requests are decided by others");
        HttpResponse<String> moved = province.get("/enrol/class.xhtml?id=7");
        assertEquals(301, moved.statusCode(), "a bookmark of the pages' old folder");
        assertTrue(moved.headers().firstValue("Location").orElse("").endsWith("/enrollment/class.xhtml?id=7"));
    }

    @Test
    void everyFormPostedWithoutItsFieldsAnswersWithoutA500() throws Exception {
        // a tampered or truncated postback: each button of each form of each page, sent with nothing but the form's
        // name, its view state and nonce (a dialog confirmed with nothing chosen, a select missing)
        List<String> failures = new ArrayList<>();
        Pattern forms = Pattern.compile("<form id=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        Pattern buttons = Pattern.compile("<button id=\"[^\"]+\" name=\"([^\"]+)\"[^>]*type=\"submit\"");
        for (DemoProvince.DemoAccount account : DemoProvince.ACCOUNTS) {
            Http http = new Http(base);
            http.signIn(account.username(), DemoProvince.DEMO_PASSWORD);
            for (String page : pages()) {
                HttpResponse<String> shown = http.get(page);
                if (shown.statusCode() != 200 || page.startsWith("/login")) {
                    continue;
                }
                Matcher form = forms.matcher(shown.body());
                while (form.find()) {
                    if (form.group(1).equals("signOutForm")) {
                        continue;
                    }
                    Matcher button = buttons.matcher(form.group(2));
                    while (button.find()) {
                        if (button.group(1).matches(".*:\\d+:.*")) {
                            continue; // a row's own action (reset, disable…) is a whole request, not a truncated one
                        }
                        HttpResponse<String> fresh = http.get(page);
                        if (!fresh.body().contains("jakarta.faces.ViewState")) {
                            failures.add(account.role() + " " + page + " not shown again before " + button.group(1));
                            continue;
                        }
                        Map<String, String> post = new LinkedHashMap<>();
                        post.put(form.group(1), form.group(1));
                        post.put(button.group(1), "");
                        post.put("jakarta.faces.ViewState", Http.viewState(fresh.body()));
                        post.put("primefaces.nonce", Http.nonce(fresh.body()));
                        HttpResponse<String> answer = http.post(page, post);
                        if (answer.statusCode() >= 500 || answer.body().contains("id=\"error-500\"")) {
                            failures.add(account.role() + " " + page + " " + button.group(1) + " → " + answer.statusCode());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, "postbacks that failed");
    }

    @Test
    void aPostbackMissingAFieldGetsTheFormsMessageNotA500() {
        Http http = new Http(base);
        http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/reports/untrained.xhtml");
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("list", "list");
        form.put("list:title_input", "");
        form.put("list:exportXlsx", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page.body()));
        form.put("primefaces.nonce", Http.nonce(page.body()));
        // no list:basis_input, as a tampered or truncated request would come
        HttpResponse<String> answer = http.post("/reports/untrained.xhtml", form);
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, "answered " + answer.statusCode());
        if (answer.statusCode() == 200) {
            assertTrue(answer.body().contains("Hãy chọn cách tính tỷ lệ chức danh"), answer.body());
        }
        assertNoExceptionText(answer.body());

        // the dashboard's export, without its year and basis
        page = http.get("/reports/dashboard.xhtml");
        form = new LinkedHashMap<>();
        form.put("filters", "filters");
        form.put("filters:exportXlsx", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page.body()));
        form.put("primefaces.nonce", Http.nonce(page.body()));
        answer = http.post("/reports/dashboard.xhtml", form);
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, "answered " + answer.statusCode());
        assertNoExceptionText(answer.body());
    }

    @Test
    void theCertificatesOfAClassThatDoesNotExistAreNotFound() {
        for (String username : List.of("admin", "tinh", "xa.halong", "giangvien")) {
            Http http = new Http(base);
            http.signIn(username, DemoProvince.DEMO_PASSWORD);
            HttpResponse<String> answer = http.get("/files/class/999999999/certificates.zip");
            assertEquals(404, answer.statusCode(), username);
            assertFalse(answer.headers().firstValue("Content-Type").orElse("").contains("zip"), username);
        }
    }

    @Test
    void binaryFilesAreServedWithoutACharsetAndTextFilesInUtf8() {
        // a charset on a PDF, ZIP or .xlsx is meaningless and some clients (mail gateways, old phones) choke on it
        Map<String, String> types = new LinkedHashMap<>();
        Http cadre = new Http(base);
        cadre.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        types.put("transcript", contentType(cadre.get("/files/me/transcript.pdf")));
        types.put("calendar", contentType(cadre.get("/files/me/calendar.ics")));
        Matcher certificate = Pattern.compile("/files/certificate/(\\d+)\\.pdf").matcher(cadre.get("/me/record.xhtml").body());
        assertTrue(certificate.find(), "the demo cadre holds a certificate");
        types.put("certificate", contentType(cadre.get("/files/certificate/" + certificate.group(1) + ".pdf")));

        Http trainer = new Http(base);
        trainer.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        Matcher classes = Pattern.compile("class\\.xhtml\\?id=(\\d+)").matcher(trainer.get("/teach/classes.xhtml").body());
        while (classes.find() && !(types.containsKey("zip") && types.containsKey("sheet"))) {
            String page = trainer.get("/teach/class.xhtml?id=" + classes.group(1)).body();
            Matcher zip = Pattern.compile("/files/class/(\\d+)/certificates\\.zip").matcher(page);
            if (zip.find() && !types.containsKey("zip")) {
                types.put("zip", contentType(trainer.get("/files/class/" + zip.group(1) + "/certificates.zip")));
            }
            Matcher session = Pattern.compile("session\\.xhtml\\?id=(\\d+)").matcher(page);
            if (session.find() && !types.containsKey("sheet")) {
                types.put("sheet", contentType(trainer.get("/files/session/" + session.group(1) + "/sign-in-sheet.pdf")));
            }
        }

        Http admin = new Http(base);
        admin.signIn("admin", DemoProvince.DEMO_PASSWORD);
        for (String button : List.of("templateXlsx", "templateCsv")) {
            HttpResponse<String> page = admin.get("/people/import.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("templates", "templates");
            form.put("templates:" + button, "");
            form.put("jakarta.faces.ViewState", Http.viewState(page.body()));
            form.put("primefaces.nonce", Http.nonce(page.body()));
            types.put(button, contentType(admin.post("/people/import.xhtml", form)));
        }

        assertEquals(Map.of("transcript", "application/pdf", "calendar", "text/calendar;charset=utf-8",
                "certificate", "application/pdf", "zip", "application/zip", "sheet", "application/pdf",
                "templateXlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "templateCsv", "text/csv;charset=utf-8"), types);
    }

    @Test
    void theCalendarFileIsReadByAnIndependentParserAtTheRightTimesWithItsVietnameseText() throws Exception {
        // a session in three days, 13:30–17:00 in Vietnam, whose texts carry diacritics, commas and semicolons
        List<String> made = new Http(base).post("/testing/upcoming-session", Map.of()).body().lines().toList();
        String sessionId = made.get(0);
        java.time.LocalDate day = java.time.LocalDate.parse(made.get(1));
        Http cadre = new Http(base);
        cadre.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        String ics = cadre.get("/files/me/calendar.ics").body();

        // RFC 5545 §3.1: every line ends in CRLF and holds at most 75 octets, a character never cut in two
        assertTrue(ics.endsWith("\r\n"));
        for (String line : ics.split("\r\n")) {
            assertFalse(line.contains("\n") || line.contains("\r"), "a bare line break: " + line);
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
        }
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics));
        calendar.validate();

        // §3.2.19: the TZID the times name is defined in the file itself, +07:00 all year
        List<net.fortuna.ical4j.model.component.VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(List.of("Asia/Ho_Chi_Minh"), zones.stream()
                .map(z -> z.getRequiredProperty("TZID").getValue()).toList(), "one VTIMEZONE, for the TZID used");
        for (var observance : zones.get(0).getObservances()) {
            assertEquals("+0700", observance.getRequiredProperty("TZOFFSETTO").getValue(), "no daylight saving");
        }

        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        var event = events.stream().filter(e -> e.getRequiredProperty("UID").getValue().startsWith("session-" + sessionId + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("the new session is in the file:\n" + ics));
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        net.fortuna.ical4j.model.property.DtStart<?> start = event.getRequiredProperty("DTSTART");
        net.fortuna.ical4j.model.property.DtEnd<?> end = event.getRequiredProperty("DTEND");
        assertEquals(day.atTime(13, 30).atZone(vietnam).toInstant(), java.time.Instant.from(start.getDate()));
        assertEquals(day.atTime(17, 0).atZone(vietnam).toInstant(), java.time.Instant.from(end.getDate()));
        assertEquals(made.get(2), event.getRequiredProperty("SUMMARY").getValue(), "the title with its diacritics");
        assertEquals(made.get(3), event.getRequiredProperty("DESCRIPTION").getValue(), "the topic, commas and all");
        assertEquals(made.get(4), event.getRequiredProperty("LOCATION").getValue());
        net.fortuna.ical4j.model.property.DtStamp stamp = event.getRequiredProperty("DTSTAMP");
        assertTrue(stamp.isUtc(), "DTSTAMP in UTC");
        String uid = event.getRequiredProperty("UID").getValue();
        assertEquals(1, events.stream().filter(e -> e.getRequiredProperty("UID").getValue().equals(uid)).count());

        // the UID does not follow the Host header a client sends: the same event, whatever name it was asked by
        Http.Raw other = Http.raw(base, "GET " + base.getPath().replaceAll("/$", "") + "/files/me/calendar.ics HTTP/1.1\r\n"
                + "Host: " + ("localhost".equals(base.getHost()) ? "127.0.0.1" : "localhost") + ":" + base.getPort()
                + "\r\nCookie: " + cadre.cookieHeader());
        assertEquals(200, other.status());
        assertTrue(other.body().contains("UID:" + uid + "\r\n"), "the same UID under another Host");
        assertFalse(uid.contains(base.getHost()), uid);
    }

    /** The Content-Type header as sent, lower case and without spaces, or the status when there was no file. */
    private static String contentType(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            return "status " + answer.statusCode();
        }
        return answer.headers().firstValue("Content-Type").orElse("none").toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    }

    @Test
    void readinessSaysUpOnceTheDatabaseIsMigrated() throws Exception {
        URL health = new URL(base.getProtocol(), base.getHost(), base.getPort(), "/health/ready");
        Http http = new Http(health);
        HttpResponse<String> ready = http.get("");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("\"migrated\":\"true\""), ready.body());
    }

    @Test
    void theLanguageSwitchSendsTheBrowserOnlyToAPathOfThisApplication() {
        Http http = new Http(base);
        http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        String cookie = http.cookieHeader();
        String app = base.getPath().replaceAll("/$", "");
        String host = base.getHost() + ":" + base.getPort();
        // "//host/page" is a path to the server but another site to a browser reading Location
        for (String target : List.of("/" + app + "/index.xhtml?lang=en", "/\\" + app.substring(1) + "/index.xhtml?lang=en",
                "//evil.example" + app + "/index.xhtml?lang=en", app + "//evil.example/index.xhtml?lang=vi",
                app + "/%2F%2Fevil.example/index.xhtml?lang=vi")) {
            Http.Raw answer = Http.raw(base, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie);
            assertStaysHere(answer.header("Location"), app, target);
        }
        // the switch's own form, with a way back that leads elsewhere
        for (String to : List.of("//evil.example/index.xhtml", "/\\evil.example", "\\/evil.example", "http://evil.example/",
                "/%2F%2Fevil.example", " //evil.example", "/index.xhtml\r\nSet-Cookie: x=1")) {
            HttpResponse<String> answer = http.post("/language", Map.of("lang", "vi", "to", to), "Origin", origin());
            assertEquals(303, answer.statusCode(), to);
            assertStaysHere(answer.headers().firstValue("Location").orElseThrow(), app, to);
        }
    }

    @Test
    void aLinkWithLangSetsOnlyTheBrowsersLanguageAndTheSwitchRefusesOtherSites() {
        Http http = new Http(base);
        http.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        try {
            // a link any site can make a browser follow: this browser's pages turn English, the account does not
            HttpResponse<String> link = http.get("/index.xhtml?lang=en");
            assertEquals(302, link.statusCode());
            assertTrue(http.follow(link).body().contains("id=\"menu-home\""), "back to the page");
            assertFalse(http.get("/index.xhtml").body().contains("Trang chủ"), "this browser reads English");
            assertTrue(storedLanguageIsVietnamese("xa.halong"), "but the account's language did not change on a GET");

            // the switch's post from another site is refused and changes nothing
            HttpResponse<String> forged = http.post("/language", Map.of("lang", "en", "to", "/index.xhtml"),
                    "Origin", "http://evil.example");
            assertEquals(403, forged.statusCode());
            HttpResponse<String> forgedByFetch = http.post("/language", Map.of("lang", "en", "to", "/index.xhtml"),
                    "Sec-Fetch-Site", "cross-site", "Origin", origin());
            assertEquals(403, forgedByFetch.statusCode(), "the browser's own word wins over Origin");
            assertEquals(403, http.post("/language", Map.of("lang", "en")).statusCode(), "no origin at all");
            assertTrue(storedLanguageIsVietnamese("xa.halong"));

            // from this site it is saved in the account and comes back to the page
            HttpResponse<String> mine = http.post("/language", Map.of("lang", "en", "to", "/inbox.xhtml?x=1"),
                    "Origin", origin());
            assertEquals(303, mine.statusCode());
            assertEquals(base.getPath().replaceAll("/$", "") + "/inbox.xhtml?x=1", mine.headers().firstValue("Location").orElseThrow());
            assertFalse(storedLanguageIsVietnamese("xa.halong"), "saved in the account");
        } finally {
            http.post("/language", Map.of("lang", "vi", "to", "/"), "Origin", origin());
        }
        assertTrue(storedLanguageIsVietnamese("xa.halong"));

        // the public verification address honours ?lang=en (an English reader of a printed certificate)
        HttpResponse<String> verify = new Http(base).get("/verify/khong-co-ma-nay?lang=en");
        assertTrue(verify.body().contains("No certificate matches this code"), verify.body());
    }

    @Test
    void aForeignHostNameIsNeverPrintedOnACertificate() {
        // a certificate of the trainer's closed classes, if the demo has one; else any id (the address comes first)
        Http http = new Http(base);
        http.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        String id = "1";
        java.util.regex.Matcher classes = java.util.regex.Pattern.compile("class\\.xhtml\\?id=(\\d+)")
                .matcher(http.get("/teach/classes.xhtml").body());
        search:
        while (classes.find()) {
            java.util.regex.Matcher certificate = java.util.regex.Pattern.compile("/files/certificate/(\\d+)\\.pdf")
                    .matcher(http.get("/teach/class.xhtml?id=" + classes.group(1)).body());
            if (certificate.find()) {
                id = certificate.group(1);
                break search;
            }
        }
        String path = base.getPath().replaceAll("/$", "") + "/files/certificate/" + id + ".pdf";
        Http.Raw forged = Http.raw(base, "GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nCookie: " + http.cookieHeader());
        assertEquals(503, forged.status(), "no certificate is made for an address the client chose (id " + id + ")");
        assertFalse(forged.body().contains("evil.example"));
        assertTrue(forged.body().contains("APP_BASE_URL"), forged.body());
        assertTrue(forged.header("Content-Security-Policy") != null);
        // nor on the trainer's check-in screens (the QR code's address)
        java.util.regex.Matcher sessions = java.util.regex.Pattern.compile("session\\.xhtml\\?id=(\\d+)")
                .matcher(String.join(" ", java.util.stream.Stream.of(http.get("/teach/classes.xhtml").body())
                        .flatMap(page -> java.util.regex.Pattern.compile("class\\.xhtml\\?id=(\\d+)").matcher(page)
                                .results().limit(3).map(r -> http.get("/teach/class.xhtml?id=" + r.group(1)).body()))
                        .toList()));
        for (int i = 0; i < 3 && sessions.find(); i++) {
            Http.Raw screen = Http.raw(base, "GET " + base.getPath().replaceAll("/$", "") + "/teach/session.xhtml?id="
                    + sessions.group(1) + " HTTP/1.1\r\nHost: evil.example\r\nCookie: " + http.cookieHeader());
            assertFalse(screen.body().contains("evil.example"), "session " + sessions.group(1));
        }
        // the demo on this machine (a loopback name) still gets its certificate
        Http.Raw local = Http.raw(base, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nCookie: " + http.cookieHeader());
        assertTrue(local.status() == 200 && local.body().contains("%PDF") || "1".equals(id) && local.status() == 404,
                id + ": " + local.status());
        // but not through a proxy on this machine, whose upstream address is not the one people use
        Http.Raw proxied = Http.raw(base, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nX-Forwarded-For: 198.51.100.7\r\nCookie: " + http.cookieHeader());
        assertEquals(503, proxied.status(), "behind a proxy only APP_BASE_URL gives the public address");
    }

    @Test
    void theServersOwnRefusalsCarryTheSecurityHeaders() {
        String app = base.getPath().replaceAll("/$", "");
        String host = "Host: " + base.getHost() + ":" + base.getPort();
        Http.Raw trace = Http.raw(base, "TRACE " + app + "/login.xhtml HTTP/1.1\r\n" + host + "\r\nX-Secret: abc");
        assertEquals(405, trace.status());
        assertFalse(trace.body().contains("X-Secret"), "TRACE echoes nothing");
        assertSecurityHeaders(trace, "TRACE");
        // refused before any application code runs (Grizzly, Catalina's URI decoding): Payara lets only its own
        // X-Frame-Options and the absence of Server be set there; a proxy in front adds the rest (README)
        for (String uri : List.of(app + "/\\evil.example", app + "/%%")) {
            Http.Raw badUri = Http.raw(base, "GET " + uri + " HTTP/1.1\r\n" + host);
            assertTrue(badUri.status() == 400 || badUri.status() == 200 && badUri.body().isEmpty(), uri + ": " + badUri.status());
            assertNull(badUri.header("Server"), "no server name");
            assertNull(badUri.header("X-Powered-By"));
            assertTrue(badUri.header("X-Frame-Options") != null);
            assertFalse(badUri.body().contains("Payara"));
        }
        Http.Raw hugeHeader = Http.raw(base, "GET " + app + "/login.xhtml HTTP/1.1\r\n" + host + "\r\nX-Big: " + "a".repeat(20_000));
        assertTrue(hugeHeader.status() == 400 || hugeHeader.status() == 431 || hugeHeader.status() == 413, "" + hugeHeader.status());
        assertNull(hugeHeader.header("Server"));
        assertTrue(hugeHeader.header("X-Frame-Options") != null);
    }

    @Test
    void textIsGzippedFilesAreNotAndVersionedResourcesAreKeptAYear() throws Exception {
        Http http = new Http(base);
        http.follow(http.signIn("canbo", DemoProvince.DEMO_PASSWORD));
        // HTTP/1.1 as browsers speak it without TLS (the client's default h2c upgrade gets no compression from Grizzly)
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String app = base.toString().replaceAll("/$", "");
        java.util.function.Function<String, HttpResponse<byte[]>> gzipGet = path -> {
            try {
                return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        path.startsWith("http") ? path : origin() + path))
                        .header("Accept-Encoding", "gzip").header("Cookie", http.cookieHeader()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        // the record has no PrimeFaces widget (so none of its scripts); the catalog has some
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/me/record.xhtml", "/me/catalog.xhtml")) {
            HttpResponse<byte[]> page = gzipGet.apply(app + path);
            assertEquals(200, page.statusCode(), path);
            assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse("none"), path + " is gzipped");
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "pages are never kept");
            String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.body()))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher resources = Pattern.compile("(?:src|href|data-after-paint)=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(html);
            while (resources.find()) {
                String url = resources.group(1).replace("&amp;", "&");
                if (seen.contains(url)) {
                    continue;
                }
                seen.add(url);
                assertTrue(url.contains("v="), "every resource address carries a version: " + url);
                HttpResponse<byte[]> resource = gzipGet.apply(url);
                assertEquals(200, resource.statusCode(), url);
                assertEquals("public, max-age=31536000, immutable",
                        resource.headers().firstValue("Cache-Control").orElse(""), url);
                if (!url.contains(".svg") || resource.body().length > 1024) {
                    assertEquals("gzip", resource.headers().firstValue("Content-Encoding").orElse("none"), url + " gzipped");
                }
            }
        }
        for (String expected : List.of("components.js", "core.js", "theme.css", "app.css", "app.js")) {
            assertTrue(seen.stream().anyMatch(u -> u.contains(expected)), expected + " is on the pages: " + seen);
        }

        // PDFs are compressed already: sent as they are
        HttpResponse<byte[]> pdf = gzipGet.apply(app + "/files/me/transcript.pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertTrue(pdf.headers().firstValue("Content-Encoding").isEmpty(), "a PDF is not gzipped again");
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void theFirstPaintWaitsForNoScriptAndPrimeFacesCodeRunsOnlyOnceItsScriptsAreLoaded() {
        // the dashboards and the grid showed their heading only after PrimeFaces' scripts had come on slow 4G; deferred,
        // they still ran before Chromium's first frame: only app.js has an address, it fetches the rest after the paint
        for (String[] visit : List.of(new String[] {"xa.halong", "/reports/dashboard.xhtml"},
                new String[] {"canbo", "/me/catalog.xhtml"}, new String[] {"canbo", "/me/record.xhtml"})) {
            Http http = new Http(base);
            http.follow(http.signIn(visit[0], DemoProvince.DEMO_PASSWORD));
            HttpResponse<String> page = http.get(visit[1]);
            assertEquals(200, page.statusCode(), visit[1]);
            Matcher scripts = Pattern.compile("<script([^>]*)>([\\s\\S]*?)</script>").matcher(page.body());
            int external = 0;
            int held = 0;
            while (scripts.find()) {
                String attributes = scripts.group(1);
                String code = scripts.group(2).strip();
                if (attributes.contains(" src=")) {
                    external++;
                    assertTrue(attributes.contains("defer"), visit[1] + ": a script that holds back the first paint: " + attributes);
                    assertTrue(attributes.contains("js/app.js"), visit[1] + ": a library script fetched before the first paint: " + attributes);
                } else if (attributes.contains(" data-after-paint=")) {
                    held++;
                } else if (code.contains("PrimeFaces") || code.contains("pf.")) {
                    assertTrue(code.matches("(?s)document\\.addEventListener\\([\"']scriptsloaded[\"'].*"),
                            visit[1] + ": PrimeFaces code run before its scripts are loaded: "
                                    + code.substring(0, Math.min(120, code.length())));
                }
            }
            assertEquals(1, external, visit[1] + " has app.js");
            if (!visit[1].equals("/me/record.xhtml")) {
                assertTrue(held >= 4, visit[1] + ": PrimeFaces' scripts held for after the paint: " + held);
            }
        }
    }

    // ---- the browser ----------------------------------------------------------------------------------

    @Test
    void aCadresFirstVisitToTheRecordIsLightAndARepeatVisitLighter() {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        // the sign-in page has filled the cache: empty it, as for a phone that comes for the first time
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCache",
                Map.of());
        browser.open("/me/record.xhtml");
        long first = transferredBytes();
        browser.open("/index.xhtml");
        browser.open("/me/record.xhtml");
        long repeat = transferredBytes();
        assertTrue(first <= 350 * 1024, "a first visit transfers at most 350 KiB, not " + first / 1024 + " KiB");
        assertTrue(repeat <= 30 * 1024, "a repeat visit transfers at most 30 KiB, not " + repeat / 1024 + " KiB");
    }

    /**
     * On a phone, PrimeFaces' scripts (some 225 KiB gzipped) are fetched only once the page is parsed and painted
     * (app.js, after the first frame), not by the browser's preload scanner with the page; the widgets and their
     * handlers then work: the catalog's subject menu filters, the dashboard's year menu is built.
     */
    @Test
    void onAPhoneTheLibraryScriptsAreFetchedAfterThePageIsPaintedAndTheWidgetsThenWork() {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.size(Browser.PHONE);
        emptyTheCache();
        browser.open("/me/catalog.xhtml");
        assertScriptsFetchedAfterParsing("/me/catalog.xhtml");
        assertEquals(Boolean.TRUE, browser.js("return !!PrimeFaces.widgets['widget_catalog_group'];"), "the subject menu is built");
        int before = browser.all("a.offer-card").size();
        browser.type(Browser.id("catalog:text"), "zzzz-no-such-class");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> browser.all("a.offer-card").isEmpty());
        assertTrue(before > 0, "the catalog lists classes before the search");
        browser.signOut();

        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        emptyTheCache();
        browser.open("/reports/dashboard.xhtml");
        assertScriptsFetchedAfterParsing("/reports/dashboard.xhtml");
        assertEquals(Boolean.TRUE, browser.js("return !!PrimeFaces.widgets['widget_filters_year'];"), "the year menu is built");
    }

    private void emptyTheCache() {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    private void assertScriptsFetchedAfterParsing(String path) {
        Object early = browser.js("var parsed = performance.getEntriesByType('navigation')[0].domInteractive;"
                + " var lib = performance.getEntriesByType('resource').filter(function (r) {"
                + " return r.name.indexOf('ln=primefaces') >= 0 && r.name.indexOf('.js') >= 0; });"
                + " if (!lib.length) { return 'none fetched'; }"
                + " return lib.filter(function (r) { return r.startTime < parsed; })"
                + ".map(function (r) { return r.name.replace(/.*resource\\//, '') + ' at ' + Math.round(r.startTime)"
                + " + ' ms, page parsed at ' + Math.round(parsed) + ' ms'; }).join('; ');");
        assertEquals("", early, path + ": PrimeFaces' scripts fetched before the page was parsed");
    }

    /** Bytes that crossed the network for the page in the browser: the page itself and every resource it loaded. */
    private long transferredBytes() {
        browser.waitForPageReady();
        Object bytes = browser.js("return new Promise(done => setTimeout(() => done("
                + "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".reduce((sum, e) => sum + (e.transferSize || 0), 0)), 500));");
        return ((Number) bytes).longValue();
    }


    @Test
    void eachRoleSignsInSeesItsHomeAndMenuSwitchesLanguageAndSignsOut() {
        for (DemoProvince.DemoAccount account : DemoProvince.ACCOUNTS) {
            String role = account.role().name();
            browser.signIn(account.username(), DemoProvince.DEMO_PASSWORD);
            assertEquals("/index.xhtml", browser.path(), role);
            String home = "#home-" + role.toLowerCase();
            assertTrue(browser.exists(home), role + " sees their own home section");
            for (String other : List.of("admin", "province", "coordinator", "trainer", "cadre")) {
                if (!home.equals("#home-" + other)) {
                    assertFalse(browser.exists("#home-" + other), role + " does not see the home of " + other);
                }
            }
            assertEquals(account.role().name().equals("ADMIN"), browser.exists("#menu-accounts"),
                    role + ": the accounts menu item is for administrators only");
            assertTrue(browser.text("#user-name").contains(account.displayName()));
            assertTrue(browser.text("#menu-home").contains("Trang chủ"), "Vietnamese by default");
            browser.screenshot("home-" + role.toLowerCase() + "-desktop");

            browser.clickAndWaitForPage("#lang-switch");
            assertTrue(browser.text("#menu-home").contains("Home"), role + " switched to English");
            assertEquals("/index.xhtml", browser.path(), "the switch comes back to the same page");
            browser.signOut();
            assertTrue(browser.path().startsWith("/login.xhtml"), role + " signed out to the sign-in page");
            assertTrue(browser.pageText().contains("You have signed out"), "the sign-in page is English now");

            // the choice was saved in the account: a new browser session starts in English
            browser.driver().manage().deleteAllCookies();
            browser.signIn(account.username(), DemoProvince.DEMO_PASSWORD);
            assertTrue(browser.text("#menu-home").contains("Home"), role + ": English remembered for the account");
            browser.clickAndWaitForPage("#lang-switch");
            assertTrue(browser.text("#menu-home").contains("Trang chủ"));
            browser.signOut();
            browser.open("/index.xhtml");
            assertTrue(browser.path().startsWith("/login.xhtml"), "after signing out the pages need a sign-in again");
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "it.layoutSweeps", matches = "false", disabledReason = LAYOUT_SWEEPS_ONCE)
    void everyPageOfEveryRoleHasNoCriticalOrSeriousAccessibilityViolationOnAPhoneOrADesktop() throws Exception {
        // axe-core on every page a role can open (one with an id through the first link to it that the role
        // meets), on a 360-px phone and a 1366-px desktop: the same document resized, so each page loads once
        Map<String, List<String>> failures = new LinkedHashMap<>();
        List<String> checked = new ArrayList<>();
        for (String page : List.of("/login.xhtml", "/certificate-check.xhtml")) {
            browser.driver().manage().deleteAllCookies();
            browser.open(page);
            checkAccessibility("anonymous", failures, checked);
        }
        for (DemoProvince.DemoAccount account : DemoProvince.ACCOUNTS) {
            browser.driver().manage().deleteAllCookies();
            browser.size(WIDE);
            browser.signIn(account.username(), DemoProvince.DEMO_PASSWORD);
            String who = account.role().name();
            List<String> needAnId = new ArrayList<>();
            Map<String, String> linked = new LinkedHashMap<>();
            for (String page : pages()) {
                if (page.equals("/login.xhtml") || page.equals("/checkin.xhtml")) {
                    continue; // the sign-in page is checked signed out; a check-in needs a code of the moment
                }
                browser.open(page);
                if (browser.exists("#error-404")) {
                    needAnId.add(page);
                    continue;
                }
                if (browser.exists("#error-403") || !browser.path().startsWith(page)) {
                    continue;
                }
                checkAccessibility(who, failures, checked);
                collectLinks(linked);
            }
            for (String page : needAnId) {
                String address = linked.get(page);
                if (address != null) {
                    browser.open(address);
                    checkAccessibility(who, failures, checked);
                    collectLinks(linked);
                }
            }
        }
        assertTrue(checked.size() > 40, "pages checked: " + checked);
        StringBuilder report = new StringBuilder();
        failures.forEach((rule, where) -> report.append("\n").append(rule).append(" on ").append(where.size())
                .append(" page(s): ").append(String.join("\n    ", where)));
        assertEquals("", report.toString(), "critical or serious axe violations (rule on pages, width: targets)");
    }

    /** A desktop as the issue measured it; the phone is {@link Browser#PHONE}. */
    private static final org.openqa.selenium.Dimension WIDE = new org.openqa.selenium.Dimension(1366, 900);

    private void checkAccessibility(String who, Map<String, List<String>> failures, List<String> checked) {
        // the width the page was opened at first, then the other one
        boolean phone = browser.driver().manage().window().getSize().getWidth() < 500;
        for (org.openqa.selenium.Dimension size : phone ? List.of(Browser.PHONE, WIDE) : List.of(WIDE, Browser.PHONE)) {
            browser.size(size);
            for (vn.cadretraining.testing.Axe.Violation v : vn.cadretraining.testing.Axe.seriousViolations(browser)) {
                failures.computeIfAbsent(v.rule() + " (" + v.impact() + ")", k -> new ArrayList<>())
                        .add(who + " " + browser.path() + " @" + size.getWidth() + ": " + v.targets());
            }
            if (browser.path().startsWith("/me/record") || browser.path().startsWith("/reports/dashboard")) {
                // axe lets a small link pass when nothing is near it; the record's and the dashboards' links were
                // 17-22 px high: every link that is not part of a sentence is a target of 24 px at least
                @SuppressWarnings("unchecked")
                List<String> small = (List<String>) browser.js("return Array.from(document.querySelectorAll('a[href]'))"
                        + ".filter(function (a) { var r = a.getBoundingClientRect();"
                        + "  if (!r.width || !r.height || getComputedStyle(a).visibility === 'hidden') return false;"
                        + "  var inSentence = Array.from(a.parentElement.childNodes).some(function (n) {"
                        + "    return n !== a && n.nodeType === 3 && n.textContent.trim(); });"
                        + "  return !inSentence && r.height < 24; })"
                        + ".slice(0, 5).map(function (a) { return (a.id ? '#' + a.id : 'a.' + a.className)"
                        + "  + ' \"' + a.textContent.trim().substring(0, 30) + '\" ' + Math.round(a.getBoundingClientRect().height) + 'px'; });");
                if (!small.isEmpty()) {
                    failures.computeIfAbsent("link under 24 px", k -> new ArrayList<>())
                            .add(who + " " + browser.path() + " @" + size.getWidth() + ": " + small);
                }
            }
        }
        checked.add(who + " " + browser.path());
    }

    /** The first address with a query of each page linked from the page shown. */
    @SuppressWarnings("unchecked")
    private void collectLinks(Map<String, String> linked) {
        String prefix = base.getPath().replaceAll("/$", "");
        for (String href : (List<String>) browser.js("return Array.from(document.querySelectorAll('a[href*=\".xhtml?\"]'))"
                + ".map(function (a) { return a.getAttribute('href'); });")) {
            String path = href.replaceFirst("^https?://[^/]+", "");
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
            int query = path.indexOf('?');
            if (query > 0 && path.startsWith("/")) {
                linked.putIfAbsent(path.substring(0, query), path);
            }
        }
    }

    @Test
    void aCadreAskingForAnAdministrationPageIsRefusedWith403() {
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/accounts.xhtml");
        assertTrue(browser.exists("#error-403"), "the friendly 403 page");
        assertTrue(browser.pageText().contains("Không có quyền truy cập"));
        assertNoExceptionText(browser.driver().getPageSource());

        Http http = new Http(base);
        http.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        assertEquals(403, http.get("/admin/accounts.xhtml").statusCode());
    }

    @Test
    void anAdministratorTakesABackupOnAPhoneAndSeesItListedWithItsTimeAndSize() {
        browser.size(Browser.PHONE);
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/backups.xhtml");
        if (TestDatabase.postgres()) {
            // the database server takes PostgreSQL's backups: the page says so and offers no Derby backup
            assertTrue(browser.pageText().contains("Ứng dụng đang dùng PostgreSQL"), browser.pageText());
            assertTrue(browser.text("#pgCommands").contains("pg_dump"));
            assertFalse(browser.exists("[id='backups:take']"), "no backup button on PostgreSQL");
            assertFalse(browser.overflowsHorizontally(), "fits a 360-px phone");
            Http http = new Http(base);
            http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
            assertEquals(403, http.get("/admin/backups.xhtml").statusCode(), "administrators only");
            return;
        }
        int before = browser.all("[id='backups:list_data'] tr[data-ri]").size();
        browser.click(Browser.id("backups:take"));
        browser.waitForText("#messages", "Đã sao lưu xong");
        assertEquals(1, browser.text("#messages").split("Đã sao lưu xong", -1).length - 1, "said once");
        List<org.openqa.selenium.WebElement> rows = browser.all("[id='backups:list_data'] tr[data-ri]");
        assertEquals(before + 1, rows.size(), "the new backup is listed");
        String newest = rows.get(0).getText();
        assertTrue(newest.contains(VietnamTime.DATE.format(VietnamTime.today())), "dd/MM/yyyy, Vietnam time: " + newest);
        assertTrue(newest.matches("(?s).*\\d+(,\\d)? (KB|MB).*"), "a size in Vietnamese numbers: " + newest);
        assertFalse(browser.find(Browser.id("backups:take")).getAttribute("class").contains("ui-state-disabled"),
                "the button is offered again once it is done");
        assertFalse(browser.overflowsHorizontally(), "fits a 360-px phone");
        browser.screenshot("admin-backups-phone");

        Http http = new Http(base);
        http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(403, http.get("/admin/backups.xhtml").statusCode(), "administrators only");
    }

    @Test
    void anAdministratorRecountsTheProgressFiguresOnAPhoneAndOthersCannot() {
        browser.size(Browser.PHONE);
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/recount.xhtml");
        // repaired first: other tests write records straight into the database, as an operator's SQL would
        browser.click(Browser.id("recount:repair"));
        browser.waitForText("#messages", "(đếm trong");
        browser.click(Browser.id("recount:check"));
        browser.waitForText("#messages", "Số đã lưu khớp với hồ sơ gốc");
        assertEquals("0", browser.text(Browser.id("recount:turns")));
        assertEquals("0", browser.text(Browser.id("recount:people")));
        assertFalse(browser.overflowsHorizontally(), "fits a 360-px phone");
        Http http = new Http(base);
        http.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(403, http.get("/admin/recount.xhtml").statusCode(), "administrators only");
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhetherTheAccountExists() {
        browser.signIn("xa", "sai mật khẩu");
        String known = browser.text(Browser.id("login:messages"));
        browser.signIn("khong-ai-co-ten-nay", "sai mật khẩu");
        String unknown = browser.text(Browser.id("login:messages"));
        assertEquals(known, unknown, "the same words for a wrong password and an unknown username");
        assertTrue(known.contains("Tên đăng nhập hoặc mật khẩu không đúng"), known);
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheUsername() {
        String username = "thu-khoa-" + System.nanoTime();
        String lastMessage = "";
        Http clock = new Http(base);
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.signIn(username, "sai");
            lastMessage = browser.text(Browser.id("login:messages"));
            if (attempt < 5) {
                // wait out the growing delay (0, 1, 2, 4 s) so that each attempt counts: the throttle's clock is
                // moved that far and a second more instead of sleeping
                long delay = attempt == 1 ? 0 : 1L << (attempt - 2);
                assertEquals(200, clock.get("/testing/throttle-clock?seconds=" + (delay + 1)).statusCode());
            }
        }
        assertTrue(lastMessage.contains("15 phút"), "locked for fifteen minutes: " + lastMessage);
        browser.signIn(username, "sai");
        assertTrue(browser.text(Browser.id("login:messages")).contains("phút"), "still locked");
    }

    @Test
    void anExpiredSessionSendsThePersonToSignInWithAClearMessage() {
        browser.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", "het-han-roi", cookiePath()));
        browser.open("/index.xhtml");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        assertTrue(browser.pageText().contains("Phiên làm việc đã hết hạn"), browser.pageText());
    }

    @Test
    void anAdministratorCreatesAnAccountWhoseHolderMustChooseAPasswordFirst() {
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        browser.open("/admin/accounts.xhtml");
        browser.click(Browser.id("accounts:create"));
        String username = "dm-" + (System.nanoTime() % 1_000_000);
        browser.type(Browser.id("accountForm:username"), username);
        browser.type(Browser.id("accountForm:displayName"), "Đặng Thị Mai");
        browser.choose("accountForm:editRole", "Cán bộ đầu mối cấp xã");
        browser.type(Browser.id("accountForm:unit_input"), "ha long");
        browser.pick("li.ui-autocomplete-item[data-item-label='Phường Hạ Long']");
        browser.click(Browser.id("accountForm:save"));
        browser.waitForText("#issued-username", username);
        String temporary = browser.text("#issued-password");
        assertTrue(temporary.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"), temporary);
        browser.screenshot("accounts-issued-desktop");
        browser.click(Browser.id("issuedForm:issuedClose"));
        browser.waitForAjax();
        browser.type(Browser.id("accounts:text"), "dang thi mai");
        browser.waitForText(Browser.id("accounts:table"), username);
        browser.signOut();

        browser.signIn(username, temporary);
        assertEquals("/account/password.xhtml", browser.path(), "a one-time password leads to the password page");
        assertTrue(browser.exists("#password-first"));
        browser.open("/index.xhtml");
        assertEquals("/account/password.xhtml", browser.path(), "and nowhere else until it is changed");
        browser.type(Browser.id("password:current"), temporary);
        browser.type(Browser.id("password:chosen"), "Hạ Long xanh 2026");
        browser.type(Browser.id("password:repeated"), "Hạ Long xanh 2026");
        browser.clickAndWaitForPage(Browser.id("password:save"));
        assertEquals("/index.xhtml", browser.path());
        assertEquals("Phường Hạ Long", browser.text("#coordinator-unit"), "the coordinator's scope is their unit");
        browser.signOut();
        browser.signIn(username, "Hạ Long xanh 2026");
        assertEquals("/index.xhtml", browser.path(), "the chosen password works, with its diacritics");
    }

    @Test
    void theAuditTrailIsReadByAdministratorsReviewersAndCoordinatorsOnlyFitsAPhoneAndExports() {
        for (String refused : List.of("giangvien", "canbo")) {
            Http http = new Http(base);
            http.signIn(refused, DemoProvince.DEMO_PASSWORD);
            assertEquals(403, http.get("/audit/trail.xhtml").statusCode(), refused);
        }
        Http reviewer = new Http(base);
        reviewer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        HttpResponse<String> page = reviewer.get("/audit/trail.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Nhật ký thay đổi"));
        // the export button posts the filters and gets the file
        Map<String, String> form = new LinkedHashMap<>();
        form.put("audit", "audit");
        form.put("audit:from_input", "");
        form.put("audit:to_input", "");
        form.put("audit:action_input", "");
        form.put("audit:who", "");
        form.put("audit:subject", "");
        form.put("audit:exportCsv", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page.body()));
        HttpResponse<String> file = reviewer.post("/audit/trail.xhtml", form);
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(file.body().startsWith("\uFEFFThời gian,Tên đăng nhập,Họ và tên,Thay đổi,Đối tượng"), file.body());

        browser.size(Browser.PHONE);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        browser.click("#menu-toggle");
        browser.find("#menu-audit");
        browser.clickAndWaitForPage("#menu-audit");
        assertEquals("/audit/trail.xhtml", browser.path());
        assertFalse(browser.overflowsHorizontally(), "the audit trail fits 360 px");
        browser.screenshot("audit-phone");
    }

    // ---- the home page of each role: the next actions, counted --------------------------------------------

    @Test
    void eachRolesHomeLeadsToItsRealNextActions() {
        // the cadre: the figures agree with the record, the next session is the record's first one to come
        browser.size(Browser.PHONE);
        browser.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        browser.open("/me/record.xhtml");
        int certificates = browser.all("a.certificate-link").size();
        int classes = browser.all("#record-classes > li").size();
        List<org.openqa.selenium.WebElement> upcoming = browser.all("#upcoming > li strong");
        String firstUpcoming = upcoming.isEmpty() ? null : upcoming.get(0).getText();
        assertTrue(certificates > 0 && classes > 0, "the demo cadre has a record");
        browser.open("/index.xhtml");
        assertFalse(browser.exists("#home-empty"), "no empty state for a cadre with " + classes + " classes");
        assertEquals(String.valueOf(certificates), browser.text("#home-certificates-count"));
        assertEquals(String.valueOf(classes), browser.text("#home-classes-count"));
        if (firstUpcoming != null) {
            // "07/12/2026 07:30 – 11:30" on the record; the same day and hours on the home page
            String[] parts = firstUpcoming.split(" ", 2);
            String when = browser.text("#home-next-when");
            assertTrue(when.contains(parts[0]) && when.contains(parts[1]), when + " vs " + firstUpcoming);
        } else {
            assertTrue(browser.exists("#home-next-none"));
        }
        assertFalse(browser.overflowsHorizontally(), "the cadre's home fits 360 px");
        browser.screenshot("home-cadre-phone");
        browser.clickAndWaitForPage("#home-certificates");
        assertEquals("/me/record.xhtml", browser.path());
        browser.signOut();

        // the trainer: today's sessions each with a working attendance link, the class over last week to close
        browser.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        assertFalse(browser.exists("#home-empty"), "no empty state for a trainer with classes");
        assertTrue(browser.text("#home-toclose").contains("Tiếp công dân"), browser.text("#home-toclose"));
        assertFalse(browser.overflowsHorizontally(), "the trainer's home fits 360 px");
        browser.screenshot("home-trainer-phone");
        List<org.openqa.selenium.WebElement> attend = browser.all("#home-today a[id$='attend']");
        if (VietnamTime.today().getDayOfWeek().getValue() <= 5) {
            assertFalse(attend.isEmpty(), "the demo class runs today: " + browser.text("#home-today"));
        }
        if (!attend.isEmpty()) {
            assertEquals(Bundle.text(Bundle.VIETNAMESE, "home.trainer.attend"), attend.get(0).getText());
            browser.clickAndWaitForPage("#home-today a[id$='attend']");
            assertTrue(browser.path().startsWith("/teach/session.xhtml?id="), browser.path());
            assertTrue(browser.exists(Browser.id("grid")), "the attendance grid opens");
        }
        browser.signOut();

        // the coordinator: requests, newly elected cadres to train (a link to that list), the commune's pace
        browser.size(Browser.DESKTOP);
        browser.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertEquals("Phường Hạ Long", browser.text("#coordinator-unit"));
        assertTrue(browser.text("#home-requests-count").matches("[0-9.]+"));
        assertTrue(browser.text("#home-pace").contains("Phường Hạ Long"), browser.text("#home-pace"));
        assertTrue(browser.exists("#home-pace-actual"), "the commune's turns, counted at the view");
        browser.screenshot("home-coordinator-desktop");
        browser.clickAndWaitForPage("#home-newly a");
        assertTrue(browser.path().startsWith("/reports/untrained.xhtml") && browser.path().contains("newlyElected=true"),
                browser.path());
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('list:newlyElected_input').checked"),
                "the list is the newly elected");
        browser.signOut();

        // the reviewer: the province's pace and the units behind; the administrator: locked and new accounts
        browser.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertTrue(browser.exists("#home-pace-actual"), "the province's turns, read from the summaries at the view: "
                + browser.pageText());
        assertTrue(browser.exists("#home-behind-none") || !browser.all("#home-behind li a").isEmpty());
        browser.screenshot("home-province-desktop");
        browser.signOut();
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertTrue(browser.text("#home-disabled-count").matches("[0-9.]+"));
        assertTrue(browser.text("#home-new-count").matches("[0-9.]+"));
        browser.screenshot("home-admin-desktop");
    }

    @Test
    void theShellFitsAPhoneAndTheMenuOpensAsADrawer() {
        browser.size(Browser.PHONE);
        browser.open("/login.xhtml");
        assertFalse(browser.overflowsHorizontally(), "the sign-in page fits 360 px");
        browser.screenshot("login-phone");
        browser.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertFalse(browser.overflowsHorizontally(), "the home page fits 360 px");
        assertFalse(browser.find("#menu-toggle").getAttribute("aria-expanded").equals("true"));
        browser.click("#menu-toggle");
        browser.find("#menu-accounts");
        browser.screenshot("home-admin-phone-menu");
        browser.clickAndWaitForPage("#menu-accounts");
        assertEquals("/admin/accounts.xhtml", browser.path());
        assertFalse(browser.overflowsHorizontally(), "the accounts list fits 360 px");
        browser.screenshot("accounts-phone");
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** Whether a new sign-in of the account starts in Vietnamese (the language stored in the account). */
    private boolean storedLanguageIsVietnamese(String username) {
        Http fresh = new Http(base);
        fresh.follow(fresh.signIn(username, DemoProvince.DEMO_PASSWORD));
        return fresh.get("/index.xhtml").body().contains("Trang chủ");
    }

    private static void assertStaysHere(String location, String app, String asked) {
        if (location == null) {
            return;
        }
        String path = location.replaceFirst("^https?://[^/]+", "");
        assertFalse(location.contains("evil.example") && !path.startsWith(app + "/"), asked + " -> " + location);
        assertTrue(path.startsWith(app + "/") && !path.startsWith("//") && !path.contains("\\") && !path.contains("\r"),
                asked + " -> " + location);
        if (!location.equals(path)) {
            assertFalse(location.startsWith("http://evil") || location.startsWith("https://evil"), asked + " -> " + location);
        }
    }

    private static void assertSecurityHeaders(Http.Raw answer, String what) {
        assertTrue(answer.header("Content-Security-Policy") != null, what + ": CSP");
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        assertEquals("same-origin", answer.header("Referrer-Policy"), what);
        assertEquals("DENY", answer.header("X-Frame-Options"), what);
        assertNull(answer.header("Server"), what);
    }

    private String cookiePath() {
        String path = base.getPath().replaceAll("/$", "");
        return path.isEmpty() ? "/" : path;
    }

    private static String sessionId(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst().orElse("");
    }

    /** Every page of the application (its sources, read where the tests run), but the error pages. */
    private static List<String> pages() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(Path.of("webapp"))) {
            return files.map(p -> "/" + Path.of("webapp").relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".xhtml") && !p.startsWith("/WEB-INF/") && !p.startsWith("/error/"))
                    .sorted().toList();
        }
    }

    private static void assertNoExceptionText(String html) {
        for (String leak : List.of("Exception:", "Caused by", ".java:", "at org.", "at java.", "Payara", "EclipseLink")) {
            assertFalse(html.contains(leak), "the page shows no \"" + leak + "\"");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
