package vn.cadretraining.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.cadretraining.shared.time.VietnamTime;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import vn.cadretraining.shared.service.Database;

/** The generator on a real (in-memory) Derby database, migrated by the application's own migrations. */
class DemoProvinceTest {

    @Test
    void theProvinceHasItsShapeHistoryAndPeople() throws SQLException {
        try (Connection c = freshDatabase()) {
            DemoProvince.Summary s = DemoProvince.generate(c, 1, 2026);
            assertEquals(54, s.communes());
            assertTrue(s.hamlets() > 1300 && s.hamlets() < 1600, "about 1,450 hamlets: " + s.hamlets());
            assertTrue(s.cadres() > 9000 && s.cadres() < 14000, "about 12,000 cadres: " + s.cadres());
            assertEquals(22, count(c, "SELECT COUNT(*) FROM admin_unit WHERE kind = 'COMMUNE' AND valid_to IS NULL"));
            assertEquals(30, count(c, "SELECT COUNT(*) FROM admin_unit WHERE kind = 'WARD' AND valid_to IS NULL"));
            assertEquals(2, count(c, "SELECT COUNT(*) FROM admin_unit WHERE kind = 'SPECIAL_ZONE'"));
            // the districts ended on 30 June 2025 and their history counts under the province
            assertEquals(13, count(c, "SELECT COUNT(*) FROM admin_unit WHERE kind = 'DISTRICT'"
                    + " AND valid_to = '2025-06-30' AND current_unit_id = (SELECT id FROM admin_unit WHERE kind = 'PROVINCE')"));
            // every old commune was merged into a current commune-level unit
            assertEquals(0, count(c, "SELECT COUNT(*) FROM admin_unit o JOIN admin_unit s ON o.successor_id = s.id"
                    + " WHERE o.parent_id IN (SELECT id FROM admin_unit WHERE kind = 'DISTRICT')"
                    + " AND (s.valid_to IS NOT NULL OR o.current_unit_id <> s.id)"));
            assertTrue(count(c, "SELECT COUNT(*) FROM admin_unit WHERE parent_id IN"
                    + " (SELECT id FROM admin_unit WHERE kind = 'DISTRICT')") > 100);
            // the hamlet merge of 1 July 2026: Khu phố 5 closed into Khu phố 4, its positions continued there
            assertEquals(1, count(c, "SELECT COUNT(*) FROM admin_unit a JOIN admin_unit b ON a.successor_id = b.id"
                    + " WHERE a.name = 'Khu phố 5' AND b.name = 'Khu phố 4' AND a.valid_to = '2026-06-30'"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM position p JOIN admin_unit u ON p.unit_id = u.id"
                    + " WHERE u.valid_to IS NOT NULL AND p.end_date IS NULL"), "no one holds a title in a closed unit");
            assertTrue(count(c, "SELECT COUNT(*) FROM position WHERE start_date = '2026-07-01'") > 0);
            // ... in the same terms: each continued position keeps the day its holder's term began
            assertEquals(0, count(c, "SELECT COUNT(*) FROM position p WHERE p.start_date = '2026-07-01'"
                    + " AND p.unit_id = (SELECT a.successor_id FROM admin_unit a WHERE a.name = 'Khu phố 5'"
                    + " AND a.valid_to = '2026-06-30') AND (p.term_start IS NULL OR p.term_start >= '2026-07-01')"));
            // everyone on a roster of a current unit, with their search words
            assertEquals(0, count(c, "SELECT COUNT(*) FROM cadre c JOIN admin_unit u ON c.unit_id = u.id"
                    + " WHERE u.valid_to IS NOT NULL OR c.unit_path <> u.path"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM cadre c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM cadre_search_token t WHERE t.cadre_id = c.id)"));
            // every briefing invites the three titles of its hamlets, has its chair, and most of the invited attend
            // (the quarterly ones held by each commune; the catalog's own briefing classes enrol as classes do)
            String briefings = "SELECT k.id FROM course_class k JOIN course co ON co.id = k.course_id"
                    + " WHERE co.kind = 'PERIODIC_BRIEFING' AND k.code LIKE 'GB-QUY-____-Q%'";
            assertTrue(count(c, "SELECT COUNT(*) FROM (" + briefings + ") b") > 300);
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (" + briefings + ") b WHERE NOT EXISTS"
                    + " (SELECT 1 FROM enrollment e WHERE e.class_id = b.id)"), "each briefing has its invitations");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (" + briefings + ") b WHERE NOT EXISTS"
                    + " (SELECT 1 FROM briefing f WHERE f.class_id = b.id AND f.chair_name IS NOT NULL)"), "and its chair");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM enrollment e JOIN course_class k ON k.id = e.class_id"
                    + " WHERE e.class_id IN (" + briefings + ") AND NOT EXISTS (SELECT 1 FROM position p JOIN admin_unit h"
                    + " ON h.id = p.unit_id JOIN course_title ct ON ct.title_id = p.title_id WHERE ct.course_id = k.course_id"
                    + " AND p.cadre_id = e.cadre_id AND h.parent_id = k.unit_id AND p.start_date <= k.start_date"
                    + " AND (p.end_date IS NULL OR p.end_date >= k.start_date))"), "only holders of its titles on its day");
            long invited = count(c, "SELECT COUNT(*) FROM enrollment WHERE class_id IN (" + briefings + ")");
            long attended = count(c, "SELECT COUNT(*) FROM attendance_mark m JOIN enrollment e ON e.id = m.enrollment_id"
                    + " WHERE e.class_id IN (" + briefings + ") AND m.status IN ('PRESENT', 'LATE')");
            assertTrue(attended > invited * 0.85 && attended < invited * 0.95, attended + " of " + invited + " attended");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM petition p WHERE p.briefing_id IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM enrollment e WHERE e.class_id = p.briefing_id AND e.cadre_id = p.raiser_id)"),
                    "petitions at a briefing only from those invited to it");
            assertTrue(count(c, "SELECT COUNT(*) FROM petition WHERE briefing_id IS NOT NULL") > 100);
            // the three paid titles in every current hamlet
            assertEquals(0, count(c, "SELECT COUNT(*) FROM admin_unit u WHERE u.kind IN ('HAMLET','VILLAGE','QUARTER',"
                    + "'RESIDENTIAL_GROUP') AND u.valid_to IS NULL AND (SELECT COUNT(DISTINCT p.title_id) FROM position p"
                    + " JOIN position_title t ON p.title_id = t.id WHERE p.unit_id = u.id AND t.paid AND p.end_date IS NULL) < 3"));
            // the demo CADRE account opens the demo cadre's record
            assertEquals(1, count(c, "SELECT COUNT(*) FROM account a JOIN cadre c ON a.cadre_id = c.id"
                    + " WHERE a.username = 'canbo' AND c.full_name = '" + DemoProvince.DEMO_CADRE_NAME + "'"));
            // a catalog of years: classes in every state, enrollments in every state, about 30,000 at this size
            for (String status : new String[] {"FINISHED", "RUNNING", "OPEN", "DRAFT"}) {
                assertTrue(count(c, "SELECT COUNT(*) FROM course_class WHERE status = '" + status + "'") > 0, status);
            }
            for (String status : new String[] {"REQUESTED", "ENROLLED", "WAITLISTED", "DECLINED", "WITHDRAWN"}) {
                assertTrue(count(c, "SELECT COUNT(*) FROM enrollment WHERE status = '" + status + "'") > 0, status);
            }
            assertTrue(s.enrollments() > 25_000 && s.enrollments() < 36_000, "about 30,000 enrollments: " + s.enrollments());
            assertTrue(count(c, "SELECT COUNT(*) FROM course_class k JOIN admin_unit u ON k.unit_id = u.id"
                    + " WHERE u.kind = 'DISTRICT'") > 0, "classes before 1 July 2025 were the districts'");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM course_class WHERE enrolled_count > capacity"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM course_class k WHERE k.enrolled_count <>"
                    + " (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = k.id AND e.status = 'ENROLLED')"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM class_session a JOIN class_session b ON a.trainer_id = b.trainer_id"
                    + " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"), "no trainer double-booked");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM class_session a JOIN class_session b ON a.venue_id = b.venue_id"
                    + " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"), "no hall double-booked");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM trainer t JOIN account a ON t.account_id = a.id"
                    + " WHERE a.username = 'giangvien'"), "the demo trainer account has its trainer record");
            // attendance and results that agree with the rule, and certificates only for completions
            assertTrue(s.marks() > 60_000, "attendance taken in every class held: " + s.marks());
            assertEquals(0, count(c, "SELECT COUNT(*) FROM enrollment e JOIN course_class k ON e.class_id = k.id"
                    + " WHERE e.outcome IS NOT NULL AND k.closed_at IS NULL"), "no outcome before the closing");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM enrollment WHERE outcome = 'COMPLETED' AND attendance_pct < 80"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM enrollment e JOIN (SELECT enrollment_id, COUNT(*) AS held,"
                    + " SUM(CASE WHEN status IN ('PRESENT', 'LATE') THEN 1 ELSE 0 END) AS came FROM attendance_mark"
                    + " GROUP BY enrollment_id) m ON m.enrollment_id = e.id"
                    + " WHERE ABS(e.attendance_pct * m.held - 100 * m.came) > 1"), "the share is the marks'");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM certificate x JOIN enrollment e ON x.enrollment_id = e.id"
                    + " WHERE e.outcome <> 'COMPLETED' OR x.holder_name = ''"));
            assertTrue(s.certificates() > 10_000, "certificates of six years: " + s.certificates());
            assertEquals(0, count(c, "SELECT COUNT(*) FROM certificate_counter k WHERE k.last_number <>"
                    + " (SELECT MAX(x.sequence_no) FROM certificate x WHERE x.year_no = k.year_no)"), "numbering goes on");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM course_class k JOIN class_trainer t ON t.class_id = k.id"
                    + " JOIN trainer r ON t.trainer_id = r.id JOIN account a ON r.account_id = a.id"
                    + " WHERE a.username = 'giangvien' AND k.status = 'FINISHED' AND k.closed_at IS NULL"),
                    "one finished class of the demo trainer waits to be closed");
            assertTrue(count(c, "SELECT COUNT(*) FROM certificate x JOIN account a ON a.cadre_id = x.cadre_id"
                    + " WHERE a.username = 'canbo'") > 0, "the demo cadre has a certificate to show");
            // every date one could meet in real life: no one joined the Party, held a title or was trained as a child,
            // and nothing happened on a day still to come
            assertEquals(List.of(), impossibleDates(c));
            // identities continue after the generated ids
            assertEquals(count(c, "SELECT MAX(id) FROM cadre") + 1, count(c, "SELECT c.AUTOINCREMENTVALUE FROM"
                    + " SYS.SYSCOLUMNS c JOIN SYS.SYSTABLES t ON c.REFERENCEID = t.TABLEID"
                    + " WHERE c.COLUMNNAME = 'ID' AND t.TABLENAME = 'CADRE'"));
        }
    }

    @Test
    void theSameSeedGivesTheSameProvince() throws SQLException {
        List<String> first;
        List<String> second;
        try (Connection c = freshDatabase()) {
            DemoProvince.generate(c, 0.05, 7);
            first = names(c);
        }
        try (Connection c = freshDatabase()) {
            DemoProvince.generate(c, 0.05, 7);
            second = names(c);
        }
        assertEquals(first, second);
        assertTrue(first.size() > 100);
    }

    @Test
    void aSmallFactorKeepsTheFirstUnitsInProportion() throws SQLException {
        try (Connection c = freshDatabase()) {
            DemoProvince.Summary s = DemoProvince.generate(c, 0.05, 2026);
            assertEquals(3, s.communes());
            assertEquals(1, count(c, "SELECT COUNT(*) FROM admin_unit WHERE name = 'Phường Hạ Long'"));
        }
    }

    private static List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code || ' ' || full_name || ' ' || CAST(birth_date AS CHAR(10))"
                        + " FROM cadre ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Each kind of impossible date the generator wrote, with how many and one example: the Party joined before 18
     * or in the future, a title held before 18, before joining the Party (a Party cell's title) or from a day to
     * come, an enrollment, attendance mark, closing or certificate dated in the future, training before 18.
     */
    static List<String> impossibleDates(Connection c) throws SQLException {
        LocalDate today = VietnamTime.today();
        LocalDateTime now = VietnamTime.now();
        Map<String, List<String>> found = new TreeMap<>();
        java.util.function.BiConsumer<String, String> add = (kind, example) ->
                found.computeIfAbsent(kind, k -> new ArrayList<>()).add(example);
        Map<Long, LocalDate[]> people = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, birth_date, party_member, party_joined FROM cadre")) {
            while (rs.next()) {
                LocalDate born = rs.getDate(2).toLocalDate();
                LocalDate joined = rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate();
                String who = "cadre " + rs.getLong(1) + " born " + born;
                if (born.plusYears(18).isAfter(today)) {
                    add.accept("a cadre under 18", who);
                }
                if (rs.getBoolean(3) != (joined != null)) {
                    add.accept("a member without a join date or the reverse", who);
                }
                if (joined != null && joined.isAfter(today)) {
                    add.accept("joined the Party in the future", who + " joined " + joined);
                }
                if (joined != null && joined.isBefore(born.plusYears(18))) {
                    add.accept("joined the Party before 18", who + " joined " + joined);
                }
                people.put(rs.getLong(1), new LocalDate[] {born, joined});
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT p.cadre_id, t.code, p.start_date,"
                + " p.end_date, p.term_start FROM position p JOIN position_title t ON p.title_id = t.id")) {
            while (rs.next()) {
                LocalDate[] life = people.get(rs.getLong(1));
                LocalDate start = rs.getDate(3).toLocalDate();
                LocalDate end = rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate();
                LocalDate began = rs.getDate(5) == null ? start : rs.getDate(5).toLocalDate();
                String what = "cadre " + rs.getLong(1) + " born " + life[0] + ": " + rs.getString(2) + " from " + began;
                if (began.isBefore(life[0].plusYears(18))) {
                    add.accept("a title held before 18", what);
                }
                if (start.isAfter(today)) {
                    add.accept("a title held from a day to come", what);
                }
                if (end != null && (end.isBefore(start) || end.isAfter(today))) {
                    add.accept("a title ended before it began or in the future", what + " to " + end);
                }
                if (rs.getString(2).startsWith("PARTY_") && (life[1] == null || began.isBefore(life[1]))) {
                    add.accept("a Party cell's title held by a non-member or before joining", what + ", joined " + life[1]);
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT e.cadre_id, e.requested_at,"
                + " e.decided_at, k.start_date, e.status FROM enrollment e JOIN course_class k ON e.class_id = k.id")) {
            while (rs.next()) {
                LocalDate born = people.get(rs.getLong(1))[0];
                String what = "cadre " + rs.getLong(1) + " born " + born + ", class of " + rs.getDate(4);
                if (rs.getTimestamp(2).toLocalDateTime().isAfter(now)
                        || rs.getTimestamp(3) != null && rs.getTimestamp(3).toLocalDateTime().isAfter(now)) {
                    add.accept("an enrollment requested or decided in the future", what);
                }
                if ("ENROLLED".equals(rs.getString(5)) && rs.getDate(4).toLocalDate().isBefore(born.plusYears(18))) {
                    add.accept("trained before 18", what);
                }
            }
        }
        for (String[] q : new String[][] {
            {"an attendance mark for a session to come or marked in the future",
                "SELECT COUNT(*) FROM attendance_mark m JOIN class_session s ON m.session_id = s.id"
                + " WHERE s.starts_at > ? OR m.marked_at > ?"},
            {"a class created or a place waitlisted in the future",
                "SELECT (SELECT COUNT(*) FROM course_class WHERE created_at > ?)"
                + " + (SELECT COUNT(*) FROM enrollment WHERE waitlisted_at > ?) FROM SYSIBM.SYSDUMMY1"},
            {"a class closed in the future or before it ended",
                "SELECT COUNT(*) FROM course_class WHERE closed_at > ? OR CAST(closed_at AS DATE) < end_date"},
            {"a certificate issued in the future", "SELECT COUNT(*) FROM certificate WHERE issued_on > CURRENT_DATE"},
            {"a certificate issued before 18", "SELECT COUNT(*) FROM certificate x JOIN cadre d ON x.cadre_id = d.id"
                + " WHERE YEAR(x.issued_on) - YEAR(d.birth_date) < 18"}}) {
            long n;
            // times are Vietnam's wall clock, as the application writes them, whatever this JVM's zone
            try (java.sql.PreparedStatement ps = c.prepareStatement(q[1].replace("CURRENT_DATE", "'" + today + "'"))) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setTimestamp(i, java.sql.Timestamp.valueOf(now));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            if (n > 0) {
                add.accept(q[0], n + " rows");
            }
        }
        List<String> report = new ArrayList<>();
        found.forEach((kind, examples) -> report.add(kind + ": " + examples.size() + ", e.g. " + examples.get(0)));
        return report;
    }

    /** A migrated in-memory database; closing it ends the open transaction first. */
    static Connection freshDatabase() throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:demo-" + UUID.randomUUID() + ";create=true");
        Database.migrate(ds);
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        c.rollback();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
