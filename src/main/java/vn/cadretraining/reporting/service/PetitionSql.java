package vn.cadretraining.reporting.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import vn.cadretraining.petition.entity.PetitionState;

/**
 * The SQL of the petition figures, in the dialect Derby and PostgreSQL share (see {@link ProgressSql}). Every
 * statement counts the petitions received in a span cut into periods by its boundaries ({@code b0 < b1 < … < bn}:
 * period {@code i} is from {@code b(i-1)} to the day before {@code b(i)}), so that one statement gives a
 * dashboard's eight quarters (last year's and this year's) or a report's quarter and the same quarter a year
 * before. A petition is counted where it was received: under the scope when its commune at receipt is (the scope
 * of the petitions list), and under the unit directly below the scope that its hamlet belongs to today (its
 * successor's, when merged), as the training figures roll up ({@link ProgressSql#CHILD}).
 *
 * <p>What each column counts: received (every petition received in the period); resolved (answered, or answered
 * and confirmed: {@link PetitionState#isAnswered()}); satisfied (confirmed satisfactory by the hamlet); ruled on
 * (confirmed, or reopened at least once: the hamlet said yes or no to an answer); overdue (not answered and past
 * its due date today); transferred up (sent to the province, even if sent back down since).
 */
final class PetitionSql {

    private static final String ANSWERED = PetitionState.ANSWERED.name();
    private static final String CONFIRMED = PetitionState.CONFIRMED.name();

    private PetitionSql() {
    }

    /** The flags the figures add up, per petition; bound by {@link #flags}. */
    private static final String FLAGS = "CASE WHEN p.state = ? OR p.state = ? THEN 1 ELSE 0 END AS resolved,"
            + " CASE WHEN p.state = ? THEN 1 ELSE 0 END AS satisfied,"
            + " CASE WHEN p.state = ? OR p.reopened_on IS NOT NULL THEN 1 ELSE 0 END AS ruled,"
            + " CASE WHEN p.state <> ? AND p.state <> ? AND p.due_on < ? THEN 1 ELSE 0 END AS overdue,"
            + " CASE WHEN p.transferred_on IS NOT NULL THEN 1 ELSE 0 END AS up";
    private static final String SUMS = "COUNT(*), SUM(t.resolved), SUM(t.satisfied), SUM(t.ruled), SUM(t.overdue),"
            + " SUM(t.up)";

    private static List<Object> flags(LocalDate today) {
        return List.of(ANSWERED, CONFIRMED, CONFIRMED, CONFIRMED, ANSWERED, CONFIRMED, ProgressSql.date(today));
    }

    /**
     * The petitions under the scope: by the commune at receipt for a commune or above; by the hamlet for a hamlet
     * (its commune's path does not start with it). With {@code byChild}, their hamlet's unit today ({@code cu}) and
     * its parents, which {@link ProgressSql#CHILD} climbs; without, the units are joined only for a hamlet's scope
     * (four lookups a petition that the figures by field and the days to an answer do not need: a third of the
     * province's dashboard at national scale).
     */
    private static String from(boolean hamletScope, boolean byChild) {
        return " FROM petition p" + (hamletScope || byChild ? " JOIN admin_unit h ON h.id = p.hamlet_id"
                + " JOIN admin_unit cu ON cu.id = h.current_unit_id" : "") + (byChild ? ProgressSql.ANCESTORS : "")
                + " WHERE " + (hamletScope ? "cu.path" : "p.commune_path") + " LIKE ?"
                + " AND p.received_on >= ? AND p.received_on < ?";
    }

    private static String period(List<LocalDate> bounds) {
        StringBuilder s = new StringBuilder("CASE");
        for (int i = 1; i < bounds.size() - 1; i++) {
            s.append(" WHEN p.received_on < ? THEN ").append(i);
        }
        return s.append(" ELSE ").append(bounds.size() - 1).append(" END").toString();
    }

    private static void periodValues(ProgressSql.Statement s, List<LocalDate> bounds) {
        for (int i = 1; i < bounds.size() - 1; i++) {
            s.values().add(ProgressSql.date(bounds.get(i)));
        }
    }

    private static void scopeValues(ProgressSql.Statement s, String path, List<LocalDate> bounds) {
        s.values().add(path + "%");
        s.values().add(ProgressSql.date(bounds.get(0)));
        s.values().add(ProgressSql.date(bounds.get(bounds.size() - 1)));
    }

    /**
     * By unit directly under the scope (0: none of them today) and period. Columns: unit, period, received,
     * resolved, satisfied, ruled on, overdue, transferred up.
     */
    static ProgressSql.Statement byChild(long scopeId, String path, boolean hamletScope, List<LocalDate> bounds,
            LocalDate today) {
        ProgressSql.Statement s = new ProgressSql.Statement("SELECT t.g, t.q, " + SUMS + " FROM (SELECT "
                + ProgressSql.CHILD + " AS g, " + period(bounds) + " AS q, " + FLAGS + from(hamletScope, true)
                + ") t GROUP BY t.g, t.q");
        s.values().addAll(ProgressSql.scope4(scopeId));
        periodValues(s, bounds);
        s.values().addAll(flags(today));
        scopeValues(s, path, bounds);
        return s;
    }

    /**
     * A top unit's children's petitions of a year and the year before, from the kept counters (V20: their rows of
     * a whole year), a year at a time, each one range of the index by parent (V23). Columns: unit, year's first
     * day, received, resolved, satisfied, ruled on, up.
     */
    static ProgressSql.Statement keptByChild(long unitId, int year) {
        String ofYear = "SELECT r.unit_id, r.period, r.received, r.resolved, r.satisfied, r.ruled, r.sent_up"
                + " FROM progress_petitions r --DERBY-PROPERTIES index=IX_PROGRESS_PETITIONS_PARENT\n"
                + " WHERE r.parent_id = ?"
                + " AND r.period = ? AND r.field = ?";
        return new ProgressSql.Statement(ofYear + " UNION ALL " + ofYear, unitId,
                ProgressSql.date(LocalDate.of(year, 1, 1)), PetitionRows.YEAR, unitId,
                ProgressSql.date(LocalDate.of(year - 1, 1, 1)), PetitionRows.YEAR);
    }

    /**
     * A unit's own petitions by field and the quarter received, from {@code from} to the day before {@code to},
     * from the kept counters. Columns: quarter's first day, field, received, resolved, satisfied, ruled on, up.
     */
    static ProgressSql.Statement keptByField(long unitId, LocalDate from, LocalDate to) {
        return new ProgressSql.Statement("SELECT r.period, r.field, r.received, r.resolved, r.satisfied, r.ruled,"
                + " r.sent_up FROM progress_petitions r WHERE r.unit_id = ? AND r.period >= ? AND r.period < ?"
                + " AND r.field <> ?", unitId, ProgressSql.date(from), ProgressSql.date(to), PetitionRows.YEAR);
    }

    /**
     * A unit's resolved petitions by the quarter received and the days to their answer, from {@code from} to the
     * day before {@code to}, from the kept histogram. Columns: quarter's first day, days, petitions.
     */
    static ProgressSql.Statement keptDays(long unitId, LocalDate from, LocalDate to) {
        return new ProgressSql.Statement("SELECT d.period, d.days, d.n FROM progress_petition_days d"
                + " WHERE d.unit_id = ? AND d.period >= ? AND d.period < ?", unitId, ProgressSql.date(from),
                ProgressSql.date(to));
    }

    /**
     * The petitions not answered today under the scope, whatever the day of receipt, by unit directly under the
     * scope (as {@link #byChild}), field and period (0: received outside the span), with those of them past their
     * due date: the figures that move with the calendar, so never kept. Read from the index of the petitions by
     * state and commune (V23), which holds every column read, among the few petitions still open. Columns: unit,
     * field, period, open, overdue.
     */
    static ProgressSql.Statement openByChild(long scopeId, String path, List<LocalDate> bounds, LocalDate today) {
        List<PetitionState> open = Arrays.stream(PetitionState.values()).filter(st -> !st.isAnswered()).toList();
        ProgressSql.Statement s = new ProgressSql.Statement("SELECT t.g, t.f, t.q, COUNT(*), SUM(t.o) FROM (SELECT "
                + ProgressSql.CHILD + " AS g, p.field AS f, CASE WHEN p.received_on < ? OR p.received_on >= ? THEN 0"
                + " ELSE " + period(bounds) + " END AS q, CASE WHEN p.due_on < ? THEN 1 ELSE 0 END AS o FROM"
                + ProgressSql.FIXED_ORDER + "petition p --DERBY-PROPERTIES index=IX_PETITION_OPEN\n "
                + "JOIN admin_unit h ON h.id = p.hamlet_id JOIN admin_unit cu ON cu.id = h.current_unit_id"
                + ProgressSql.ANCESTORS + " WHERE p.state IN (" + String.join(", ", Collections.nCopies(open.size(), "?"))
                + ") AND p.commune_path LIKE ?) t GROUP BY t.g, t.f, t.q");
        s.values().addAll(ProgressSql.scope4(scopeId));
        s.values().add(ProgressSql.date(bounds.get(0)));
        s.values().add(ProgressSql.date(bounds.get(bounds.size() - 1)));
        periodValues(s, bounds);
        s.values().add(ProgressSql.date(today));
        open.forEach(st -> s.values().add(st.name()));
        s.values().add(path + "%");
        return s;
    }

    /** By field and period. Columns: field, period, received, resolved, satisfied, ruled on, overdue, up. */
    static ProgressSql.Statement byField(String path, boolean hamletScope, List<LocalDate> bounds, LocalDate today) {
        ProgressSql.Statement s = new ProgressSql.Statement("SELECT t.f, t.q, " + SUMS + " FROM (SELECT p.field AS f, "
                + period(bounds) + " AS q, " + FLAGS + from(hamletScope, false) + ") t GROUP BY t.f, t.q");
        periodValues(s, bounds);
        s.values().addAll(flags(today));
        scopeValues(s, path, bounds);
        return s;
    }

    /**
     * The days from receipt to the answer of the resolved petitions, as a histogram by period: at most one row per
     * period and number of days, however many petitions (the median and the 90th percentile are read from it).
     * The days are counted by the JDBC escape TIMESTAMPDIFF, which Derby runs as itself and PostgreSQL's driver
     * writes as an extract from the timestamps' difference (neither shares a date difference otherwise). Columns:
     * period, days, petitions.
     */
    static ProgressSql.Statement durations(String path, boolean hamletScope, List<LocalDate> bounds) {
        ProgressSql.Statement s = new ProgressSql.Statement("SELECT t.q, t.d, COUNT(*) FROM (SELECT " + period(bounds)
                + " AS q, {fn TIMESTAMPDIFF(SQL_TSI_DAY, CAST(p.received_on AS TIMESTAMP),"
                + " CAST(p.answered_on AS TIMESTAMP))} AS d" + from(hamletScope, false)
                + " AND (p.state = ? OR p.state = ?) AND p.answered_on IS NOT NULL) t GROUP BY t.q, t.d");
        periodValues(s, bounds);
        scopeValues(s, path, bounds);
        s.values().addAll(List.of(ANSWERED, CONFIRMED));
        return s;
    }

    /**
     * Whatever the day of receipt, the petitions not answered today and those of them past their due date.
     * Columns: open, overdue.
     */
    static ProgressSql.Statement openNow(String path, boolean hamletScope, LocalDate today) {
        ProgressSql.Statement s = new ProgressSql.Statement("SELECT COUNT(*),"
                + " SUM(CASE WHEN p.due_on < ? THEN 1 ELSE 0 END) FROM petition p"
                + (hamletScope ? " JOIN admin_unit h ON h.id = p.hamlet_id JOIN admin_unit cu ON cu.id = h.current_unit_id"
                        + " WHERE cu.path LIKE ?" : " WHERE p.commune_path LIKE ?")
                + " AND p.state <> ? AND p.state <> ?");
        s.values().addAll(List.of(ProgressSql.date(today), path + "%", ANSWERED, CONFIRMED));
        return s;
    }
}
