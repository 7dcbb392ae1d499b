package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo's targets and briefings, for last year and this year, so that the progress dashboard has something
 * to show on the first start:
 * <ul>
 * <li>each commune-level unit holds its quarterly briefing conference (hội nghị giao ban quý) most quarters,
 * on a working day in the middle of the quarter, once that day has passed; a few quarters are missed;</li>
 * <li>the province sets targets and splits them among its communes: turns in proportion to each commune's
 * roster (with some communes asked for more than others, so that some lead and some lag), distinct cadres,
 * one briefing a quarter, a share of each of the three paid titles, turns in two subject groups and 98% of the
 * petitions ruled on confirmed satisfactory; the province's counts are the communes' added up, so the split adds
 * up.</li>
 * </ul>
 * Deterministic: its own random generator from the demo's seed, so the rest of the demo stays as it was.
 */
final class DemoTargets {

    /** Who chairs a commune's briefings (a Party committee's secretary or deputy), and who keeps the minutes. */
    private static final String[] CHAIRS = {"Nguyễn Văn Thắng", "Trần Thị Hương", "Phạm Văn Hùng", "Lê Văn Minh",
        "Vũ Thị Lan", "Đỗ Văn Tuấn", "Hoàng Văn Nam", "Bùi Thị Thu"};
    private static final String[] SECRETARIES = {"Nguyễn Thị Mai", "Lê Thị Hoa", "Trần Văn Long", "Phạm Thị Ngọc",
        "Đặng Văn Quân", "Ngô Thị Yến"};

    private final Connection connection;
    private final Random random;
    /** The briefings' chairs and attendance: a generator of their own, so that the targets' draws stay as they were. */
    private final Random attendance;
    private final LocalDate today = VietnamTime.today();

    DemoTargets(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 31 + 7);
        this.attendance = new Random(seed * 37 + 11);
    }

    void generate(List<DemoProvince.Commune> communes, long provinceId) throws SQLException {
        briefings(communes);
        targets(communes, provinceId);
    }

    private void briefings(List<DemoProvince.Commune> communes) throws SQLException {
        Long course = idOf("SELECT id FROM course WHERE code = 'GB-QUY'");
        if (course == null) {
            return;
        }
        try (PreparedStatement k = connection.prepareStatement("INSERT INTO course_class (version, code, course_id,"
                + " unit_id, unit_path, start_date, end_date, capacity, online, status, note, enrolled_count, created_at,"
                + " closed_at, closed_by) VALUES (0, ?, ?, ?, ?, ?, ?, 120, FALSE, 'FINISHED', ?, 0, ?, ?, 'demo')");
                PreparedStatement s = connection.prepareStatement("INSERT INTO class_session (version, class_id,"
                        + " session_date, starts_at, ends_at, topic, cancelled) SELECT 0, k.id, ?, ?, ?,"
                        + " 'Giao ban quý: tình hình cơ sở, kiến nghị của nhân dân', FALSE FROM course_class k"
                        + " WHERE k.code = ?")) {
            int n = 0;
            for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
                for (int q = 1; q <= 4; q++) {
                    for (DemoProvince.Commune c : communes) {
                        LocalDate day = workingDay(LocalDate.of(year, 3 * q - 1, 5 + random.nextInt(18)));
                        boolean missed = random.nextInt(100) < 8;
                        if (missed || !day.isBefore(today)) {
                            continue;
                        }
                        k.setString(1, String.format("GB-QUY-%d-Q%d-%04d", year, q, ++n));
                        k.setLong(2, course);
                        k.setLong(3, c.id());
                        k.setString(4, c.path());
                        k.setDate(5, Date.valueOf(day));
                        k.setDate(6, Date.valueOf(day));
                        k.setString(7, "Hội nghị giao ban quý " + q + " năm " + year + " giữa Đảng ủy và cán bộ thôn, tổ dân phố");
                        Instant created = day.minusDays(20).atStartOfDay(VietnamTime.ZONE).toInstant();
                        k.setTimestamp(8, Timestamp.from(created));
                        k.setTimestamp(9, Timestamp.from(LocalDateTime.of(day, LocalTime.of(16, 0))
                                .atZone(VietnamTime.ZONE).toInstant()));
                        k.addBatch();
                        s.setDate(1, Date.valueOf(day));
                        s.setTimestamp(2, Timestamp.valueOf(LocalDateTime.of(day, LocalTime.of(7, 30))));
                        s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.of(day, LocalTime.of(11, 30))));
                        s.setString(4, String.format("GB-QUY-%d-Q%d-%04d", year, q, n));
                        s.addBatch();
                    }
                }
            }
            k.executeBatch();
            // one morning session each (after its class): the class page and the calendars show it
            s.executeBatch();
        }
        invitations();
        chairs(communes);
        attendance();
    }

    /**
     * Each briefing invites the holders of the course's three titles in the commune's hamlets on its day (a cadre
     * holding two of them once), as the invitation from the roster does; its places follow the invitations.
     */
    private void invitations() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO enrollment (version, class_id, cadre_id, unit_id, status, origin, requested_at,"
                    + " decided_at, decided_by) SELECT DISTINCT 0, k.id, c.id, c.unit_id, 'ENROLLED', 'NOMINATED',"
                    + " k.created_at, k.created_at, 'demo' FROM course_class k JOIN course_title ct ON ct.course_id = k.course_id"
                    + " JOIN position p ON p.title_id = ct.title_id JOIN admin_unit h ON h.id = p.unit_id AND h.parent_id = k.unit_id"
                    + " JOIN cadre c ON c.id = p.cadre_id WHERE k.code LIKE 'GB-QUY-____-Q%' AND p.start_date <= k.start_date"
                    + " AND (p.end_date IS NULL OR p.end_date >= k.start_date)");
            st.executeUpdate("UPDATE course_class SET enrolled_count = (SELECT COUNT(*) FROM enrollment e"
                    + " WHERE e.class_id = course_class.id) WHERE code LIKE 'GB-QUY-____-Q%'");
            st.executeUpdate("UPDATE course_class SET capacity = enrolled_count WHERE code LIKE 'GB-QUY-____-Q%'"
                    + " AND enrolled_count > capacity");
        }
    }

    /** The chair and the secretary of each commune's briefings: the same two people over the demo years. */
    private void chairs(List<DemoProvince.Commune> communes) throws SQLException {
        try (PreparedStatement b = connection.prepareStatement("INSERT INTO briefing (version, class_id, chair_name,"
                + " chair_position, secretary_name) SELECT 0, k.id, ?, ?, ? FROM course_class k WHERE k.unit_id = ?"
                + " AND k.code LIKE 'GB-QUY-____-Q%'")) {
            for (DemoProvince.Commune c : communes) {
                b.setString(1, CHAIRS[attendance.nextInt(CHAIRS.length)]);
                b.setString(2, "Phó Bí thư Thường trực Đảng ủy " + c.name());
                b.setString(3, SECRETARIES[attendance.nextInt(SECRETARIES.length)]);
                b.setLong(4, c.id());
                b.addBatch();
            }
            b.executeBatch();
        }
    }

    /** Most of the invited attend; a few send word (excused), fewer are late or absent. */
    private void attendance() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT e.id, s.id, s.ends_at FROM enrollment e JOIN course_class k"
                        + " ON k.id = e.class_id JOIN class_session s ON s.class_id = k.id WHERE k.code LIKE 'GB-QUY-____-Q%'"
                        + " ORDER BY e.id");
                PreparedStatement m = connection.prepareStatement("INSERT INTO attendance_mark (version, session_id,"
                        + " enrollment_id, status, note, source, marked_at, marked_by) VALUES (0, ?, ?, ?, ?, 'GRID', ?, 'demo')")) {
            int n = 0;
            while (rs.next()) {
                int r = attendance.nextInt(100);
                String status = r < 86 ? "PRESENT" : r < 90 ? "LATE" : r < 97 ? "EXCUSED" : "ABSENT";
                m.setLong(1, rs.getLong(2));
                m.setLong(2, rs.getLong(1));
                m.setString(3, status);
                m.setString(4, "EXCUSED".equals(status) ? "Báo bận việc gia đình" : null);
                m.setTimestamp(5, Timestamp.from(rs.getTimestamp(3).toLocalDateTime().atZone(VietnamTime.ZONE).toInstant()));
                m.addBatch();
                if (++n % 1000 == 0) {
                    m.executeBatch();
                }
            }
            m.executeBatch();
        }
    }

    private void targets(List<DemoProvince.Commune> communes, long provinceId) throws SQLException {
        Map<String, Long> titles = ids("SELECT code, id FROM position_title WHERE paid = TRUE");
        Map<String, Long> groups = ids("SELECT code, id FROM subject_group WHERE code IN ('MASS_MOBILIZATION', 'DIGITAL_SKILLS')");
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement t = connection.prepareStatement("INSERT INTO training_target (version, year_no, unit_id,"
                + " measure, dimension_id, target_value, updated_at, updated_by) VALUES (0, ?, ?, ?, ?, ?, ?, 'tinh')");
                PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO target_plan (version, year_no, updated_at, updated_by) VALUES (0, ?, ?, 'tinh')")) {
            for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
                Map<String, Integer> province = new HashMap<>();
                for (DemoProvince.Commune c : communes) {
                    // about one turn for three cadres on the roster; some communes are asked for more
                    double ask = 0.26 + random.nextInt(14) / 100.0;
                    int turns = Math.max(5, (int) Math.round(c.cadres().size() * ask));
                    int cadres = (int) Math.round(turns * 0.85);
                    put(t, year, c.id(), "TURNS", 0, turns, now, province);
                    put(t, year, c.id(), "CADRES", 0, cadres, now, province);
                    put(t, year, c.id(), "BRIEFINGS", 0, 1, now, province);
                    for (Map.Entry<String, Long> g : groups.entrySet()) {
                        put(t, year, c.id(), "SUBJECT_TURNS", g.getValue(), (int) Math.round(turns * 0.15), now, province);
                    }
                    for (Map.Entry<String, Long> title : titles.entrySet()) {
                        percent(t, year, c.id(), "TITLE_SHARE", title.getValue(), share(title.getKey()), now);
                    }
                    percent(t, year, c.id(), "PETITION_SATISFIED", 0, SATISFIED, now);
                }
                for (Map.Entry<String, Integer> e : province.entrySet()) {
                    String[] key = e.getKey().split(":");
                    t.setInt(1, year);
                    t.setLong(2, provinceId);
                    t.setString(3, key[0]);
                    t.setLong(4, Long.parseLong(key[1]));
                    t.setInt(5, e.getValue());
                    t.setTimestamp(6, now);
                    t.addBatch();
                }
                for (Map.Entry<String, Long> title : titles.entrySet()) {
                    percent(t, year, provinceId, "TITLE_SHARE", title.getValue(), share(title.getKey()), now);
                }
                percent(t, year, provinceId, "PETITION_SATISFIED", 0, SATISFIED, now);
                p.setInt(1, year);
                p.setTimestamp(2, now);
                p.addBatch();
            }
            t.executeBatch();
            p.executeBatch();
        }
    }

    /** The share of each paid title's holders the province asks to be trained in the year. */
    private static int share(String titleCode) {
        return "PARTY_CELL_SECRETARY".equals(titleCode) ? 50 : 45;
    }

    /** The share of the petitions ruled on that the hamlets confirm as satisfactorily resolved, asked of each. */
    private static final int SATISFIED = 98;

    /** A count, added to the province's own. */
    private static void put(PreparedStatement t, int year, long unit, String measure, long dimension, int value,
            Timestamp now, Map<String, Integer> province) throws SQLException {
        percent(t, year, unit, measure, dimension, value, now);
        province.merge(measure + ":" + dimension, value, Integer::sum);
    }

    /** A share (or any target not added up to the province's). */
    private static void percent(PreparedStatement t, int year, long unit, String measure, long dimension, int value,
            Timestamp now) throws SQLException {
        t.setInt(1, year);
        t.setLong(2, unit);
        t.setString(3, measure);
        t.setLong(4, dimension);
        t.setInt(5, value);
        t.setTimestamp(6, now);
        t.addBatch();
    }

    private Long idOf(String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private Map<String, Long> ids(String sql) throws SQLException {
        Map<String, Long> ids = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static LocalDate workingDay(LocalDate d) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
