package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.people.service.transfer.RosterColumn;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.testing.CrashActions;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.TestDatabase;
import vn.cadretraining.testing.Http;
import vn.cadretraining.testing.Server;

/**
 * Embedded Derby lives in the server's process, so the server dying is the crash (on PostgreSQL, the run's
 * second database, the server dies and the database server keeps what was committed: the same checks hold). The server (the built WAR
 * plus the test-only {@link CrashActions} client, on Payara Micro as setup/run starts it, on an on-disk data
 * folder) is killed with SIGKILL at a random moment while (a) a 10,000-row roster import, (b) attendance grid
 * saves, (c) closings of classes with certificates, (d) targets saves or (e) unit merges are in flight, then
 * started again on the same folder. After every restart, through the restarted server, and at the end, with
 * the server stopped, straight from the database files: every action the client saw confirmed is there, and
 * nothing is half-written (an import has all its rows or none, a grid and the targets are at their last
 * confirmed save or at the one in flight, a closed class has every outcome and one contiguous block of
 * certificate numbers while an open one has none, a merge is whole, its history carried, or absent).
 *
 * <p>The moments come from a seeded Random: the seed is printed, and {@code -Dcrash.seed=...} replays a run
 * ({@code -Dcrash.rounds=...} changes the number of rounds, the five actions in turn).
 */
class CrashIT {

    /**
     * Each action killed twice on Derby, where the kill takes the database down with the server; once on
     * PostgreSQL, whose server outlives the kill, so that only the application's transactions are under test
     * there. A round is a restart (about 14 s): more rounds find the same things more slowly.
     */
    private static final int ROUNDS = Integer.getInteger("crash.rounds", TestDatabase.postgres() ? 5 : 10);
    private static final int IMPORT_ROWS = 10_000;
    private static final String[] KINDS = {"import", "grid", "closing", "targets", "merge"};

    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<String> table = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    private Path data;
    private Path war;
    private Server server;
    private Http http;
    private int starts;

    private final List<ImportRun> imports = new ArrayList<>();
    private Grid grid;
    private final List<Closing> closings = new ArrayList<>();
    private Targets targets;
    private Merges merges;
    private Certificates certificates;
    private List<String> importUnits;

    @Test
    void killedAtRandomMomentsTheServerKeepsEveryConfirmedActionAndNothingHalfWritten() throws Exception {
        System.out.printf("CrashIT: seed %d (replay with -Dcrash.seed=%d), %d rounds%n", seed, seed, ROUNDS);
        long began = System.nanoTime();
        data = Files.createTempDirectory(Path.of("target"), "crash-");
        war = data.resolve("cadre-training-crash.war");
        Deployments.war().addClass(CrashActions.class).as(ZipExporter.class).exportTo(war.toFile(), true);
        // the demo province from the run's seed, as every test server gets it: the rounds test restarts, and
        // LifecycleIT a first start that loads the demo
        Deployments.copySeedTo(data.resolve("cadre"));
        try {
            start();
            Db db = new HttpDb();
            prepare(db);
            for (int round = 1; round <= ROUNDS; round++) {
                String kind = KINDS[(round - 1) % KINDS.length];
                String moment = switch (kind) {
                    case "import" -> importRound(round);
                    case "grid" -> grid.round(round);
                    case "closing" -> closingRound(round);
                    case "targets" -> targets.round(round);
                    default -> merges.round(round);
                };
                System.out.printf("CrashIT: round %d, %s, killed %s; restarting%n", round, kind, moment);
                boolean lockLeft = TestDatabase.postgres() || Files.exists(data.resolve("cadre/db.lck"));
                start();
                int before = violations.size();
                String found = check(new HttpDb(), kind, round);
                table.add(String.format("%5d | %-8s | %-58s | %s%s", round, kind, moment, found,
                        violations.size() > before ? "  ** VIOLATED" : "") + (lockLeft ? "" : "  (no db.lck after the kill?)"));
            }
            server.close();
            assertTrue(TestDatabase.postgres() || !Files.exists(data.resolve("cadre/db.lck")),
                    "the last stop shut Derby down");
            try (JdbcDb direct = new JdbcDb(data)) {
                String found = check(direct, "all", 0);
                table.add(String.format("%5s | %-8s | %-58s | %s", "end", "all", "server stopped, files read directly", found));
            }
        } finally {
            if (server != null) {
                server.process.destroyForcibly();
                server.process.waitFor();
            }
            System.out.printf("CrashIT: seed %d, %d starts, %d s%n", seed, starts, (System.nanoTime() - began) / 1_000_000_000);
            System.out.println("round | action   | kill moment                                                | found after the restart");
            table.forEach(System.out::println);
        }
        assertTrue(violations.isEmpty(), "seed " + seed + ": " + String.join("\n", violations));
        Files.delete(war);
    }

    // ---- the server --------------------------------------------------------------------------------------

    private void start() throws Exception {
        starts++;
        Path log = data.resolve(String.format("server-%02d.log", starts));
        // the JIT's first tier only: a start is about a quarter faster (19 → 14 s here), and a round's few actions
        // need no optimised code; the test restarts the server after every round
        server = Server.start(data, war, log, List.of("-XX:TieredStopAtLevel=1"));
        ProcessHandle.Info info = server.process.info();
        assertTrue(info.command().orElse("").endsWith("/java"), "the process killed is the JVM itself: " + info);
        assertEquals(0, server.process.descendants().count(), "no child process that a kill would leave running");
        String serverLog = Files.readString(log);
        // on PostgreSQL, Derby never starts and writes no log
        boolean derby = Files.exists(data.resolve("derby.log"));
        String derbyLog = derby ? Files.readString(data.resolve("derby.log")) : "";
        List<String> bad = new ArrayList<>();
        serverLog.lines().filter(l -> l.contains("SEVERE") || l.contains("ERROR XS") || l.contains("Derby")
                && l.contains("ERROR")).limit(3).forEach(bad::add);
        derbyLog.lines().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(3).forEach(bad::add);
        if (!bad.isEmpty()) {
            violations.add("start " + starts + " was not clean: " + bad);
        }
        if (derby) {
            Files.copy(data.resolve("derby.log"), data.resolve(String.format("derby-%02d.log", starts)));
        }
        http = new Http(server.url());
        assertEquals(302, http.signIn("admin", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
    }

    private void kill() throws InterruptedException {
        server.kill();
        server = null;
    }

    // ---- what the test works on, read once from the demo province -------------------------------------------

    private void prepare(Db db) {
        List<String[]> communes = db.rows("SELECT p.id, COUNT(*) FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id"
                + " WHERE u.valid_to IS NULL AND u.kind IN ('HAMLET','VILLAGE','QUARTER','RESIDENTIAL_GROUP')"
                + " GROUP BY p.id ORDER BY 2 DESC, 1");
        assertTrue(communes.size() >= 2, "the demo province has two communes with hamlets");
        // merges take place in the commune with most hamlets; imports go to the others' hamlets, so that a merge
        // never moves an import's cadres
        long mergeCommune = Long.parseLong(communes.get(0)[0]);
        importUnits = db.column("SELECT code FROM admin_unit WHERE valid_to IS NULL AND parent_id <> " + mergeCommune
                + " AND kind IN ('HAMLET','VILLAGE','QUARTER','RESIDENTIAL_GROUP') ORDER BY code");
        List<Long> hamlets = db.column("SELECT id FROM admin_unit WHERE valid_to IS NULL AND parent_id = " + mergeCommune
                + " ORDER BY id").stream().map(Long::valueOf).toList();
        merges = new Merges(db, hamlets.get(0), hamlets.subList(1, hamlets.size()));

        // the first session of the busiest running class; if it has not started yet (the test runs before 07:30 in
        // Vietnam), the grid takes only excused absences, and the saves give those
        String now = java.sql.Timestamp.valueOf(vn.cadretraining.shared.time.VietnamTime.now().withNano(0)).toString();
        String[] session = db.rows("SELECT s.id, s.class_id, CASE WHEN s.starts_at <= CAST('" + now + "' AS TIMESTAMP) THEN 1"
                + " ELSE 0 END FROM class_session s JOIN course_class c ON c.id = s.class_id"
                + " WHERE c.status = 'RUNNING' AND c.closed_at IS NULL AND s.cancelled = FALSE"
                + " ORDER BY c.enrolled_count DESC, s.starts_at").get(0);
        grid = new Grid(db, Long.parseLong(session[0]), Long.parseLong(session[1]), "1".equals(session[2]));

        targets = new Targets(db);
        certificates = new Certificates(db);
        // the class the demo left to close first, then closed ones reopened by the test's fixture
        closable = new ArrayList<>(db.column("SELECT c.id FROM course_class c JOIN course k ON k.id = c.course_id"
                + " WHERE c.status = 'FINISHED' AND k.issues_certificate = TRUE AND c.enrolled_count >= 5"
                + " ORDER BY CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END, c.id").stream().map(Long::valueOf).toList());
    }

    private List<Long> closable;

    // ---- checks --------------------------------------------------------------------------------------------

    /** Checks every action so far (all of them, not only this round's: a later crash must not lose earlier work). */
    private String check(Db db, String kind, int round) {
        List<String> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ImportRun run : imports) {
            String f = run.check(db, problems);
            if (run.round == round || kind.equals("all")) {
                found.add(f);
            }
        }
        String g = grid.check(db, problems);
        String t = targets.check(db, problems);
        String c = Closing.checkAll(db, closings, problems) + "; " + certificates.check(db, problems);
        String m = merges.check(db, problems);
        switch (kind) {
            case "grid" -> found.add(g);
            case "targets" -> found.add(t);
            case "closing" -> found.add(c);
            case "merge" -> found.add(m);
            case "all" -> {
                found.add(g);
                found.add(t);
                found.add(c);
                found.add(m);
            }
            default -> {
            }
        }
        problems.forEach(p -> violations.add((round == 0 ? "at the end" : "after round " + round) + ": " + p));
        return String.join("; ", found) + (problems.isEmpty() ? ", all invariants hold" : "");
    }

    // ---- (a) the import ---------------------------------------------------------------------------------

    private final class ImportRun {
        final int round;
        final String prefix;
        boolean confirmed;

        ImportRun(int round) {
            this.round = round;
            this.prefix = String.format("KT%02dN", round);
        }

        byte[] file() {
            StringBuilder csv = new StringBuilder("\uFEFF").append(RosterColumn.IMPORTED.stream().map(RosterColumn::header)
                    .collect(Collectors.joining(","))).append("\r\n");
            for (int i = 0; i < IMPORT_ROWS; i++) {
                csv.append(String.join(",", prefix + String.format("%05d", i), "Đặng Thị Sập Nguồn " + i,
                        i % 2 == 0 ? "Nữ" : "Nam", "0" + (1 + i % 9) + "/0" + (1 + i % 9) + "/19" + (60 + i % 40),
                        i % 3 == 0 ? "Sán Dìu" : "Kinh", "09" + String.format("%08d", i), "Trung học phổ thông", "Sơ cấp",
                        "Có", "01/01/2015", "", importUnits.get(i % importUnits.size()), "PARTY_CELL_SECRETARY",
                        "01/07/2025", "2025–2030", "Có")).append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** All the rows, each with its position and search words, or none at all. */
        String check(Db db, List<String> problems) {
            String like = " LIKE '" + prefix + "%'";
            long cadres = db.number("SELECT COUNT(*) FROM cadre WHERE code" + like);
            long positions = db.number("SELECT COUNT(*) FROM position p JOIN cadre c ON c.id = p.cadre_id WHERE c.code" + like);
            long words = db.number("SELECT COUNT(DISTINCT t.cadre_id) FROM cadre_search_token t JOIN cadre c ON c.id = t.cadre_id"
                    + " WHERE c.code" + like);
            boolean all = cadres == IMPORT_ROWS && positions == IMPORT_ROWS && words == IMPORT_ROWS;
            boolean none = cadres == 0 && positions == 0 && words == 0;
            if (!all && !none) {
                problems.add("import " + prefix + " half-written: " + cadres + " cadres, " + positions + " positions, "
                        + words + " with search words of " + IMPORT_ROWS);
            } else if (confirmed && !all) {
                problems.add("import " + prefix + " was confirmed but is not there");
            }
            return "import " + prefix + (all ? " all " + IMPORT_ROWS + " rows" : none ? " no row" : " " + cadres + " rows")
                    + (confirmed ? " (confirmed)" : "");
        }
    }

    /**
     * Uploads a 10,000-row file, applies it once checked, and kills the server: during the reading (f < 0),
     * during the writing once the share f of the rows is written (0 ≤ f < 1), or after the client saw it done.
     */
    private String importRound(int round) throws Exception {
        ImportRun run = new ImportRun(round);
        imports.add(run);
        double f = random.nextDouble() * 1.5 - 0.15;
        int jitter = random.nextInt(300);
        byte[] file = run.file();
        long t0 = System.nanoTime();
        HttpResponse<String> upload = http.post("/testing/crash/import?name=" + run.prefix + ".csv", "text/csv", file);
        assertEquals(200, upload.statusCode(), upload.body());
        String id = upload.body();
        long appliedAt = 0;
        String last = "";
        while (true) {
            String[] status = http.get("/testing/crash/import?id=" + id).body().split(" ");
            last = String.join(" ", status);
            String phase = status[0];
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (phase.equals("FAILED") || phase.equals("READY") && appliedAt > 0) {
                throw new AssertionError("the import failed: " + last);
            }
            if (f < 0 && (ms >= jitter || phase.equals("READY"))) {
                kill();
                return String.format("f=%.2f: at %d ms, while %s (not applied)", f, ms, phase);
            }
            if (phase.equals("READY")) {
                assertEquals("0", status[3], "no problem in the file");
                assertEquals(200, http.post("/testing/crash/import-apply?id=" + id, Map.of()).statusCode());
                appliedAt = System.nanoTime();
            } else if (phase.equals("WRITING") && f < 1 && Integer.parseInt(status[1]) >= f * IMPORT_ROWS) {
                Thread.sleep(jitter);
                long after = (System.nanoTime() - appliedAt) / 1_000_000;
                kill();
                return String.format("f=%.2f: %d ms into the writing (%s/%s rows seen, +%d ms)", f, after, status[1],
                        status[2], jitter);
            } else if (phase.equals("DONE")) {
                assertEquals(String.valueOf(IMPORT_ROWS), status[4], "every row inserted: " + last);
                run.confirmed = true;
                long took = (appliedAt - t0) / 1_000_000;
                long writing = (System.nanoTime() - appliedAt) / 1_000_000;
                Thread.sleep(jitter);
                kill();
                return String.format("f=%.2f: %d ms after done (checked %d ms, written %d ms)", f, jitter, took, writing);
            }
            Thread.sleep(25);
        }
    }

    // ---- streams of quick actions -----------------------------------------------------------------------

    /** Actions sent one after the other from a thread of their own until the server dies under them. */
    private static final class Stream extends Thread {
        final IntFunction<HttpResponse<String>> action;
        final int max;
        final List<Integer> confirmed = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final java.util.concurrent.CountDownLatch firstAnswer = new java.util.concurrent.CountDownLatch(1);
        volatile int inFlight = -1;
        volatile boolean stop;

        Stream(int max, IntFunction<HttpResponse<String>> action) {
            super("crash-client");
            this.max = max;
            this.action = action;
            setDaemon(true);
        }

        @Override
        public void run() {
            for (int i = 0; i < max && !stop; i++) {
                inFlight = i;
                HttpResponse<String> r;
                try {
                    r = action.apply(i);
                } catch (RuntimeException killed) {
                    return; // the connection died with the server: this one stays in flight
                }
                synchronized (this) {
                    if (r.statusCode() == 200) {
                        confirmed.add(i);
                    } else {
                        refused.add(i + ": " + r.statusCode() + " " + r.body());
                    }
                    inFlight = -1;
                }
                firstAnswer.countDown();
            }
        }

        synchronized int lastConfirmed() {
            return confirmed.isEmpty() ? -1 : confirmed.get(confirmed.size() - 1);
        }
    }

    /**
     * Starts the stream and kills the server: one time in five while the first action is in flight (the first
     * after a start is the slowest), otherwise a random delay after the first answer, so that the moment falls
     * among the actions however fast the machine is.
     */
    private String killDuring(Stream stream, int maxMs) throws Exception {
        boolean duringFirst = random.nextInt(5) == 0;
        int delay = random.nextInt(duringFirst ? 300 : maxMs);
        long t0 = System.nanoTime();
        stream.start();
        if (!duringFirst) {
            assertTrue(stream.firstAnswer.await(120, java.util.concurrent.TimeUnit.SECONDS), "the first action answered");
        }
        long first = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(delay);
        kill();
        stream.stop = true;
        stream.join(10_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!stream.refused.isEmpty()) {
            violations.add("refused while the server ran: " + stream.refused);
        }
        return String.format("at %d ms (%s +%d): %d confirmed, %s", ms, duringFirst ? "start" : "1st answer " + first + " ms",
                delay, stream.confirmed.size(), stream.inFlight >= 0 ? "#" + (stream.inFlight + 1) + " in flight" : "none in flight");
    }

    // ---- (b) attendance grid saves ------------------------------------------------------------------------

    private final class Grid {
        final long session;
        final long courseClass;
        final List<Long> enrolled;
        final boolean started;
        String state; // what the session's marks are known to be
        int next = 1;

        Grid(Db db, long session, long courseClass, boolean started) {
            this.session = session;
            this.courseClass = courseClass;
            this.started = started;
            this.enrolled = db.column("SELECT id FROM enrollment WHERE class_id = " + courseClass
                    + " AND status = 'ENROLLED' ORDER BY id").stream().map(Long::valueOf).toList();
            this.state = marks(db);
        }

        String marks(Db db) {
            return db.rows("SELECT enrollment_id, status, note FROM attendance_mark WHERE session_id = " + session
                    + " ORDER BY enrollment_id").stream().map(r -> String.join(" ", r)).collect(Collectors.joining("\n"));
        }

        /** Save k: every enrolled cadre marked, with its status by turn and the note "crash k". */
        String expected(int k) {
            return enrolled.stream().map(e -> e + " " + CrashActions.status(k, e, started)
                    + " crash " + k).collect(Collectors.joining("\n"));
        }

        List<String> allowed = new ArrayList<>();
        String allowedNames = "";

        String round(int round) throws Exception {
            int first = next;
            next += 1000;
            Stream stream = new Stream(1000, i -> http.post("/testing/crash/grid?session=" + session + "&k=" + (first + i) + "&started=" + started,
                    Map.of()));
            String moment = killDuring(stream, 1500);
            allowed = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int last = stream.lastConfirmed();
            if (last >= 0) {
                allowed.add(expected(first + last));
                names.add("save " + (first + last) + " (last confirmed)");
            } else {
                allowed.add(state);
                names.add("the grid as before");
            }
            if (stream.inFlight >= 0) {
                allowed.add(expected(first + stream.inFlight));
                names.add("save " + (first + stream.inFlight) + " (in flight)");
            }
            allowedNames = String.join(" or ", names);
            return "grid saves " + moment;
        }

        String check(Db db, List<String> problems) {
            String now = marks(db);
            if (allowed.isEmpty()) {
                allowed.add(state);
                allowedNames = "the grid as before";
            }
            int which = allowed.indexOf(now);
            if (which < 0) {
                problems.add("the grid of session " + session + " is none of: " + allowedNames + "; found:\n" + now);
                return "grid: VIOLATED";
            }
            state = now;
            String what = allowedNames.split(" or ")[which];
            allowed = new ArrayList<>(List.of(state));
            allowedNames = what;
            return "grid = " + what + " (" + enrolled.size() + " marks)";
        }
    }

    // ---- (c) closing classes with certificates --------------------------------------------------------------

    private static final class Closing {
        final long courseClass;
        boolean attempted;
        boolean confirmed;
        int issued = -1;

        Closing(long courseClass) {
            this.courseClass = courseClass;
        }

        /** Closed with every outcome and its certificates in one contiguous block, or open with none. */
        static String checkAll(Db db, List<Closing> closings, List<String> problems) {
            int closed = 0;
            int open = 0;
            long certs = 0;
            for (Closing c : closings) {
                String[] r = db.rows("SELECT CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END,"
                        + " (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = c.id AND e.status = 'ENROLLED'),"
                        + " (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = c.id AND e.status = 'ENROLLED' AND e.outcome IS NULL),"
                        + " (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = c.id AND e.status = 'ENROLLED' AND e.outcome = 'COMPLETED'),"
                        + " (SELECT COUNT(*) FROM certificate x WHERE x.class_id = c.id),"
                        + " (SELECT MIN(x.sequence_no) FROM certificate x WHERE x.class_id = c.id),"
                        + " (SELECT MAX(x.sequence_no) FROM certificate x WHERE x.class_id = c.id),"
                        + " (SELECT COUNT(DISTINCT x.year_no) FROM certificate x WHERE x.class_id = c.id),"
                        + " (SELECT COUNT(*) FROM certificate x JOIN enrollment e ON e.id = x.enrollment_id"
                        + " WHERE x.class_id = c.id AND (e.outcome IS NULL OR e.outcome <> 'COMPLETED'))"
                        + " FROM course_class c WHERE c.id = " + c.courseClass).get(0);
                boolean isClosed = r[0].equals("1");
                long enrolled = Long.parseLong(r[1]);
                long undecided = Long.parseLong(r[2]);
                long completed = Long.parseLong(r[3]);
                long count = Long.parseLong(r[4]);
                String what = "class " + c.courseClass + ": " + (isClosed ? "closed" : "open") + ", " + (enrolled - undecided)
                        + "/" + enrolled + " outcomes, " + count + " certificates for " + completed + " completed";
                if (isClosed) {
                    closed++;
                    certs += count;
                    boolean contiguous = count == 0 || Long.parseLong(r[6]) - Long.parseLong(r[5]) + 1 == count
                            && r[7].equals("1");
                    if (undecided != 0 || count != completed || !contiguous || !r[8].equals("0")) {
                        problems.add("half-closed: " + what + ", numbers " + r[5] + "-" + r[6] + " over " + r[7] + " years");
                    }
                    if (c.confirmed && c.issued != count) {
                        problems.add("confirmed with " + c.issued + " certificates, found " + what);
                    }
                } else {
                    open++;
                    if (undecided != enrolled || count != 0) {
                        problems.add("half-closed: " + what);
                    }
                    if (c.confirmed) {
                        problems.add("a confirmed closing is gone: " + what);
                    }
                }
            }
            return "closings: " + closed + " closed (" + certs + " certificates), " + open + " open, of "
                    + closings.size() + " classes";
        }
    }

    /**
     * The certificate numbers the test's closings took: for each issuer and year, exactly the numbers after the
     * counter's value at the start up to its value now, each once (no number lost, none handed out twice).
     */
    private static final class Certificates {
        final Map<String, Long> startedAt = new HashMap<>();

        Certificates(Db db) {
            for (String[] r : db.rows("SELECT issuer_code, year_no, last_number FROM certificate_counter")) {
                startedAt.put(r[0] + "-" + r[1], Long.parseLong(r[2]));
            }
        }

        String check(Db db, List<String> problems) {
            long issued = 0;
            for (String[] r : db.rows("SELECT issuer_code, year_no, last_number FROM certificate_counter")) {
                long from = startedAt.getOrDefault(r[0] + "-" + r[1], 0L);
                long to = Long.parseLong(r[2]);
                String[] got = db.rows("SELECT COUNT(*), COUNT(DISTINCT sequence_no), MIN(sequence_no), MAX(sequence_no)"
                        + " FROM certificate WHERE issuer_code = '" + r[0] + "' AND year_no = " + r[1]
                        + " AND sequence_no > " + from).get(0);
                long count = Long.parseLong(got[0]);
                issued += count;
                boolean exact = count == to - from && got[1].equals(got[0])
                        && (count == 0 || Long.parseLong(got[2]) == from + 1 && Long.parseLong(got[3]) == to);
                if (!exact) {
                    problems.add("certificate numbers " + r[0] + " " + r[1] + ": counter went from " + from + " to " + to
                            + " but the certificates above " + from + " are " + got[0] + " (" + got[1] + " distinct) from "
                            + got[2] + " to " + got[3]);
                }
            }
            return issued + " new numbers, contiguous from the counter's start";
        }
    }

    private String closingRound(int round) throws Exception {
        List<Closing> batch = new ArrayList<>();
        for (int i = 0; i < 6 && !closable.isEmpty(); i++) {
            Closing c = new Closing(closable.remove(0));
            HttpResponse<String> reopened = http.post("/testing/crash/reopen?class=" + c.courseClass, Map.of());
            assertEquals(200, reopened.statusCode(), reopened.body());
            batch.add(c);
            closings.add(c);
        }
        Stream stream = new Stream(batch.size(), i -> {
            batch.get(i).attempted = true;
            HttpResponse<String> r = http.post("/testing/crash/close?class=" + batch.get(i).courseClass, Map.of());
            if (r.statusCode() == 200) {
                batch.get(i).confirmed = true;
                batch.get(i).issued = Integer.parseInt(r.body().strip());
            }
            return r;
        });
        return "closings " + killDuring(stream, 1200);
    }

    // ---- (d) targets saves --------------------------------------------------------------------------------

    private final class Targets {
        final int year;
        final List<Long> units;
        final List<Long> groups;
        String state;
        List<String> allowed = new ArrayList<>();
        String allowedNames = "the targets as before";
        int next = 1;

        Targets(Db db) {
            // the server's year in Vietnam (YEAR() is Derby's, EXTRACT PostgreSQL's)
            year = vn.cadretraining.shared.time.VietnamTime.today().getYear();
            units = db.column("SELECT id FROM admin_unit WHERE valid_to IS NULL AND (parent_id IS NULL"
                    + " OR parent_id IN (SELECT id FROM admin_unit WHERE parent_id IS NULL)) ORDER BY id")
                    .stream().map(Long::valueOf).toList();
            groups = db.column("SELECT id FROM subject_group WHERE active = TRUE ORDER BY id").stream()
                    .map(Long::valueOf).toList();
            state = values(db);
        }

        String values(Db db) {
            return db.rows("SELECT unit_id, measure, dimension_id, target_value FROM training_target WHERE year_no = "
                    + year + " AND measure IN (" + CrashActions.TARGET_MEASURES.stream().map(m -> "'" + m + "'")
                    .collect(Collectors.joining(",")) + ") AND unit_id IN (" + units.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ")").stream().map(r -> String.join(" ", r)).sorted()
                    .collect(Collectors.joining("\n"));
        }

        String expected(int k) {
            Set<String> lines = new TreeSet<>();
            for (long unit : units) {
                for (Measure m : CrashActions.TARGET_MEASURES) {
                    for (long d : m.hasDimension() ? groups : List.of(0L)) {
                        lines.add(unit + " " + m + " " + d + " " + CrashActions.targetValue(k, unit, m, d));
                    }
                }
            }
            return String.join("\n", lines);
        }

        String round(int round) throws Exception {
            int first = next;
            next += 1000;
            Stream stream = new Stream(1000, i -> http.post("/testing/crash/targets?year=" + year + "&k=" + (first + i),
                    Map.of()));
            String moment = killDuring(stream, 1500);
            allowed = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int last = stream.lastConfirmed();
            if (last >= 0) {
                allowed.add(expected(first + last));
                names.add("save " + (first + last) + " (last confirmed)");
            } else {
                allowed.add(state);
                names.add("the targets as before");
            }
            if (stream.inFlight >= 0) {
                allowed.add(expected(first + stream.inFlight));
                names.add("save " + (first + stream.inFlight) + " (in flight)");
            }
            allowedNames = String.join(" or ", names);
            return "targets saves " + moment;
        }

        String check(Db db, List<String> problems) {
            String now = values(db);
            if (allowed.isEmpty()) {
                allowed.add(state);
            }
            int which = allowed.indexOf(now);
            if (which < 0) {
                problems.add("the targets of " + year + " are none of: " + allowedNames + "; found:\n" + now);
                return "targets: VIOLATED";
            }
            state = now;
            String what = allowedNames.split(" or ")[which];
            allowed = new ArrayList<>(List.of(state));
            allowedNames = what;
            return "targets = " + what + " (" + now.lines().count() + " cells)";
        }
    }

    // ---- (e) unit merges ------------------------------------------------------------------------------------

    private final class Merges {
        final long target;
        final List<Long> waiting;
        final long extendedBefore;
        final Map<Long, Merge> bySource = new HashMap<>();

        /** A hamlet merged into the target, with its roster and the positions held there before. */
        final class Merge {
            final long source;
            final List<String> cadres;
            final List<String[]> positions;
            boolean confirmed;

            Merge(Db db, long source) {
                this.source = source;
                this.cadres = db.column("SELECT id FROM cadre WHERE unit_id = " + source);
                this.positions = db.rows("SELECT id, cadre_id, title_id FROM position WHERE unit_id = " + source
                        + " AND end_date IS NULL");
            }
        }

        Merges(Db db, long target, List<Long> sources) {
            this.target = target;
            this.waiting = new ArrayList<>(sources);
            this.extendedBefore = db.number("SELECT COUNT(*) FROM unit_change WHERE unit_id = " + target
                    + " AND kind = 'EXTENDED'");
        }

        String round(int round) throws Exception {
            List<Merge> batch = new ArrayList<>();
            for (int i = 0; i < 7 && !waiting.isEmpty(); i++) {
                Merge m = new Merge(new HttpDb(), waiting.remove(0));
                batch.add(m);
                bySource.put(m.source, m);
            }
            Stream stream = new Stream(batch.size(), i -> {
                HttpResponse<String> r = http.post("/testing/crash/merge?source=" + batch.get(i).source + "&target="
                        + target, Map.of());
                if (r.statusCode() == 200) {
                    batch.get(i).confirmed = true;
                }
                return r;
            });
            return "merges " + killDuring(stream, 1500);
        }

        /** Merged whole (closed, successor, history, roster and positions carried) or not at all. */
        String check(Db db, List<String> problems) {
            int merged = 0;
            int positions = 0;
            int cadres = 0;
            for (Merge m : bySource.values()) {
                String[] u = db.rows("SELECT CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, successor_id, current_unit_id,"
                        + " (SELECT COUNT(*) FROM unit_change c WHERE c.unit_id = u.id AND c.kind = 'MERGED'),"
                        + " (SELECT COUNT(*) FROM cadre c WHERE c.unit_id = u.id),"
                        + " (SELECT COUNT(*) FROM position p WHERE p.unit_id = u.id AND p.end_date IS NULL)"
                        + " FROM admin_unit u WHERE u.id = " + m.source).get(0);
                boolean isMerged = u[0].equals("1");
                String ids = m.cadres.isEmpty() ? "-1" : String.join(",", m.cadres);
                long cadresAtTarget = db.number("SELECT COUNT(*) FROM cadre WHERE unit_id = " + target + " AND id IN (" + ids + ")");
                long ended = 0;
                long carried = 0;
                if (!m.positions.isEmpty()) {
                    ended = db.number("SELECT COUNT(*) FROM position WHERE end_date IS NOT NULL AND id IN ("
                            + m.positions.stream().map(p -> p[0]).collect(Collectors.joining(",")) + ")");
                    Set<String> atTarget = new LinkedHashSet<>(db.rows("SELECT cadre_id, title_id FROM position WHERE unit_id = "
                            + target + " AND end_date IS NULL AND cadre_id IN (" + m.positions.stream().map(p -> p[1])
                            .collect(Collectors.joining(",")) + ")").stream().map(r -> r[0] + " " + r[1]).toList());
                    carried = m.positions.stream().filter(p -> atTarget.contains(p[1] + " " + p[2])).count();
                }
                String what = "hamlet " + m.source + ": " + (isMerged ? "closed" : "in service") + ", successor " + u[1]
                        + ", " + u[3] + " merge records, " + u[4] + " cadres left, " + u[5] + " positions open there, "
                        + cadresAtTarget + "/" + m.cadres.size() + " cadres and " + carried + "/" + m.positions.size()
                        + " positions carried";
                if (isMerged) {
                    merged++;
                    positions += m.positions.size();
                    cadres += m.cadres.size();
                    boolean whole = u[1].equals(String.valueOf(target)) && u[2].equals(String.valueOf(target))
                            && u[3].equals("1") && u[4].equals("0") && u[5].equals("0")
                            && cadresAtTarget == m.cadres.size() && carried == m.positions.size() && ended == m.positions.size();
                    if (!whole) {
                        problems.add("half-merged: " + what);
                    }
                } else {
                    boolean untouched = u[1].equals("\\N") && u[2].equals(String.valueOf(m.source)) && u[3].equals("0")
                            && u[4].equals(String.valueOf(m.cadres.size())) && ended == 0;
                    if (!untouched) {
                        problems.add("half-merged: " + what);
                    }
                    if (m.confirmed) {
                        problems.add("a confirmed merge is gone: " + what);
                    }
                }
            }
            long extended = db.number("SELECT COUNT(*) FROM unit_change WHERE unit_id = " + target + " AND kind = 'EXTENDED'")
                    - extendedBefore;
            if (extended != merged) {
                problems.add("the successor has " + extended + " extension records for " + merged + " merges");
            }
            return "merges: " + merged + " whole (" + cadres + " cadres, " + positions + " positions carried), "
                    + (bySource.size() - merged) + " absent";
        }
    }

    // ---- reading the database ---------------------------------------------------------------------------------

    /** Rows of a query, as strings (NULL as "\N"). */
    private interface Db {
        List<String[]> rows(String sql);

        default List<String> column(String sql) {
            return rows(sql).stream().map(r -> r[0]).toList();
        }

        default long number(String sql) {
            return Long.parseLong(rows(sql).get(0)[0]);
        }
    }

    /** Through the restarted server. */
    private final class HttpDb implements Db {
        @Override
        public List<String[]> rows(String sql) {
            HttpResponse<String> r = http.get("/testing/crash/sql?q=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), () -> sql + ": " + r.body());
            return r.body().lines().map(l -> l.split("\t", -1)).toList();
        }
    }

    /** Straight from the files, with the server stopped, by the embedded driver in this JVM. */
    private static final class JdbcDb implements Db, AutoCloseable {
        private final String url;
        private final Connection connection;

        JdbcDb(Path data) throws SQLException {
            url = TestDatabase.postgres() ? null : "jdbc:derby:" + data.resolve("cadre").toAbsolutePath();
            connection = url == null ? TestDatabase.connect() : DriverManager.getConnection(url);
        }

        @Override
        public List<String[]> rows(String sql) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        Object v = rs.getObject(i + 1);
                        row[i] = v == null ? "\\N" : v.toString();
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
            if (url == null) {
                return;
            }
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a database shut down as an exception (08006)
            }
        }
    }
}
