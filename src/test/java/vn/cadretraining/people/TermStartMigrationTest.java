package vn.cadretraining.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.cadretraining.shared.service.Database;

/**
 * The migration that keeps a holder's term across merges fills it in for merges made before it: a database at the
 * schema before it, with a title carried through two merges, a re-election after one and a new holder, is
 * migrated, and only the carried positions get the day the term began.
 */
class TermStartMigrationTest {

    @Test
    void positionsAlreadyCarriedAcrossMergesGetTheirTermStartAndNoOthers() throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:term-" + UUID.randomUUID() + ";create=true");
        Flyway.configure(Database.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("7").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // hamlets 1 and 2 merged into 3 on 2024-06-01; 3 merged into 4 on 2025-07-01
            s.executeUpdate("INSERT INTO admin_unit (id, code, name, name_folded, kind, path, valid_from, valid_to,"
                    + " successor_id) VALUES (4, 'H4', 'Bốn', 'bon', 'HAMLET', '/4/', '2020-01-01', NULL, NULL),"
                    + " (3, 'H3', 'Ba', 'ba', 'HAMLET', '/3/', '2020-01-01', '2025-06-30', 4),"
                    + " (1, 'H1', 'Một', 'mot', 'HAMLET', '/1/', '2020-01-01', '2024-05-31', 3),"
                    + " (2, 'H2', 'Hai', 'hai', 'HAMLET', '/2/', '2020-01-01', '2024-05-31', 3)");
            s.executeUpdate("INSERT INTO unit_change (kind, unit_id, successor_id, effective_date, recorded_at) VALUES"
                    + " ('MERGED', 1, 3, '2024-06-01', CURRENT_TIMESTAMP), ('MERGED', 2, 3, '2024-06-01', CURRENT_TIMESTAMP),"
                    + " ('EXTENDED', 3, NULL, '2024-06-01', CURRENT_TIMESTAMP),"
                    + " ('MERGED', 3, 4, '2025-07-01', CURRENT_TIMESTAMP)");
            for (int i = 1; i <= 3; i++) {
                s.executeUpdate("INSERT INTO cadre (id, code, full_name, full_name_folded, name_sort, gender, unit_id,"
                        + " unit_path, created_at, updated_at) VALUES (" + i + ", 'C" + i + "', 'Người " + i + "', 'nguoi',"
                        + " 'nguoi', 'MALE', 4, '/4/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            long head = titleId(s, "HAMLET_HEAD");
            long front = titleId(s, "FRONT_HEAD");
            // cadre 1, hamlet head since 2022 in hamlet 1, carried to 3 then to 4
            position(s, 11, 1, head, 1, "2022-03-01", "2024-05-31");
            position(s, 12, 1, head, 3, "2024-06-01", "2025-06-30");
            position(s, 13, 1, head, 4, "2025-07-01", null);
            // cadre 2, Front head in hamlet 2 carried to 3, then re-elected there in 2024-09 (a new term), carried to 4
            position(s, 21, 2, front, 2, "2021-05-01", "2024-05-31");
            position(s, 22, 2, front, 3, "2024-06-01", "2024-08-31");
            position(s, 23, 2, front, 3, "2024-09-01", "2025-06-30");
            position(s, 24, 2, front, 4, "2025-07-01", null);
            // cadre 3, a new Front head of 4 who took the title on the merge day
            position(s, 31, 3, front, 4, "2025-07-01", null);
        }
        Database.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertNull(termStart(s, 11), "the first position is the term's start itself");
            assertEquals(Date.valueOf("2022-03-01"), termStart(s, 12));
            assertEquals(Date.valueOf("2022-03-01"), termStart(s, 13), "through two merges");
            assertEquals(Date.valueOf("2021-05-01"), termStart(s, 22));
            assertNull(termStart(s, 23), "a re-election starts a new term");
            assertEquals(Date.valueOf("2024-09-01"), termStart(s, 24), "the new term, carried");
            assertNull(termStart(s, 31), "a new holder is not anyone's continuation");
        }
    }

    private static long titleId(Statement s, String code) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id FROM position_title WHERE code = '" + code + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void position(Statement s, long id, long cadre, long title, long unit, String from, String to)
            throws SQLException {
        s.executeUpdate("INSERT INTO position (id, cadre_id, title_id, unit_id, start_date, end_date) VALUES (" + id
                + ", " + cadre + ", " + title + ", " + unit + ", '" + from + "', " + (to == null ? "NULL" : "'" + to + "'")
                + ")");
    }

    private static Date termStart(Statement s, long positionId) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT term_start FROM position WHERE id = " + positionId)) {
            rs.next();
            return rs.getDate(1);
        }
    }
}
