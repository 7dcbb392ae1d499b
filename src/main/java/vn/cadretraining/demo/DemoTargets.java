package vn.cadretraining.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Connection connection;
    private final Random random;
    private final LocalDate today = VietnamTime.today();

    DemoTargets(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed * 31 + 7);
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
