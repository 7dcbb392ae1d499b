package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo's study tours: one or two a year organised by the province (spring and autumn), to a model of mass
 * mobilization elsewhere, for cadres commended the year before and holders of the three titles, with a cost; and
 * a destination and a cost for the communes' own study-tour classes the catalog made. Past tours are closed (a tour
 * gives no certificate); a tour to come is open. Deterministic: its own random generator.
 */
final class DemoTours {

    private static final String[] DESTINATIONS = {
        "Xã Đường Lâm, thị xã Sơn Tây, Hà Nội (mô hình làng cổ)",
        "Tỉnh Thái Bình: mô hình “Dân vận khéo” xây dựng nông thôn mới",
        "Tỉnh Nam Định: hòa giải ở cơ sở",
        "Xã Tân Hội, Lâm Đồng: phát triển kinh tế hộ",
        "Huyện Hải Hậu, Nam Định: nông thôn mới kiểu mẫu",
        "Tỉnh Hà Nam: tiếp công dân và giải quyết kiến nghị",
        "Thành phố Hải Phòng: khu dân cư văn minh",
        "Tỉnh Bắc Ninh: chuyển đổi số ở thôn, khu phố"};

    private final Connection connection;
    private final Random random;
    private final LocalDate today = VietnamTime.today();
    private int count;

    DemoTours(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 53 + 7);
    }

    /** Generates the tours; returns how many the province organised. */
    int generate(long provinceId, String provincePath, int years) throws SQLException {
        Long course = one("SELECT id FROM course WHERE kind = 'STUDY_TOUR' ORDER BY id");
        if (course == null) {
            return 0;
        }
        describeCommuneTours();
        try (PreparedStatement k = connection.prepareStatement("INSERT INTO course_class (version, code, course_id,"
                + " unit_id, unit_path, provider_id, start_date, end_date, capacity, enrol_from, enrol_until, venue_id,"
                + " online, status, note, enrolled_count, created_at, closed_at, closed_by)"
                + " VALUES (0, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, FALSE, ?, NULL, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
                PreparedStatement e = connection.prepareStatement("INSERT INTO enrollment (version, class_id, cadre_id,"
                        + " unit_id, status, origin, requested_at, decided_at, decided_by, outcome, attendance_pct)"
                        + " VALUES (0, ?, ?, ?, 'ENROLLED', 'NOMINATED', ?, ?, 'demo', ?, ?)");
                PreparedStatement t = connection.prepareStatement("INSERT INTO study_tour (version, class_id,"
                        + " destination, cost_vnd, updated_at, updated_by) VALUES (0, ?, ?, ?, ?, 'demo')")) {
            for (int year = today.getYear() - years + 1; year <= today.getYear(); year++) {
                int tours = 1 + random.nextInt(2);
                for (int n = 0; n < tours; n++) {
                    LocalDate start = weekday(LocalDate.of(year, n == 0 ? 4 : 10, 5 + random.nextInt(18)));
                    LocalDate end = weekday(start.plusDays(1 + random.nextInt(2)));
                    List<Long> who = participants(year, provincePath, 25 + random.nextInt(16));
                    boolean past = end.isBefore(today);
                    String status = past ? "FINISHED" : start.isAfter(today) ? "OPEN" : "RUNNING";
                    k.setString(1, "TQ-HT-" + year + "-T" + (n + 1));
                    k.setLong(2, course);
                    k.setLong(3, provinceId);
                    k.setString(4, provincePath);
                    k.setDate(5, Date.valueOf(start));
                    k.setDate(6, Date.valueOf(end));
                    k.setInt(7, 40);
                    k.setDate(8, Date.valueOf(start.minusDays(30)));
                    k.setDate(9, Date.valueOf(start.minusDays(3)));
                    k.setString(10, status);
                    k.setInt(11, who.size());
                    Timestamp created = Timestamp.from(start.minusDays(40).atStartOfDay(VietnamTime.ZONE).toInstant());
                    k.setTimestamp(12, created);
                    k.setTimestamp(13, past ? Timestamp.from(end.plusDays(2).atStartOfDay(VietnamTime.ZONE).toInstant()) : null);
                    k.setString(14, past ? "demo" : null);
                    k.executeUpdate();
                    long classId;
                    try (ResultSet keys = k.getGeneratedKeys()) {
                        keys.next();
                        classId = keys.getLong(1);
                    }
                    for (long cadre : who) {
                        e.setLong(1, classId);
                        e.setLong(2, cadre);
                        e.setLong(3, unitOf(cadre));
                        e.setTimestamp(4, created);
                        e.setTimestamp(5, created);
                        e.setString(6, past ? "COMPLETED" : null);
                        e.setBigDecimal(7, past ? java.math.BigDecimal.valueOf(100) : null);
                        e.addBatch();
                    }
                    e.executeBatch();
                    t.setLong(1, classId);
                    t.setString(2, DESTINATIONS[random.nextInt(DESTINATIONS.length)]);
                    t.setLong(3, who.size() * (2_500_000L + 500_000L * random.nextInt(5)));
                    t.setTimestamp(4, created);
                    t.executeUpdate();
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Who goes: cadres commended in the year before (or this year's, by the tour's day), then holders of the three
     * titles, at random, up to {@code size}.
     */
    private List<Long> participants(int year, String provincePath, int size) throws SQLException {
        Set<Long> chosen = new LinkedHashSet<>();
        List<Long> commended = ids("SELECT DISTINCT m.cadre_id FROM commendation m WHERE m.decision_date >= ?"
                + " AND m.decision_date < ?", Date.valueOf(LocalDate.of(year - 1, 1, 1)), Date.valueOf(LocalDate.of(year, 4, 1)));
        Collections.shuffle(commended, random);
        chosen.addAll(commended.subList(0, Math.min(commended.size(), size * 2 / 3)));
        List<Long> holders = ids("SELECT DISTINCT p.cadre_id FROM position p JOIN position_title pt ON pt.id = p.title_id"
                + " JOIN cadre c ON c.id = p.cadre_id WHERE p.end_date IS NULL AND c.unit_path LIKE ?"
                + " AND pt.code IN ('PARTY_CELL_SECRETARY', 'HAMLET_HEAD', 'FRONT_HEAD') FETCH FIRST 2000 ROWS ONLY",
                provincePath + "%");
        Collections.shuffle(holders, random);
        for (long h : holders) {
            if (chosen.size() >= size) {
                break;
            }
            chosen.add(h);
        }
        return new ArrayList<>(chosen);
    }

    /** A place and a cost for each study-tour class the catalog generated for the communes. */
    private void describeCommuneTours() throws SQLException {
        List<Long> classes = ids("SELECT k.id FROM course_class k JOIN course c ON c.id = k.course_id"
                + " WHERE c.kind = 'STUDY_TOUR' ORDER BY k.id");
        try (PreparedStatement t = connection.prepareStatement("INSERT INTO study_tour (version, class_id,"
                + " destination, cost_vnd, updated_at, updated_by) VALUES (0, ?, ?, ?, ?, 'demo')")) {
            for (long id : classes) {
                t.setLong(1, id);
                t.setString(2, DESTINATIONS[random.nextInt(DESTINATIONS.length)]);
                t.setLong(3, 15_000_000L + 2_500_000L * random.nextInt(10));
                t.setTimestamp(4, Timestamp.from(java.time.Instant.now()));
                t.addBatch();
            }
            t.executeBatch();
        }
    }

    private long unitOf(long cadre) throws SQLException {
        return one("SELECT unit_id FROM cadre WHERE id = " + cadre);
    }

    private static LocalDate weekday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private Long one(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private List<Long> ids(String sql, Object... params) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
