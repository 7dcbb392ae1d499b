package vn.cadretraining.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The benchmark's load ({@code setup/bench run S|M|L}): virtual users of four roles sign in on the Faces form, each
 * with its own cookie jar, and repeat their work with a think time, the ViewState taken from every response and
 * PrimeFaces' AJAX posts sent as the browser sends them. Every response is checked for a text only a correct
 * answer holds, so that an error page, an expired view or a Faces error counts as an error. After the load one user
 * imports a 10,000-row roster file and one exports the whole roster; static and trivial Faces requests run within
 * the load, as references.
 *
 * <p>System properties: {@code bench.baseUrl}, {@code bench.data} (the generated data folder, for
 * {@code bench.properties}), {@code bench.users} (virtual users per role, 5: 20 in all), {@code bench.duration}
 * (seconds of steady load, 180), {@code bench.ramp} (seconds, 20), {@code bench.think} (mean think time, ms, 1000),
 * {@code bench.importRows} (10,000).
 */
public class CadreSimulation extends Simulation {

    static final String BASE = System.getProperty("bench.baseUrl", "http://localhost:8280");
    static final int USERS = Integer.getInteger("bench.users", 5);
    static final int DURATION = Integer.getInteger("bench.duration", 180);
    static final int RAMP = Integer.getInteger("bench.ramp", 20);
    static final int THINK = Integer.getInteger("bench.think", 1000);
    static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 10_000);
    /**
     * The failover run: every write the load makes is logged with its outcome ("BENCH_WRITE …" lines), and the
     * attendance notes carry the save's round, so that the database can be checked against what was acknowledged.
     */
    static final boolean WRITE_LOG = Boolean.getBoolean("bench.writeLog");
    static final String PASSWORD = "Demo@2026";
    static final Properties DATA = load(Path.of(System.getProperty("bench.data", "/work/bench-data/S")));

    // ---- checks ---------------------------------------------------------------------------------------

    static CheckBuilder viewState() {
        return css("input[name='jakarta.faces.ViewState']", "value").saveAs("vs");
    }

    /**
     * PrimeFaces in CSP mode refuses an AJAX postback without the page's nonce (a forged postback: the page then
     * answers "expired"), so every page's nonce is kept and sent back.
     */
    static CheckBuilder nonce() {
        return regex("csp\\.init\\('([^']+)'\\)").saveAs("nonce");
    }

    /** A partial response may carry a new ViewState. */
    static CheckBuilder ajaxViewState() {
        return regex("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>").optional().saveAs("vs");
    }

    /** A full page of the application, not the sign-in, error or expired page. */
    static HttpRequestActionBuilder page(String name, String url, String expected) {
        return http(name).get(url).check(status().is(200), substring(expected), substring("id=\"user-name\""),
                viewState(), nonce());
    }

    /** A PrimeFaces AJAX post as the browser sends it; the answer must update the component, without error. */
    static HttpRequestActionBuilder ajax(String name, String url, String form, String source, String execute,
            String render, String event, Map<String, Object> fields, String expected) {
        HttpRequestActionBuilder b = http(name).post(url)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", source)
                .formParam("jakarta.faces.partial.execute", execute)
                .formParam("jakarta.faces.partial.render", render);
        if (event != null) {
            b = b.formParam("jakarta.faces.behavior.event", event).formParam("jakarta.faces.partial.event", event);
        }
        b = b.formParam(form, form).formParamMap(fields).formParam("primefaces.nonce", "#{nonce}")
                .formParam("jakarta.faces.ViewState", "#{vs}");
        return b.check(status().is(200), substring("<partial-response"), substring("<error>").notExists(),
                substring("<redirect").notExists(), substring(expected), ajaxViewState());
    }

    static ChainBuilder think() {
        return pause(Duration.ofMillis(THINK / 2), Duration.ofMillis(THINK * 3L / 2));
    }

    // ---- sign-in ----------------------------------------------------------------------------------------

    static final ChainBuilder SIGN_IN = exec(
            http("sign-in page").get("/login.xhtml").check(status().is(200), substring("login:signIn"), viewState()),
            http("sign-in").post("/login.xhtml")
                    .formParam("login", "login")
                    .formParam("login:username", "#{user}")
                    .formParam("login:password", PASSWORD)
                    .formParam("login:signIn", "")
                    .formParam("jakarta.faces.ViewState", "#{vs}")
                    .check(status().is(200), substring("id=\"user-name\""), substring("login:signIn").notExists()));

    // ---- the operations -------------------------------------------------------------------------------

    /** The static and trivial references, asked within the load by every role. */
    static final ChainBuilder REFERENCES = exec(
            http("static file").get("/resources/css/app.css").check(status().is(200), substring("{")),
            // the public certificate check without a code: the public template, no database read; it answers
            // 404 (no such certificate) by design
            http("trivial Faces page").get("/certificate-check.xhtml")
                    .check(status().is(404), substring("verify-not-found")));

    static final ChainBuilder ROSTER_SEARCH = exec(
            page("roster page", "/people/roster.xhtml", "roster:table"),
            think(),
            ajax("roster search (no diacritics)", "/people/roster.xhtml", "roster", "roster:text", "roster:text",
                    "roster:table", "keyup", Map.of("roster:text", "nguyen van"), "Nguyễn Văn")
                    .check(regex("cadre\\.xhtml\\?id=(\\d+)").findRandom().saveAs("cadreId")));

    /** The administrator's accounts page and a search on it (the soak's fifth role). */
    static final ChainBuilder ACCOUNTS = exec(
            page("accounts page", "/admin/accounts.xhtml", "accounts:table"),
            think(),
            ajax("accounts search", "/admin/accounts.xhtml", "accounts", "accounts:text", "accounts:text",
                    "accounts:table", "keyup", Map.of("accounts:text", "nguyen"), "accounts:table"));

    /** The cadre's own record, as a cadre opens it on the phone. */
    static final ChainBuilder MY_RECORD = exec(page("my record", "/me/record.xhtml", "record-classes"));

    static final ChainBuilder CADRE_RECORD = exec(
            page("cadre record", "/people/cadre.xhtml?id=#{cadreId}", "id=\"summary-code\""));

    static final ChainBuilder COURSE_SEARCH = exec(
            page("catalog page", "/catalog/courses.xhtml", "courses:table"),
            think(),
            ajax("catalog search", "/catalog/courses.xhtml", "courses", "courses:text", "courses:text",
                    "courses:table", "keyup", Map.of("courses:text", "ky nang"), "Kỹ năng"));

    static ChainBuilder dashboard(String name) {
        return exec(page(name, "/reports/dashboard.xhtml", "id=\"headline\""));
    }

    static final ChainBuilder ATTENDANCE = exec(
            page("attendance grid (60)", "/teach/session.xhtml?id=#{sessionId}", "grid:save")
                    .check(regex("name=\"(grid:[^\"]+:status)\"").findAll().saveAs("statusNames"),
                            regex("name=\"(grid:[^\"]+:note)\"").findAll().saveAs("noteNames")),
            think(),
            exec(session -> {
                // alternate two markings so that every save writes all 60 rows
                String status = session.getInt("round") % 2 == 0 ? "PRESENT" : "LATE";
                Map<String, Object> fields = new LinkedHashMap<>();
                for (String n : new LinkedHashSet<>(session.<String>getList("statusNames"))) {
                    fields.put(n, status);
                }
                String note = WRITE_LOG ? "bench " + session.getString("user") + " " + session.getInt("round") : "";
                for (String n : session.<String>getList("noteNames")) {
                    fields.put(n, note);
                }
                fields.put("grid:save", "grid:save");
                return session.set("gridFields", fields).set("rows", fields.size());
            }),
            sending(s -> "attendance session=" + s.getString("sessionId") + " round=" + s.getInt("round")
                    + " rows=" + s.<List<String>>getList("noteNames").size()),
            http("attendance save (60)").post("/teach/session.xhtml?id=#{sessionId}")
                    .header("Faces-Request", "partial/ajax")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .formParam("jakarta.faces.partial.ajax", "true")
                    .formParam("jakarta.faces.source", "grid:save")
                    .formParam("jakarta.faces.partial.execute", "grid")
                    .formParam("jakarta.faces.partial.render", "grid")
                    .formParam("grid", "grid")
                    .formParamMap(s -> s.<Map<String, Object>>get("gridFields"))
                    .formParam("primefaces.nonce", "#{nonce}")
                    .formParam("jakarta.faces.ViewState", "#{vs}")
                    .check(status().is(200), substring("<partial-response"), substring("<error>").notExists(),
                            substring("<redirect").notExists(), substring("<update id=\"grid\""),
                            substring("conflict-table").notExists(), substring("save-info")),
            acknowledged());

    /**
     * A write about to be sent, then ({@link #acknowledged}) its answer checked: logged (failover run only) as
     * "BENCH_WRITE sent|ok …"; a write sent and never acknowledged was lost in flight (a failed check ends the
     * round before its "ok" line).
     */
    static ChainBuilder sending(java.util.function.Function<Session, String> what) {
        return exec(s -> {
            Session next = s.set("write", what.apply(s) + " user=" + s.getString("user")).markAsSucceeded();
            if (WRITE_LOG) {
                System.out.println("BENCH_WRITE sent " + next.getString("write") + " at=" + System.currentTimeMillis());
            }
            return next;
        });
    }

    static ChainBuilder acknowledged() {
        return exec(s -> {
            if (WRITE_LOG && !s.isFailed()) {
                System.out.println("BENCH_WRITE ok " + s.getString("write") + " at=" + System.currentTimeMillis());
            }
            return s;
        });
    }

    /** Once per cadre: the first class of their catalog that takes their request (then withdrawn). */
    static final ChainBuilder FIND_CLASS = exec(
            page("setup: my catalog", "/me/catalog.xhtml", "catalog:results")
                    .check(regex("offer\\.xhtml\\?id=(\\d+)").findAll().saveAs("offerIds")),
            exec(s -> s.set("k", 0).set("offerId", -1L)),
            asLongAs(s -> s.getLong("offerId") < 0 && s.getInt("k") < s.getList("offerIds").size()).on(
                    exec(s -> s.set("tryId", s.getList("offerIds").get(s.getInt("k")))),
                    page("setup: offer", "/me/offer.xhtml?id=#{tryId}", "id=\"offer\"")
                            .check(bodyString().saveAs("body")),
                    // a request left by an interrupted run: withdraw it, and use that class
                    doIf(s -> s.getString("body").contains("offer:myStatus")).then(
                            exec(s -> s.set("offerId", Long.parseLong(s.getString("tryId")))),
                            withdraw("setup: withdraw")),
                    doIf(s -> s.getLong("offerId") < 0 && s.getString("body").contains("offer:ask")).then(
                            http("setup: ask").post("/me/offer.xhtml?id=#{tryId}")
                                    .header("Faces-Request", "partial/ajax")
                                    .formParam("jakarta.faces.partial.ajax", "true")
                                    .formParam("jakarta.faces.source", "offer:ask")
                                    .formParam("jakarta.faces.partial.execute", "offer")
                                    .formParam("jakarta.faces.partial.render", "offer")
                                    .formParam("offer", "offer").formParam("offer:ask", "offer:ask")
                                    .formParam("primefaces.nonce", "#{nonce}")
                                    .formParam("jakarta.faces.ViewState", "#{vs}")
                                    .check(status().is(200), bodyString().saveAs("body"), ajaxViewState()),
                            doIf(s -> s.getString("body").contains("offer:myStatus")).then(
                                    exec(s -> s.set("offerId", Long.parseLong(s.getString("tryId")))),
                                    withdraw("setup: withdraw"))),
                    exec(s -> s.set("k", s.getInt("k") + 1))));

    static HttpRequestActionBuilder withdraw(String name) {
        return ajax(name, "/me/offer.xhtml?id=#{offerId}", "withdrawForm", "withdrawForm:confirmWithdraw",
                "withdrawForm", "withdrawForm offer", null,
                Map.of("withdrawForm:reason", "Thử tải", "withdrawForm:confirmWithdraw", "withdrawForm:confirmWithdraw"),
                "offer:ask");
    }

    static final ChainBuilder ENROLL = exec(
            page("my catalog", "/me/catalog.xhtml", "catalog:results"),
            think(),
            ajax("catalog search (cadre)", "/me/catalog.xhtml", "catalog", "catalog:text", "catalog:text",
                    "catalog:results", "keyup", Map.of("catalog:text", "ky nang"), "catalog:results"),
            think(),
            page("class offer", "/me/offer.xhtml?id=#{offerId}", "id=\"offer\"").check(bodyString().saveAs("body")),
            // a request whose answer was lost (its node killed) may have landed: withdrawn first, as a user would
            doIf(s -> s.getString("body").contains("offer:myStatus")).then(
                    sending(s -> "enrolment offer=" + s.getString("offerId") + " action=withdraw"),
                    withdraw("enrolment withdraw (left over)"), acknowledged()),
            think(),
            sending(s -> "enrolment offer=" + s.getString("offerId") + " action=request"),
            ajax("enrolment request", "/me/offer.xhtml?id=#{offerId}", "offer", "offer:ask", "offer", "offer", null,
                    Map.of("offer:ask", "offer:ask"), "offer:myStatus"),
            acknowledged(),
            think(),
            sending(s -> "enrolment offer=" + s.getString("offerId") + " action=withdraw"),
            withdraw("enrolment withdraw"),
            acknowledged());

    // ---- roles ----------------------------------------------------------------------------------------

    static ChainBuilder loop(ChainBuilder work) {
        return exec(SIGN_IN, exec(s -> s.set("round", 0)))
                .during(Duration.ofSeconds(DURATION + RAMP)).on(
                        exec(exitBlockOnFail().on(work), REFERENCES, think(),
                                exec(s -> s.set("round", s.getInt("round") + 1))));
    }

    ScenarioBuilder province = scenario("province reviewer").feed(accounts("bench.tinh", null)).exec(loop(exec(
            dashboard("dashboard (province)"), think(), COURSE_SEARCH, think(), ROSTER_SEARCH, think(),
            CADRE_RECORD, think())));

    ScenarioBuilder commune = scenario("commune coordinator").feed(accounts("bench.xa", null)).exec(loop(exec(
            dashboard("dashboard (commune)"), think(), ROSTER_SEARCH, think(), CADRE_RECORD, think())));

    ScenarioBuilder trainer = scenario("trainer").feed(accounts("bench.gv", "sessions")).exec(loop(exec(
            ATTENDANCE, think())));

    ScenarioBuilder cadre = scenario("cadre").feed(accounts("bench.cb", null))
            .exec(SIGN_IN, FIND_CLASS)
            .doIf(s -> s.getLong("offerId") > 0).then(exec(s -> s.set("round", 0))
                    .during(Duration.ofSeconds(DURATION + RAMP)).on(exec(exitBlockOnFail().on(ENROLL), REFERENCES,
                            think())));

    /** The soak's administrators (bench.adminNN): the accounts page, and the province's units. */
    ScenarioBuilder admin = scenario("administrator").feed(accounts("bench.admin", null)).exec(loop(exec(
            ACCOUNTS, think(), page("units page", "/admin/units.xhtml", "units:tree"), think())));

    /** The soak's cadres: their catalog and requests as in the load, and their own record. */
    ScenarioBuilder soakCadre = scenario("cadre").feed(accounts("bench.cb", null))
            .exec(SIGN_IN, FIND_CLASS)
            .doIf(s -> s.getLong("offerId") > 0).then(exec(s -> s.set("round", 0))
                    .during(Duration.ofSeconds(DURATION + RAMP)).on(exec(ENROLL, MY_RECORD, REFERENCES, think())));

    /**
     * After the load: two 10,000-row imports, one after the other (different cadres), then one export of the whole
     * roster, each alone. The first is the first import this server ever runs, with the database's insert paths
     * not yet compiled by the JIT; the second is on a server that has imported before, as the raw inserts' floor is
     * the best of three runs in one JVM. Both are reported.
     */
    ScenarioBuilder importer = scenario("import").feed(accounts("bench.admin", null)).exec(SIGN_IN)
            .repeat(2, "importRound").on(
            page("import page", "/people/import.xhtml", "import:file"),
            exec(s -> s.set("t0", System.currentTimeMillis())),
            group("import " + IMPORT_ROWS + " rows").on(
                    http("import upload").post("/people/import.xhtml")
                            .header("Faces-Request", "partial/ajax")
                            .header("X-Requested-With", "XMLHttpRequest")
                            .formParam("jakarta.faces.partial.ajax", "true")
                            .formParam("jakarta.faces.source", "import:file")
                            .formParam("jakarta.faces.partial.execute", "import:file")
                            .formParam("jakarta.faces.partial.render", "import")
                            .formParam("import", "import")
                            .formParam("primefaces.nonce", "#{nonce}")
                            .formParam("jakarta.faces.ViewState", "#{vs}")
                            .bodyPart(ByteArrayBodyPart("import:file_input", s -> importFile(s.getInt("importRound")))
                                    .fileName("bench-import.csv").contentType("text/csv"))
                            .asMultipartForm()
                            .check(status().is(200), substring("<partial-response"), substring("<error>").notExists(),
                                    ajaxViewState()),
                    exec(s -> s.set("body", s.isFailed() ? "import-failure" : "")),
                    asLongAs(s -> !s.getString("body").contains("import:apply")
                            && !s.getString("body").contains("import-failure") && polls(s) < 1200, "polls")
                            .on(
                            pause(Duration.ofMillis(500)),
                            pollImport("import poll (checking)")),
                    doIf(s -> s.getString("body").contains("import:apply")).then(
                            ajax("import apply", "/people/import.xhtml", "import", "import:apply", "import:apply",
                                    "import", null, Map.of("import:apply", "import:apply"), "import"),
                            exec(s -> s.set("body", "")),
                            asLongAs(s -> !s.getString("body").contains("id=\"inserted\"")
                                    && !s.getString("body").contains("import-failure") && polls(s) < 1200, "polls")
                                    .on(pause(Duration.ofMillis(500)), pollImport("import poll (writing)")))),
            exec(s -> {
                String body = s.getString("body");
                int at = body.indexOf("id=\"inserted\">");
                long ms = System.currentTimeMillis() - s.getLong("t0");
                // the first import's figures as import_first_*, the second's as import_* (the report's main figure)
                String key = s.getInt("importRound") == 0 ? "import_first_" : "import_";
                System.out.println("BENCH " + key + "inserted=" + (at < 0 ? "?"
                        : body.substring(at + 14, body.indexOf('<', at + 14)).replace(".", "")));
                // from the upload to the result on screen: reading, checking, preview, writing, polls every 0.5 s
                System.out.println("BENCH " + key + "ms=" + ms);
                System.out.println("BENCH " + key + "rows_per_s=" + Math.round(IMPORT_ROWS * 1000.0 / ms));
                return s;
            }));

    static HttpRequestActionBuilder pollImport(String name) {
        return ajax(name, "/people/import.xhtml", "import", "import:poll", "import:poll", "import:panel", null,
                Map.of(), "import:panel").check(bodyString().saveAs("body"), substring("import-failure").notExists())
                .checkIf(s -> polls(s) >= 1199).then(substring("a poll limit of 10 minutes").exists());
    }

    static int polls(Session s) {
        return s.contains("polls") ? s.getInt("polls") : 0;
    }

    ScenarioBuilder exporter = scenario("export").feed(accounts("bench.tinh", null)).exec(SIGN_IN,
            page("roster page", "/people/roster.xhtml", "roster:table"),
            http("roster export (csv, all)").post("/people/roster.xhtml")
                    .formParam("roster", "roster")
                    .formParam("roster:text", "")
                    .formParam("roster:exportCsv", "")
                    .formParam("jakarta.faces.ViewState", "#{vs}")
                    .check(status().is(200), header("Content-Type").transform(String::toLowerCase).is("text/csv;charset=utf-8"),
                            bodyBytes().transform(b -> {
                                int lines = 0;
                                for (byte x : b) {
                                    if (x == '\n') {
                                        lines++;
                                    }
                                }
                                return lines - 1;
                            }).saveAs("exportRows"),
                            bodyLength().gt(1000)),
            exec(s -> {
                System.out.println("BENCH export_rows=" + s.getInt("exportRows"));
                return s;
            }));

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE)
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("vi-VN,vi;q=0.9")
                .userAgentHeader("Gatling (setup/bench)")
                .disableCaching();
        List<PopulationBuilder> load = new ArrayList<>();
        for (ScenarioBuilder s : List.of(province, commune, trainer, cadre)) {
            load.add(s.injectClosed(rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP)),
                    constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION))));
        }
        PopulationBuilder after = importer.injectOpen(atOnceUsers(1))
                .andThen(exporter.injectOpen(atOnceUsers(1)));
        PopulationBuilder[] all = load.toArray(new PopulationBuilder[0]);
        if (Boolean.getBoolean("bench.soak")) {
            // the soak (setup/bench soak): every role's operations, administrators included, for a long time; no
            // import or export after it (it watches errors and the heap, not one operation alone)
            List<PopulationBuilder> soak = new ArrayList<>();
            for (ScenarioBuilder s : List.of(province, commune, trainer, soakCadre, admin)) {
                soak.add(s.injectClosed(rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP)),
                        constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION))));
            }
            setUp(soak).protocols(protocol);
        } else if (Boolean.getBoolean("bench.loadOnly")) {
            setUp(all).protocols(protocol);
        } else if (Boolean.getBoolean("bench.singleOnly")) {
            setUp(after).protocols(protocol);
        } else {
            // the single-user runs start when the load has ended (a second closed run of the four roles, one user
            // each, would not do: andThen waits for every population of the first list)
            setUp(all[0].andThen(after), all[1], all[2], all[3]).protocols(protocol);
        }
    }

    // ---- data -----------------------------------------------------------------------------------------

    /** The role's bench accounts, one per virtual user, in turn (and the trainer's own 60-person session). */
    static java.util.Iterator<Map<String, Object>> accounts(String prefix, String extra) {
        List<Map<String, Object>> list = new ArrayList<>();
        String[] sessions = DATA.getProperty("sessions", "").split(",");
        for (int i = 1; i <= Integer.parseInt(DATA.getProperty("users", "10")); i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("user", String.format("%s%02d", prefix, i));
            if (extra != null) {
                m.put("sessionId", sessions[(i - 1) % sessions.length]);
            }
            list.add(m);
        }
        return new java.util.Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                synchronized (this) {
                    return list.get(next++ % list.size());
                }
            }
        };
    }

    private static final Map<Integer, byte[]> IMPORT_FILES = new HashMap<>();

    /** 10,000 new cadres across the hamlets listed in bench.properties, codes unique to this run and round. */
    static synchronized byte[] importFile(int round) {
        return IMPORT_FILES.computeIfAbsent(round, CadreSimulation::makeImportFile);
    }

    private static byte[] makeImportFile(int round) {
        String[] units = DATA.getProperty("importUnits").split(",");
        // BenchRaw's clean removes these cadres again: codes starting with BN, names "Đặng Thị Thử Tải …"
        String prefix = "BN" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase()
                + (char) ('A' + round);
        StringBuilder b = new StringBuilder("\uFEFF").append(DATA.getProperty("importHeader")).append("\r\n");
        String[] titles = {"PARTY_CELL_SECRETARY", "\"HAMLET_HEAD; FRONT_HEAD\"", "Bí thư chi đoàn thanh niên", ""};
        for (int i = 0; i < IMPORT_ROWS; i++) {
            String title = titles[i % titles.length];
            b.append(String.join(",", prefix + i, "Đặng Thị Thử Tải " + i, i % 2 == 0 ? "Nữ" : "Nam",
                    "0" + (1 + i % 28) + "/0" + (1 + i % 9) + "/19" + (60 + i % 40), i % 3 == 0 ? "Sán Dìu" : "Kinh",
                    "09" + String.format("%08d", i), "Trung học phổ thông", "Sơ cấp", "Có", "01/01/2015",
                    "0221" + String.format("%08d", i), units[i % units.length], title,
                    title.isEmpty() ? "" : "01/07/2025", "2025–2030", "Có")).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Properties load(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("bench.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("No bench.properties in " + dir + ": run setup/bench generate first", e);
        }
        return p;
    }
}
