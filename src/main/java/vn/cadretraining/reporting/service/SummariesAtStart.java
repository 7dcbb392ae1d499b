package vn.cadretraining.reporting.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.cadretraining.shared.service.Database;

/**
 * Fills the progress summaries once on a database whose records are older than them (the first start after the
 * upgrade that added them): empty summaries beside completed enrollments are counted from the records. Later
 * starts find them filled and do nothing; the generated demo province counts its own.
 */
@Startup
@Singleton
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
public class SummariesAtStart {

    private static final Logger LOG = Logger.getLogger(SummariesAtStart.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void fill() {
        try (Connection c = dataSource.getConnection()) {
            // the tables added later (the title holders', the briefings', the petitions') are filled at the first
            // start after they appear
            boolean people = exists(c, "SELECT 1 FROM progress_people")
                    || !exists(c, SummaryRows.completions(""), SummaryRows::bindCompletions);
            boolean holders = exists(c, "SELECT 1 FROM progress_holders") || !exists(c, "SELECT 1 FROM position");
            boolean briefings = exists(c, "SELECT 1 FROM progress_briefing_class")
                    || !exists(c, BriefingRows.HELD, BriefingRows::bindHeld);
            boolean petitions = exists(c, "SELECT 1 FROM progress_petitions") || !exists(c, PetitionRows.ANY);
            if (people && holders && briefings && petitions) {
                return;
            }
            c.setAutoCommit(false);
            try {
                Recounter.run(c, true);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // the rest of the product does not need them: it starts, and the dashboards show what the rows hold
            // until an operator repairs them
            LOG.log(Level.SEVERE, "The progress summaries could not be counted at start; run setup/recount --repair", e);
        }
    }

    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        return exists(c, sql, s -> { });
    }

    private static boolean exists(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
