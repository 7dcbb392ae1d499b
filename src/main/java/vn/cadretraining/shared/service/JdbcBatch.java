package vn.cadretraining.shared.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * One statement run for many rows in a single JDBC batch, on the connection of the running transaction: a
 * write that touches every row of a grid costs one round trip instead of one per row (EclipseLink cannot
 * batch inserts into identity columns). Rows written this way bypass the persistence context: callers write
 * only rows they do not also change through entities in the same transaction.
 */
public final class JdbcBatch {

    private JdbcBatch() {
    }

    /**
     * Runs the statement once per row; {@code types} are the {@link java.sql.Types} of the parameters (for
     * nulls). An Instant is stored as JPA stores it here ({@code InstantConverter}), an enum by its name.
     */
    public static int[] run(EntityManager em, String sql, int[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object value = row[i];
                    if (value == null) {
                        statement.setNull(i + 1, types[i]);
                    } else if (value instanceof Instant instant) {
                        statement.setTimestamp(i + 1, Timestamp.from(instant));
                    } else if (value instanceof Enum<?> constant) {
                        statement.setString(i + 1, constant.name());
                    } else {
                        statement.setObject(i + 1, value, types[i]);
                    }
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Runs a versioned update or delete ("... WHERE id = ? AND version = ?") and fails, rolling the transaction
     * back, when a row was changed meanwhile, as an entity's optimistic lock would.
     */
    public static void runVersioned(EntityManager em, String sql, int[] types, List<Object[]> rows) {
        for (int count : run(em, sql, types, rows)) {
            if (count == 0) {
                throw new OptimisticLockException("a row was changed meanwhile: " + sql);
            }
        }
    }
}
