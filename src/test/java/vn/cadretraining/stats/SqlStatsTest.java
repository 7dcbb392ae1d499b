package vn.cadretraining.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassfish.api.jdbc.SQLTraceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqlStatsTest {

    @AfterEach
    void clear() {
        SqlStats.reset();
    }

    @Test
    void theListenerCountsEachExecutionOnly() {
        SqlStatsListener listener = new SqlStatsListener();
        SqlStats.begin();
        for (String method : new String[] {"prepareStatement", "setLong", "executeQuery", "next", "executeBatch",
            "addBatch", "execute", "executeUpdate", "close"}) {
            SQLTraceRecord record = new SQLTraceRecord();
            record.setMethodName(method);
            listener.sqlTrace(record);
        }
        assertEquals(4, SqlStats.end("POST /attendance/session.xhtml"));
    }

    @Test
    void countsEachRequestUnderItsKey() {
        SqlStats.begin();
        SqlStats.increment();
        SqlStats.increment();
        assertEquals(2, SqlStats.end("GET /reports/dashboard.xhtml"));
        SqlStats.begin();
        SqlStats.increment();
        SqlStats.increment();
        SqlStats.increment();
        SqlStats.increment();
        assertEquals(4, SqlStats.end("GET /reports/dashboard.xhtml"));
        SqlStats.increment(); // no request on this thread
        String report = SqlStats.report();
        assertTrue(report.contains("GET /reports/dashboard.xhtml\t2\t6\t3.0\t2\t4\n"), report);
        assertTrue(report.contains("(background)\t1\t1\t1.0\t1\t1\n"), report);
    }

    @Test
    void servedToTheMachineItselfOnly() {
        assertTrue(SqlStatsServlet.loopback("127.0.0.1"));
        assertTrue(SqlStatsServlet.loopback("0:0:0:0:0:0:0:1"));
        assertFalse(SqlStatsServlet.loopback("192.0.2.10"));
        assertFalse(SqlStatsServlet.loopback(null));
    }
}
