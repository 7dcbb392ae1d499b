package vn.cadretraining.reporting.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.reporting.entity.ProgressDelta;

/**
 * The briefings' kept counts ({@code progress_briefing_class}, {@code progress_briefings}; see the package's notes)
 * on the transaction's connection. A changed briefing is counted again from its records (a few dozen invitations)
 * and the difference from what it counted before moves into the counters of its organiser's unit and the units
 * above it: whatever changed (its status, first day, organiser, invitations, marks, a session cancelled), one rule.
 */
final class BriefingRows {

    /** What a briefing counts: its organiser (a unit of any day), its first day, its invitations, who attended. */
    record Counted(long unitId, LocalDate day, int invited, int attended) {
    }

    /** A counter: a unit of today's tree, and a day, or a year ({@code yearly}, keyed by its 1 January). */
    record Key(long unitId, boolean yearly, LocalDate day) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::unitId)
                .thenComparing(Key::yearly).thenComparing(Key::day);
    }

    /**
     * Each briefing that counts as held, with its invitations and those present or late at a session held: one
     * pass over the invitations with their marks joined, grouped by invitation, then by class. {@code where}
     * narrows the classes (its parameters after the eight set by {@link #bind}).
     */
    private static String counted(String where) {
        return "SELECT t.k, MAX(t.u), MAX(t.d), COUNT(t.e), SUM(t.a) FROM (SELECT k.id AS k, k.unit_id AS u,"
                + " k.start_date AS d, e.id AS e, MAX(CASE WHEN ms.id IS NULL THEN 0 ELSE 1 END) AS a"
                + " FROM course_class k JOIN course c ON c.id = k.course_id"
                + " LEFT JOIN enrollment e ON e.class_id = k.id AND e.status <> ? AND e.status <> ?"
                + " LEFT JOIN attendance_mark m ON m.enrollment_id = e.id AND (m.status = ? OR m.status = ?)"
                + " LEFT JOIN class_session ms ON ms.id = m.session_id AND ms.cancelled = FALSE"
                + " WHERE (c.kind = ? OR c.kind = ?) AND k.status <> ? AND k.status <> ? AND k.start_date IS NOT NULL"
                + where + " GROUP BY k.id, k.unit_id, k.start_date, e.id) t GROUP BY t.k ORDER BY t.k";
    }

    private static void bind(PreparedStatement s) throws SQLException {
        s.setString(1, EnrollmentStatus.WITHDRAWN.name());
        s.setString(2, EnrollmentStatus.DECLINED.name());
        s.setString(3, AttendanceStatus.PRESENT.name());
        s.setString(4, AttendanceStatus.LATE.name());
        s.setString(5, ActivityKind.PERIODIC_BRIEFING.name());
        s.setString(6, ActivityKind.THEMATIC_BRIEFING.name());
        s.setString(7, ClassStatus.DRAFT.name());
        s.setString(8, ClassStatus.CANCELLED.name());
    }

    private BriefingRows() {
    }

    /** These classes counted again (those not briefings, or no longer held, count nothing), differences applied. */
    static void refresh(Connection c, Collection<Long> classIds) throws SQLException {
        List<Long> ids = new ArrayList<>(new TreeSet<>(classIds));
        for (int i = 0; i < ids.size(); i += SummaryRows.IN_AT_ONCE) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + SummaryRows.IN_AT_ONCE));
            String in = " IN (" + SummaryRows.marks(part.size()) + ")";
            Map<Long, Counted> was = stored(c, " WHERE class_id" + in, part);
            Map<Long, Counted> now = counted(c, " AND k.id" + in, part);
            Map<Key, int[]> change = new TreeMap<>(Key.ORDER);
            Set<Long> units = new HashSet<>();
            was.values().forEach(k -> units.add(k.unitId()));
            now.values().forEach(k -> units.add(k.unitId()));
            Map<Long, List<Long>> chains = chains(c, units);
            add(change, chains, was, -1);
            add(change, chains, now, 1);
            write(c, was, now);
            counters(c, change);
        }
    }

    /** The classes of a course (made a briefing, or no longer one). */
    static List<Long> classesOf(Connection c, long courseId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM course_class WHERE course_id = ?")) {
            s.setLong(1, courseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** What the classes named by {@code where} count now, from the records. */
    private static Map<Long, Counted> counted(Connection c, String where, List<Long> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(counted(where))) {
            bind(s);
            return read(s, 9, values);
        }
    }

    /** What the classes named by {@code where} counted when last counted. */
    private static Map<Long, Counted> stored(Connection c, String where, List<Long> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT class_id, unit_id, start_date, invited, attended"
                + " FROM progress_briefing_class" + where)) {
            return read(s, 1, values);
        }
    }

    /** The rows (class, unit, day, invited, attended) of a statement, the ids bound from parameter {@code first}. */
    private static Map<Long, Counted> read(PreparedStatement s, int first, List<Long> ids) throws SQLException {
        s.setFetchSize(1_000);
        for (int i = 0; i < ids.size(); i++) {
            s.setLong(first + i, ids.get(i));
        }
        Map<Long, Counted> rows = new HashMap<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getLong(1), new Counted(r.getLong(2), r.getDate(3).toLocalDate(), r.getInt(4), r.getInt(5)));
            }
        }
        return rows;
    }

    /** Adds the classes' counts, with this sign, to the counters of their organisers' units of today and above. */
    private static void add(Map<Key, int[]> change, Map<Long, List<Long>> chains, Map<Long, Counted> classes,
            int sign) {
        for (Counted k : classes.values()) {
            for (long unit : chains.getOrDefault(k.unitId(), List.of())) {
                add(change, new Key(unit, false, k.day()), sign, k);
                add(change, new Key(unit, true, k.day().withDayOfYear(1)), sign, k);
            }
        }
    }

    private static void add(Map<Key, int[]> change, Key key, int sign, Counted k) {
        int[] v = change.computeIfAbsent(key, x -> new int[3]);
        v[0] += sign;
        v[1] += sign * k.invited();
        v[2] += sign * k.attended();
    }

    /** Each unit's today's unit and the units above it (a closed unit's history counts under its successor). */
    private static Map<Long, List<Long>> chains(Connection c, Collection<Long> unitIds) throws SQLException {
        Map<Long, List<Long>> chains = new HashMap<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(unitIds));
        for (int i = 0; i < ids.size(); i += SummaryRows.IN_AT_ONCE) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + SummaryRows.IN_AT_ONCE));
            try (PreparedStatement s = c.prepareStatement("SELECT u.id, cu.path FROM admin_unit u"
                    + " JOIN admin_unit cu ON cu.id = u.current_unit_id WHERE u.id IN ("
                    + SummaryRows.marks(part.size()) + ")")) {
                for (int j = 0; j < part.size(); j++) {
                    s.setLong(j + 1, part.get(j));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        chains.put(r.getLong(1), ProgressDelta.units(r.getString(2)));
                    }
                }
            }
        }
        return chains;
    }

    /** The classes' rows as counted now: gone, new, or changed. */
    private static void write(Connection c, Map<Long, Counted> was, Map<Long, Counted> now) throws SQLException {
        List<Object[]> gone = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        List<Object[]> changed = new ArrayList<>();
        was.keySet().stream().filter(id -> !now.containsKey(id)).sorted().forEach(id -> gone.add(new Object[] {id}));
        new TreeMap<>(now).forEach((id, k) -> {
            if (!was.containsKey(id)) {
                added.add(new Object[] {id, k.unitId(), Date.valueOf(k.day()), k.invited(), k.attended()});
            } else if (!k.equals(was.get(id))) {
                changed.add(new Object[] {k.unitId(), Date.valueOf(k.day()), k.invited(), k.attended(), id});
            }
        });
        SummaryRows.batch(c, "DELETE FROM progress_briefing_class WHERE class_id = ?", gone);
        SummaryRows.batch(c, "UPDATE progress_briefing_class SET unit_id = ?, start_date = ?, invited = ?, attended = ?"
                + " WHERE class_id = ?", changed);
        SummaryRows.batch(c, "INSERT INTO progress_briefing_class (class_id, unit_id, start_date, invited, attended)"
                + " VALUES (?, ?, ?, ?, ?)", added);
    }

    /** Adds to the counters, in the keys' order. */
    static void counters(Connection c, Map<Key, int[]> change) throws SQLException {
        Map<List<Object>, int[]> rows = new LinkedHashMap<>();
        change.forEach((k, v) -> rows.put(List.of(k.unitId(), k.yearly() ? 1 : 0, Date.valueOf(k.day())), v));
        SummaryRows.counters(c, "progress_briefings", List.of("unit_id", "yearly", "start_date"),
                List.of("held", "invited", "attended"), rows);
    }

    /** What counts under {@code unit} (its counters) stops counting under {@code leave} and starts under {@code join}. */
    static void carry(Connection c, long unit, Set<Long> leave, Set<Long> join) throws SQLException {
        Map<Key, int[]> change = new TreeMap<>(Key.ORDER);
        try (PreparedStatement s = c.prepareStatement("SELECT yearly, start_date, held, invited, attended"
                + " FROM progress_briefings WHERE unit_id = ?")) {
            s.setLong(1, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    boolean yearly = r.getInt(1) == 1;
                    LocalDate day = r.getDate(2).toLocalDate();
                    int[] v = {r.getInt(3), r.getInt(4), r.getInt(5)};
                    for (long u : leave) {
                        plus(change, new Key(u, yearly, day), v, -1);
                    }
                    for (long u : join) {
                        plus(change, new Key(u, yearly, day), v, 1);
                    }
                }
            }
        }
        counters(c, change);
    }

    private static void plus(Map<Key, int[]> change, Key key, int[] v, int sign) {
        int[] to = change.computeIfAbsent(key, x -> new int[3]);
        for (int i = 0; i < 3; i++) {
            to[i] += sign * v[i];
        }
    }

    /**
     * The recount: every briefing counted from the records against its row, and the counters from those counts
     * against the kept ones; returns the rows that differ (of both tables), repaired when asked.
     */
    static int recount(Connection c, boolean repair) throws SQLException {
        Map<Long, Counted> now = counted(c, "", List.of());
        Map<Long, Counted> was = stored(c, "", List.of());
        Set<Long> classesOff = new HashSet<>();
        now.forEach((id, k) -> {
            if (!k.equals(was.get(id))) {
                classesOff.add(id);
            }
        });
        was.keySet().stream().filter(id -> !now.containsKey(id)).forEach(classesOff::add);

        Map<Key, int[]> expected = new HashMap<>();
        add(expected, chains(c, now.values().stream().map(Counted::unitId).toList()), now, 1);
        expected.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
        Map<Key, int[]> kept = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id, yearly, start_date, held, invited, attended"
                + " FROM progress_briefings")) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kept.put(new Key(r.getLong(1), r.getInt(2) == 1, r.getDate(3).toLocalDate()),
                            new int[] {r.getInt(4), r.getInt(5), r.getInt(6)});
                }
            }
        }
        Set<Key> countersOff = new TreeSet<>(Key.ORDER);
        expected.forEach((k, v) -> {
            if (!kept.containsKey(k) || !Arrays.equals(v, kept.get(k))) {
                countersOff.add(k);
            }
        });
        kept.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(countersOff::add);
        if (repair) {
            Map<Long, Counted> wasOff = new HashMap<>();
            Map<Long, Counted> nowOff = new HashMap<>();
            for (long id : classesOff) {
                if (was.containsKey(id)) {
                    wasOff.put(id, was.get(id));
                }
                if (now.containsKey(id)) {
                    nowOff.put(id, now.get(id));
                }
            }
            write(c, wasOff, nowOff);
            List<Object[]> gone = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (Key k : countersOff) {
                Object[] key = {k.unitId(), k.yearly() ? 1 : 0, Date.valueOf(k.day())};
                if (kept.containsKey(k)) {
                    gone.add(key);
                }
                int[] v = expected.get(k);
                if (v != null) {
                    rows.add(new Object[] {key[0], key[1], key[2], v[0], v[1], v[2]});
                }
            }
            SummaryRows.batch(c, "DELETE FROM progress_briefings WHERE unit_id = ? AND yearly = ? AND start_date = ?",
                    gone);
            SummaryRows.batch(c, "INSERT INTO progress_briefings (unit_id, yearly, start_date, held, invited,"
                    + " attended) VALUES (?, ?, ?, ?, ?, ?)", rows);
        }
        return classesOff.size() + countersOff.size();
    }

    /** The briefings that count as held, of any day: whether the first start has anything to count. */
    static final String HELD = "SELECT 1 FROM course_class k JOIN course c ON c.id = k.course_id"
            + " WHERE (c.kind = ? OR c.kind = ?) AND k.status <> ? AND k.status <> ?";

    static void bindHeld(PreparedStatement s) throws SQLException {
        s.setString(1, ActivityKind.PERIODIC_BRIEFING.name());
        s.setString(2, ActivityKind.THEMATIC_BRIEFING.name());
        s.setString(3, ClassStatus.DRAFT.name());
        s.setString(4, ClassStatus.CANCELLED.name());
    }
}
