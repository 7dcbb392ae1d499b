package vn.cadretraining.stats;

import org.glassfish.api.jdbc.SQLTraceListener;
import org.glassfish.api.jdbc.SQLTraceRecord;

/**
 * Payara's connection pool calls it after each JDBC call it hands out (named in the data source's
 * {@code fish.payara.sql-trace-listeners}, see {@code Database}): each execution is a statement sent (a JDBC batch
 * counts once: it is one round trip).
 */
public class SqlStatsListener implements SQLTraceListener {

    @Override
    public void sqlTrace(SQLTraceRecord record) {
        if (record.getMethodName() != null && record.getMethodName().startsWith("execute")) {
            SqlStats.count();
        }
    }
}
