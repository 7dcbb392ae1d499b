package vn.cadretraining.shared.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * Values the application keeps for itself in the database, such as secrets that must survive a restart.
 * A secret is made (32 random bytes) the first time it is asked for, in its own transaction.
 */
@Stateless
@PermitAll
public class AppSettings {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String secret(String name) {
        try (Connection c = dataSource.getConnection()) {
            String existing = read(c, name);
            if (existing != null) {
                return existing;
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = Base64.getEncoder().encodeToString(bytes);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_setting (name, value) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
                return value;
            } catch (SQLException raced) {
                // another thread made it first: use theirs
                String theirs = read(c, name);
                if (theirs != null) {
                    return theirs;
                }
                throw raced;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The setting " + name + " cannot be read", e);
        }
    }

    private static String read(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM app_setting WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
