package vn.cadretraining.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cadretraining.reporting.entity.ProgressDelta;

/** The summary rows' upkeep on an in-memory Derby holding only the summary tables. */
class SummaryRowsTest {

    private static final String URL = "jdbc:derby:memory:summaryrows";

    @BeforeEach
    void tables() throws Exception {
        try (Connection c = DriverManager.getConnection(URL + ";create=true"); Statement s = c.createStatement()) {
            // the records' columns the recount reads, empty: every summary row here is one no record backs
            s.execute("CREATE TABLE admin_unit (id BIGINT PRIMARY KEY, path VARCHAR(400), current_unit_id BIGINT,"
                    + " parent_id BIGINT, valid_to DATE)");
            s.execute("CREATE TABLE cadre (id BIGINT PRIMARY KEY, ethnicity_code VARCHAR(20), gender VARCHAR(10))");
            s.execute("CREATE TABLE course (id BIGINT PRIMARY KEY, subject_group_id BIGINT, kind VARCHAR(30))");
            s.execute("CREATE TABLE course_class (id BIGINT PRIMARY KEY, course_id BIGINT, unit_id BIGINT,"
                    + " status VARCHAR(20), start_date DATE, end_date DATE)");
            s.execute("CREATE TABLE class_session (id BIGINT PRIMARY KEY, cancelled BOOLEAN)");
            s.execute("CREATE TABLE attendance_mark (id BIGINT PRIMARY KEY, enrollment_id BIGINT, session_id BIGINT,"
                    + " status VARCHAR(20))");
            s.execute("CREATE TABLE enrollment (id BIGINT PRIMARY KEY, cadre_id BIGINT, class_id BIGINT,"
                    + " unit_id BIGINT, outcome VARCHAR(20), status VARCHAR(20))");
            s.execute("CREATE TABLE position_title (id BIGINT PRIMARY KEY, paid BOOLEAN)");
            s.execute("CREATE TABLE position (id BIGINT PRIMARY KEY, cadre_id BIGINT, title_id BIGINT, unit_id BIGINT,"
                    + " start_date DATE, end_date DATE, term VARCHAR(40), term_start DATE)");
            s.execute("CREATE TABLE petition (id BIGINT PRIMARY KEY, hamlet_id BIGINT, received_on DATE,"
                    + " field VARCHAR(20), state VARCHAR(20), reopened_on DATE, transferred_on DATE, answered_on DATE,"
                    + " commune_path VARCHAR(400), due_on DATE)");
            for (String file : new String[] {"V12__progress_summaries.sql", "V17__progress_holders.sql",
                "V18__progress_briefings.sql", "V19__progress_holders_totals.sql", "V20__progress_petitions.sql",
                "V22__progress_unit_year.sql", "V23__progress_by_parent.sql"}) {
                String sql = Files.readString(Path.of("src/main/resources/db/migration/" + file), StandardCharsets.UTF_8)
                        .replaceAll("(?m)^--.*$", "");
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
    }

    @AfterEach
    void drop() {
        try {
            DriverManager.getConnection(URL + ";drop=true");
        } catch (SQLException expected) {
            // Derby says it dropped the database by an exception
        }
    }

    /**
     * Two closings: the second changes the summaries only once the first has committed, so neither can insert a
     * key the other is inserting (on PostgreSQL the second would fail on it). Keys of two provinces here: with
     * one shared key Derby's row locks would make the second wait anyway.
     */
    @Test
    void aSecondChangeOfTheSummariesWaitsForTheFirstToCommit() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection first = open(); Connection second = open()) {
            SummaryRows.serialize(first);
            SummaryRows.apply(first, closing(1L, "/1/2/"));
            Future<?> closing = other.submit(() -> {
                SummaryRows.serialize(second);
                SummaryRows.apply(second, closing(2L, "/5/6/"));
                second.commit();
                return null;
            });
            boolean waited;
            try {
                closing.get(2, TimeUnit.SECONDS);
                waited = false;
            } catch (TimeoutException e) {
                waited = true;
            }
            first.commit();
            closing.get(30, TimeUnit.SECONDS);
            assertTrue(waited, "the second change went on while the first was not committed");
            try (Statement s = first.createStatement();
                    ResultSet r = s.executeQuery("SELECT unit_id, turns, cadres FROM progress_people ORDER BY unit_id")) {
                for (long unit : new long[] {1, 2, 5, 6}) {
                    r.next();
                    assertEquals(unit, r.getLong(1));
                    assertEquals(1, r.getInt(2), "a turn under " + unit);
                    assertEquals(1, r.getInt(3), "a cadre under " + unit);
                }
                assertFalse(r.next());
            }
            first.commit();
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * A recount started while a closing is under way waits for it, then finds nothing to repair: it locks the
     * tables in the order the changes take them (taking another table first, it held what the closing needed next
     * while waiting for what the closing held: a deadlock).
     */
    @Test
    void aRecountDuringAChangeWaitsForItInsteadOfDeadlocking() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '2')");
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '20')");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection closing = open(); Connection recounting = open()) {
            SummaryRows.serialize(closing);
            Future<Recounter.Report> recount = other.submit(() -> {
                try {
                    return Recounter.run(recounting, false);
                } finally {
                    recounting.rollback();
                }
            });
            Thread.sleep(1_000);
            SummaryRows.apply(closing, closing(1L, "/1/2/"));
            closing.commit();
            Recounter.Report report = recount.get(30, TimeUnit.SECONDS);
            // people: a pair and its unit's sum (V22), for the commune and the province
            assertEquals(List.of(2, 2, 4), List.of(report.turns(), report.cadres(), report.people()),
                    "the closing's rows, which no record here backs, are seen whole, after its commit");
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * On Derby a read waits for a row another transaction changed: a recount holding the summary tables while
     * reading the outcomes a closing has just written, and the closing waiting for the summary tables, deadlocked.
     * The recount takes the records' tables first, in the order the changes take them, and waits for the closing.
     */
    @Test
    void aRecountWaitsForAClosingThatHasWrittenItsOutcomesOnDerby() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '2')");
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '20')");
            s.execute("INSERT INTO admin_unit (id, path, current_unit_id) VALUES (1, '/1/', 1), (2, '/1/2/', 2)");
            s.execute("INSERT INTO cadre VALUES (1, 'KINH', 'MALE')");
            s.execute("INSERT INTO course VALUES (1, 7, 'TRAINING_COURSE')");
            s.execute("INSERT INTO course_class (id, course_id, end_date) VALUES (1, 1, '2026-03-15')");
            s.execute("INSERT INTO enrollment VALUES (1, 1, 1, 2, NULL, 'ENROLLED')");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection closing = open(); Connection recounting = open()) {
            try (Statement s = closing.createStatement()) {
                s.executeUpdate("UPDATE course_class SET end_date = end_date WHERE id = 1");
                s.executeUpdate("UPDATE enrollment SET outcome = 'COMPLETED' WHERE id = 1");
            }
            Future<Recounter.Report> recount = other.submit(() -> {
                try {
                    return Recounter.run(recounting, false);
                } finally {
                    recounting.rollback();
                }
            });
            Thread.sleep(1_000);
            SummaryRows.serialize(closing);
            SummaryRows.apply(closing, closing(1L, "/1/2/"));
            closing.commit();
            assertEquals(0, recount.get(30, TimeUnit.SECONDS).differences(), "the closing counted, seen whole");
        } finally {
            other.shutdownNow();
        }
    }

    /** Counted one year at a time, the recount finds and repairs each year's rows, and those of no year counted. */
    @Test
    void theRecountFindsAndRepairsTheRowsOfEveryYear() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO admin_unit (id, path, current_unit_id) VALUES (1, '/1/', 1), (2, '/1/2/', 2)");
            s.execute("INSERT INTO cadre VALUES (1, 'KINH', 'MALE'), (2, NULL, 'FEMALE')");
            s.execute("INSERT INTO course VALUES (1, 7, 'TRAINING_COURSE'), (2, 7, 'PERIODIC_BRIEFING')");
            s.execute("INSERT INTO course_class (id, course_id, end_date) VALUES (1, 1, '2024-05-10'), (2, 1, '2025-03-01'),"
                    + " (3, 2, '2023-03-01')");
            s.execute("INSERT INTO enrollment VALUES (1, 1, 1, 2, 'COMPLETED', 'ENROLLED'),"
                    + " (2, 2, 2, 2, 'COMPLETED', 'ENROLLED'), (3, 1, 2, 2, 'COMPLETED', 'ENROLLED'),"
                    + " (4, 2, 3, 2, 'COMPLETED', 'ENROLLED'), (5, 2, 1, 2, 'NOT_COMPLETED', 'ENROLLED')");
            Recounter.Report first = Recounter.run(c, true);
            assertEquals(List.of(4, 6, 10), List.of(first.turns(), first.cadres(), first.people()),
                    "2024 (one cadre) and 2025 (two), the commune and the province (6 pairs, 4 yearly sums); not the"
                            + " briefing of 2023");
            c.commit();
            assertEquals(0, Recounter.run(c, false).differences());
            try (ResultSet r = s.executeQuery("SELECT turns, cadres FROM progress_people WHERE unit_id = 1"
                    + " AND year_no = 2025 AND ethnicity_code = '' AND gender = 'FEMALE'")) {
                assertTrue(r.next());
                assertEquals(List.of(1, 1), List.of(r.getInt(1), r.getInt(2)));
            }
            s.execute("INSERT INTO progress_turns VALUES (1, '2019-06-01', 7, 5)");
            s.execute("INSERT INTO progress_cadre VALUES (9, 2019, 1, 1, '', 'MALE')");
            s.execute("UPDATE progress_people SET turns = 3 WHERE unit_id = 1 AND year_no = 2024");
            c.commit();
            Recounter.Report broken = Recounter.run(c, false);
            assertEquals(List.of(1, 1, 1), List.of(broken.turns(), broken.cadres(), broken.people()), "2019 and 2024");
            assertEquals(3, Recounter.run(c, true).differences());
            c.commit();
            assertEquals(0, Recounter.run(c, false).differences(), "repaired");
            c.commit();
        }
    }

    @Test
    void aDeadlockOrALockWaitTimedOutIsBusyAnyOtherFailureIsNot() {
        assertTrue(ProgressRecount.busy(new SQLException("deadlock", "40P01")));
        assertTrue(ProgressRecount.busy(new SQLException("wrapped", "XJ001", new SQLException("timeout", "40XL1"))));
        SQLException chained = new SQLException("batch", "XJ001");
        chained.setNextException(new SQLException("deadlock", "40001"));
        assertTrue(ProgressRecount.busy(chained));
        assertFalse(ProgressRecount.busy(new SQLException("no such table", "42X05")));
    }

    /**
     * PostgreSQL's driver with reWriteBatchedInserts (the bench's data generator) says SUCCESS_NO_INFO for every
     * INSERT of a batch; the counts are read only from the UPDATEs, where it gives them.
     */
    @Test
    void insertsWhoseCountsTheDriverDoesNotGiveAreWritten() throws Exception {
        try (Connection real = open()) {
            Connection rewriting = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("prepareStatement")
                                && ((String) args[0]).startsWith("INSERT")) {
                            PreparedStatement s = (PreparedStatement) result;
                            return Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                        Object r = m.invoke(s, a);
                                        if (m.getName().equals("executeBatch")) {
                                            int[] counts = (int[]) r;
                                            Arrays.fill(counts, Statement.SUCCESS_NO_INFO);
                                        }
                                        return r;
                                    });
                        }
                        return result;
                    });
            SummaryRows.serialize(rewriting);
            SummaryRows.apply(rewriting, closing(1L, "/1/2/"));
            SummaryRows.apply(rewriting, closing(2L, "/1/3/"));
            real.commit();
            try (Statement s = real.createStatement();
                    ResultSet r = s.executeQuery("SELECT SUM(turns) FROM progress_turns WHERE unit_id = 1")) {
                r.next();
                assertEquals(2, r.getInt(1));
            }
            real.commit();
        }
    }

    /** The operator's command tells a recount that could not run (3) from one that found differences (1). */
    @Test
    void theCommandExitsWithThreeWhenTheRecountCannotRun() {
        assertEquals(3, Recounter.command(List.of(), Map.of("DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
                "DB_SERVER", "127.0.0.1", "DB_PORT", "1")), "no database listening");
    }

    /**
     * Each row a table of units reads by parent is inserted with its unit's parent (V23); a unit moved takes its
     * rows with it; a row whose parent is wrong is a difference the recount finds and repairs.
     */
    @Test
    void theRowsReadByParentCarryTheirUnitsParent() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO admin_unit (id, path, current_unit_id, parent_id) VALUES (1, '/1/', 1, NULL),"
                    + " (2, '/1/2/', 2, 1), (3, '/1/3/', 3, 1), (4, '/1/2/4/', 4, 2)");
            SummaryRows.serialize(c);
            SummaryRows.apply(c, closing(1L, "/1/2/4/"));
            assertEquals(List.of("1:0", "2:1", "4:2"), parents(c), "inserted with their unit's parent");

            s.executeUpdate("UPDATE admin_unit SET parent_id = 3, path = '/1/3/4/' WHERE id = 4");
            SummaryRows.moved(c, 4);
            assertEquals(List.of("1:0", "2:1", "4:3"), parents(c), "the moved hamlet's rows under its new commune");

            s.executeUpdate("UPDATE progress_unit_year SET parent_id = 2 WHERE unit_id = 4");
            assertEquals(1, SummaryRows.wrongParents(c, false)[0], "found");
            assertEquals(1, SummaryRows.wrongParents(c, true)[0], "repaired");
            assertEquals(List.of("1:0", "2:1", "4:3"), parents(c));
            assertEquals(0, SummaryRows.wrongParents(c, false)[0]);
            c.rollback();
        }
    }

    /** Each row of progress_unit_year as "unit:parent", by unit. */
    private static List<String> parents(Connection c) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT unit_id, parent_id FROM progress_unit_year ORDER BY unit_id")) {
            while (r.next()) {
                found.add(r.getLong(1) + ":" + r.getLong(2));
            }
        }
        return found;
    }

    private static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(URL);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** A cadre's completion, the first of the year under these units (the province's included). */
    private static ProgressDelta closing(long cadreId, String path) {
        ProgressDelta delta = new ProgressDelta();
        delta.completion(cadreId, path, LocalDate.of(2026, 3, 15), 7L, "KINH", "MALE", 1);
        return delta;
    }
}
