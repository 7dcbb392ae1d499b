package vn.cadretraining.certification.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import vn.cadretraining.shared.service.Database;

/**
 * Certificate numbers, handed out in blocks under the counter row's lock: the UPDATE that advances it locks
 * the row until the closing transaction ends, so a second class closing at the same moment waits and gets
 * the numbers after. The row for a new year is made first in a transaction of its own, so that two first
 * closings of a year do not both try to create it in theirs.
 */
@Stateless
@PermitAll
public class CertificateCounters {

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateCounters self;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Reserves {@code count} numbers and returns the first. */
    public int reserve(String issuer, int year, int count) {
        self.ensure(issuer, year);
        em.createNativeQuery("UPDATE certificate_counter SET last_number = last_number + ? WHERE issuer_code = ? AND year_no = ?")
                .setParameter(1, count).setParameter(2, issuer).setParameter(3, year).executeUpdate();
        Number last = (Number) em.createNativeQuery(
                "SELECT last_number FROM certificate_counter WHERE issuer_code = ? AND year_no = ?")
                .setParameter(1, issuer).setParameter(2, year).getSingleResult();
        return last.intValue() - count + 1;
    }

    /** Outside any transaction, on a connection of its own that commits at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ensure(String issuer, int year) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COUNT(*) FROM certificate_counter WHERE issuer_code = ? AND year_no = ?")) {
                q.setString(1, issuer);
                q.setInt(2, year);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO certificate_counter (issuer_code, year_no, last_number) VALUES (?, ?, 0)")) {
                insert.setString(1, issuer);
                insert.setInt(2, year);
                insert.executeUpdate();
            } catch (SQLException raced) {
                // made by a closing at the same moment: the row exists, which is all that is needed
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The certificate counter cannot be prepared", e);
        }
    }
}
