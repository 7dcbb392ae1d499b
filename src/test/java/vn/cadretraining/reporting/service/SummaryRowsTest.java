package vn.cadretraining.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
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
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V12__progress_summaries.sql"),
                    StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
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
