package vn.cadretraining.reporting.service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.reporting.entity.HolderSpans;

/**
 * The SQL of progress, in the dialect Derby and PostgreSQL share (no WITH, no LIMIT, no date functions; one
 * DISTINCT aggregate per SELECT, which is all Derby allows). Every value is bound. Turns, distinct cadres, the
 * briefings held and a top unit's title holders are read from the summary rows ({@code progress_*}, kept by the
 * changes; see the package's notes); a commune's title holders from the records, as below.
 *
 * <p>The roll-up. A record made under a unit counts under the unit that carries that unit's history today
 * ({@code admin_unit.current_unit_id}: itself while current, else its successor's), and then under every unit
 * above that one in today's tree (a path prefix test). To group the records of a unit's subtree by the units
 * directly under it, the expression {@link #CHILD} climbs at most three levels from the current unit
 * ({@code cu}) by its parents ({@code p1}, {@code p2}): today's tree has the province, commune-level units and
 * hamlets, so no record is deeper than that below any unit. Group 0 is the unit itself (a record made directly
 * under it, such as a district's before the 2025 reform, carried to the province).
 */
public final class ProgressSql {

    /** The unit directly under the scope that the current unit {@code cu} belongs to; 0 for the scope itself. */
    static final String CHILD = "CASE WHEN cu.id = ? THEN 0 WHEN cu.parent_id = ? THEN cu.id"
            + " WHEN p1.parent_id = ? THEN p1.id WHEN p2.parent_id = ? THEN p2.id ELSE 0 END";
    static final String ANCESTORS = " LEFT JOIN admin_unit p1 ON p1.id = cu.parent_id"
            + " LEFT JOIN admin_unit p2 ON p2.id = p1.parent_id";

    /** The ten digits, listed: a range such as BETWEEN '0' AND '9' follows the collation, which may let other digits in. */
    private static final String DIGITS = "('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')";

    /**
     * The day a holder's current term began: 1 January of the first year written in the position's term
     * ("2022–2027"), or the day they took the title when no term is written; a title carried across a merge of
     * units keeps that day (term_start), not the merge day. Guarded so that a term written any other way never
     * reaches the CAST.
     */
    static final String TERM_START = "(CASE WHEN p.term LIKE '19__%' OR p.term LIKE '20__%' THEN"
            + " (CASE WHEN SUBSTR(p.term, 3, 1) IN " + DIGITS + " AND SUBSTR(p.term, 4, 1) IN " + DIGITS
            + " THEN CAST(SUBSTR(p.term, 1, 4) || '-01-01' AS DATE) ELSE COALESCE(p.term_start, p.start_date) END)"
            + " ELSE COALESCE(p.term_start, p.start_date) END)";

    /** Held on a day (two values: the day, twice). */
    static final String HELD = " p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)";

    /**
     * Derby's override for a table reached from the scope's units: looked up row by row through the index named
     * (a nested loop), not read whole into a hash table, which Derby's optimizer chose for the big tables
     * (most of a commune's SQL at national scale). A comment to PostgreSQL.
     */
    static String nested(String access) {
        return " --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, " + access + "\n ";
    }

    /** Derby's optimizer override: join the tables in the order written. A comment to PostgreSQL. */
    static final String FIXED_ORDER = " --DERBY-PROPERTIES joinOrder=FIXED\n ";

    /**
     * The scope's units ({@code cu}, by path), first in a fixed join order, read through the path index: with the
     * path bound as a parameter Derby otherwise read the whole unit table (145,000 units at national scale: most of
     * a commune's 0.9 s of SQL at L).
     */
    static final String SCOPE_UNITS = FIXED_ORDER + "admin_unit cu --DERBY-PROPERTIES index=IX_ADMIN_UNIT_PATH\n ";

    private ProgressSql() {
    }

    /** A statement and its values, in order. */
    public record Statement(String sql, List<Object> values) {
        Statement(String sql, Object... values) {
            this(sql, new ArrayList<>(Arrays.asList(values)));
        }
    }

    static Object date(LocalDate d) {
        return Date.valueOf(d);
    }

    static List<Object> scope4(long scopeId) {
        return List.of(scopeId, scopeId, scopeId, scopeId);
    }

    /** This year's turns and cadres, then last year's, summed over summary rows ({@code s}); four values: the years. */
    private static final String TWO_YEARS = "SUM(CASE WHEN s.year_no = ? THEN s.turns ELSE 0 END),"
            + " SUM(CASE WHEN s.year_no = ? THEN s.cadres ELSE 0 END), SUM(CASE WHEN s.year_no = ? THEN s.turns ELSE 0 END),"
            + " SUM(CASE WHEN s.year_no = ? THEN s.cadres ELSE 0 END)";

    private static List<Object> twoYears(int year) {
        return List.of(year, year, year - 1, year - 1);
    }

    /**
     * Turns and distinct cadres of each unit directly under the scope, this year and last, read from the summary
     * rows (a unit's row counts its whole subtree, its history included; V22, one row per unit and year) by their
     * parent (V23: one range of its index, whatever the number of units). Rows of units closed since may come
     * too: the caller keeps those of the units it lists. Columns: unit, turns, cadres, last year's turns, last
     * year's cadres.
     */
    static Statement byChild(long scopeId, int year) {
        Statement s = new Statement("SELECT s.unit_id, " + TWO_YEARS + " FROM progress_unit_year s"
                + " --DERBY-PROPERTIES index=IX_PROGRESS_UNIT_YEAR_PARENT\n"
                + " WHERE s.parent_id = ? AND s.year_no >= ? AND s.year_no <= ? GROUP BY s.unit_id");
        s.values().addAll(twoYears(year));
        s.values().addAll(List.of(scopeId, year - 1, year));
        return s;
    }

    /**
     * The scope's turns and distinct cadres by ethnic group and gender, this year and last, from the summary rows:
     * each cadre is counted in one pair, so the pairs add up to the scope's turns and distinct cadres. Columns:
     * ethnicity code ('' when not recorded), gender, turns, cadres, last year's turns, last year's cadres.
     */
    static Statement byPeople(long scopeId, int year) {
        Statement s = new Statement("SELECT s.ethnicity_code, s.gender, " + TWO_YEARS + " FROM progress_people s"
                + " WHERE s.unit_id = ? AND s.year_no IN (?, ?) GROUP BY s.ethnicity_code, s.gender");
        s.values().addAll(twoYears(year));
        s.values().addAll(List.of(scopeId, year, year - 1));
        return s;
    }

    /**
     * The scope's turns by the day the class ended and by subject group, from {@code lastFrom} to {@code yearEnd}
     * (the months of the year-over-year chart and the subject groups' turns add up from these), from the summary
     * rows. Columns: day, subject group id, turns.
     */
    static Statement byDayAndSubject(long scopeId, LocalDate lastFrom, LocalDate yearEnd) {
        return new Statement("SELECT s.end_date, s.subject_group_id, s.turns FROM progress_turns s"
                + " WHERE s.unit_id = ? AND s.end_date >= ? AND s.end_date <= ?", scopeId, date(lastFrom),
                date(yearEnd));
    }

    /**
     * Positions held on {@code asOf} under the scope, each with whether its title carries an allowance (paid)
     * and whether its holder is trained by then (tn): a completion from {@code yearFrom} (the year basis) or from
     * the position's term start (the term basis) to {@code asOf}. The scope's units come first and each position
     * is joined to its holder's completions: a holder with several gives several rows, which every caller reduces
     * by holder with MAX. For a commune or a district: a top unit's are kept ({@link #keptTitleShares}).
     */
    private static String holders(String select, boolean byChild, boolean term, boolean paidOnly) {
        String start = term ? TERM_START : "?";
        return "SELECT " + select + ", p.cadre_id, CASE WHEN pt.paid = ? THEN 1 ELSE 0 END AS paid,"
                + " CASE WHEN c.id IS NULL THEN 0 ELSE 1 END AS tn"
                + " FROM" + SCOPE_UNITS + "JOIN admin_unit pu ON pu.current_unit_id = cu.id"
                + " JOIN position p ON p.unit_id = pu.id JOIN position_title pt ON pt.id = p.title_id"
                + (byChild ? ANCESTORS : "")
                + " LEFT JOIN enrollment e ON e.cadre_id = p.cadre_id AND e.outcome = ? AND e.status = ?"
                + " LEFT JOIN course_class k ON k.id = e.class_id AND k.end_date >= " + start + " AND k.end_date <= ?"
                + " LEFT JOIN course c ON c.id = k.course_id AND c.kind <> ? AND c.kind <> ?"
                + " WHERE" + HELD + " AND cu.path LIKE ?" + (paidOnly ? " AND pt.paid = ?" : "");
    }

    private static List<Object> holderValues(LocalDate yearFrom, LocalDate asOf, String path, boolean term,
            boolean paidOnly) {
        List<Object> v = new ArrayList<>();
        v.add(Boolean.TRUE);
        v.add(Outcome.COMPLETED.name());
        v.add(EnrollmentStatus.ENROLLED.name());
        if (!term) {
            v.add(date(yearFrom));
        }
        v.addAll(List.of(date(asOf), ActivityKind.PERIODIC_BRIEFING.name(), ActivityKind.THEMATIC_BRIEFING.name()));
        v.add(date(asOf));
        v.add(date(asOf));
        v.add(path + "%");
        if (paidOnly) {
            v.add(Boolean.TRUE);
        }
        return v;
    }

    /**
     * The holders of each title under the scope on {@code asOf}, and how many of them are trained; and the same
     * for the paid titles together. Each holder is reduced to one row per title and one row over all their
     * titles ({@code ROLLUP}), so a holder counts once per title, and once among the paid titles even when
     * holding two of them. Columns: title id (NULL for the paid titles together), holders, trained.
     */
    static Statement titleShares(String path, LocalDate yearFrom, LocalDate asOf, boolean term) {
        // the grand total row of the ROLLUP (no cadre) is left out by a CASE rather than a WHERE, which Derby
        // would push below the ROLLUP
        Statement s = new Statement("SELECT x.title_id,"
                + " SUM(CASE WHEN x.cadre_id IS NULL THEN 0 WHEN x.title_id IS NULL THEN x.hp ELSE 1 END),"
                + " SUM(CASE WHEN x.cadre_id IS NULL THEN 0 WHEN x.title_id IS NULL THEN x.tp ELSE x.tn END) FROM ("
                + "SELECT w.cadre_id, w.title_id, MAX(w.tn) AS tn, MAX(w.paid) AS hp, MAX(w.paid * w.tn) AS tp FROM ("
                + holders("p.title_id", false, term, false)
                + ") w GROUP BY ROLLUP (w.cadre_id, w.title_id)) x GROUP BY x.title_id");
        s.values().addAll(holderValues(yearFrom, asOf, path, term, false));
        return s;
    }

    /**
     * The holders of any of the paid titles on {@code asOf}, and how many of them are trained, by unit directly
     * under the scope. A holder of two paid titles counts once. Columns: group, holders, trained.
     */
    static Statement paidByChild(long scopeId, String path, LocalDate yearFrom, LocalDate asOf, boolean term) {
        Statement s = new Statement("SELECT x.g, COUNT(*), SUM(x.tn) FROM ("
                + "SELECT w.g, w.cadre_id, MAX(w.tn) AS tn FROM (" + holders(CHILD + " AS g", true, term, true)
                + ") w GROUP BY w.g, w.cadre_id) x GROUP BY x.g");
        s.values().addAll(scope4(scopeId));
        s.values().addAll(holderValues(yearFrom, asOf, path, term, true));
        return s;
    }

    /**
     * The kept changes of one measure up to a day, of a unit (or of the units directly under it): the measure's
     * total, less the changes after the day (for today, the few set for days to come); each part one range of the
     * key (of the index by parent for the units under a unit, V23). Columns: unit, title, n. Values: the unit, the
     * measure's total, its day; the unit, the measure, the day.
     */
    private static String keptUpTo(String units) {
        return "SELECT h.unit_id, h.title_id, h.n FROM " + units + " AND h.measure = ? AND h.from_day = ?"
                + " UNION ALL SELECT h.unit_id, h.title_id, -h.n AS n FROM " + units + " AND h.measure = ? AND h.from_day > ?";
    }

    /** {@link #keptUpTo}'s rows: a unit's, or those of the units directly under it. */
    private static final String KEPT_OF_UNIT = "progress_holders h WHERE h.unit_id = ?";
    private static final String KEPT_OF_CHILDREN = "progress_holders h"
            + " --DERBY-PROPERTIES index=IX_PROGRESS_HOLDERS_PARENT\n WHERE h.parent_id = ?";

    private static List<Object> keptValues(long unitId, int measure, LocalDate asOf) {
        return List.of(unitId, measure + HolderSpans.TOTAL, date(HolderSpans.FIRST), unitId, measure, date(asOf));
    }

    /**
     * The holders of each title (0: of the paid titles together) under a top unit on {@code asOf}, and those of
     * them trained by {@code measure} (in the term, in the year), from the kept changes ({@code progress_holders}).
     * Columns: title id, holders, trained.
     */
    static Statement keptTitleShares(long unitId, LocalDate asOf, int measure) {
        return kept("title_id", KEPT_OF_UNIT, unitId, asOf, measure);
    }

    /**
     * As {@link #keptTitleShares}, the paid titles together, by unit directly under a top unit. Columns: unit,
     * holders, trained.
     */
    static Statement keptPaidByChild(long unitId, LocalDate asOf, int measure) {
        return kept("unit_id", KEPT_OF_CHILDREN, unitId, asOf, measure);
    }

    /** The holders and the trained holders on {@code asOf}, grouped by {@code column}, of {@code rows}. */
    private static Statement kept(String column, String rows, long unitId, LocalDate asOf, int measure) {
        Statement s = new Statement("SELECT x." + column + ", SUM(x.held), SUM(x.trained) FROM ("
                + "SELECT k." + column + ", k.n AS held, 0 AS trained FROM (" + keptUpTo(rows) + ") k"
                + " UNION ALL SELECT t." + column + ", 0 AS held, t.n AS trained FROM (" + keptUpTo(rows) + ") t"
                + ") x GROUP BY x." + column);
        s.values().addAll(keptValues(unitId, HolderSpans.HELD, asOf));
        s.values().addAll(keptValues(unitId, measure, asOf));
        return s;
    }

    /** Holders of each title on a day, by unit directly under the scope. Columns: title id, group, holders. */
    static Statement holdersByChild(long scopeId, String path, LocalDate day) {
        Statement s = new Statement("SELECT t.title_id, t.g, COUNT(DISTINCT t.cadre_id) FROM (SELECT p.title_id, "
                + CHILD + " AS g, p.cadre_id FROM position p JOIN admin_unit pu ON pu.id = p.unit_id"
                + " JOIN admin_unit cu ON cu.id = pu.current_unit_id" + ANCESTORS
                + " WHERE" + HELD + " AND cu.path LIKE ?) t GROUP BY t.title_id, t.g");
        s.values().addAll(scope4(scopeId));
        s.values().addAll(List.of(date(day), date(day), path + "%"));
        return s;
    }

    /**
     * The briefings a unit held (organised by it or under it: not a draft, not cancelled, begun) from 1 January of
     * the year before {@code year} to {@code asOf}, from the kept counters (V18), day by day: a row per day one
     * began. Columns: day, held, invited, attended.
     */
    static Statement keptBriefingDays(long unitId, int year, LocalDate asOf) {
        return new Statement("SELECT b.start_date, b.held, b.invited, b.attended FROM progress_briefings b"
                + " WHERE b.unit_id = ? AND b.yearly = 0 AND b.start_date >= ? AND b.start_date <= ?", unitId,
                date(LocalDate.of(year - 1, 1, 1)), date(asOf));
    }

    /**
     * The briefings each unit directly under a unit held last year and this year up to {@code asOf}, with this
     * year's invitations and those who attended: the two years' counters, less the briefings set for a day after
     * {@code asOf} (a row per such day), each part one range of the index by parent (V23). Columns: unit, held last
     * year, held this year, invited, attended.
     */
    static Statement keptBriefingsByChild(long unitId, int year, LocalDate asOf) {
        String part = "SELECT b.unit_id AS u, CASE WHEN b.start_date < ? THEN %1$s ELSE 0 END AS lh,"
                + " CASE WHEN b.start_date >= ? THEN %1$s ELSE 0 END AS h,"
                + " CASE WHEN b.start_date >= ? THEN %2$s ELSE 0 END AS i,"
                + " CASE WHEN b.start_date >= ? THEN %3$s ELSE 0 END AS a"
                + " FROM progress_briefings b --DERBY-PROPERTIES index=IX_PROGRESS_BRIEFINGS_PARENT\n"
                + " WHERE b.parent_id = ?"
                + " AND b.yearly = ? AND b.start_date %4$s ? AND b.start_date <= ?";
        Statement s = new Statement("SELECT t.u, SUM(t.lh), SUM(t.h), SUM(t.i), SUM(t.a) FROM ("
                + String.format(part, "b.held", "b.invited", "b.attended", ">=") + " UNION ALL "
                + String.format(part, "-b.held", "-b.invited", "-b.attended", ">") + ") t GROUP BY t.u");
        Object yearFrom = date(LocalDate.of(year, 1, 1));
        s.values().addAll(List.of(yearFrom, yearFrom, yearFrom, yearFrom, unitId, 1, date(LocalDate.of(year - 1, 1, 1)),
                yearFrom));
        // asOf is in the year or the year before (next year, asked today: the rest of this year and all of next)
        s.values().addAll(List.of(yearFrom, yearFrom, yearFrom, yearFrom, unitId, 0, date(asOf),
                date(LocalDate.of(year, 12, 31))));
        return s;
    }

    /**
     * The current holders of a title (or of any title) under the scope who are not trained (no completion from
     * {@code from}, or from their term's start, to {@code asOf}); {@code select} is what to return for them.
     */
    static Statement untrained(String select, String order, String path, Long titleId, boolean newlyElected,
            LocalDate from, LocalDate asOf, boolean term) {
        String start = term ? TERM_START : "?";
        Statement s = new Statement("SELECT " + select + " FROM position p JOIN admin_unit pu ON pu.id = p.unit_id"
                + " JOIN admin_unit cu ON cu.id = pu.current_unit_id JOIN cadre d ON d.id = p.cadre_id"
                + " JOIN admin_unit du ON du.id = d.unit_id"
                + " WHERE" + HELD + " AND cu.path LIKE ?" + (titleId != null ? " AND p.title_id = ?" : "")
                + (newlyElected ? " AND p.newly_elected = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM enrollment e JOIN course_class k ON k.id = e.class_id"
                + " JOIN course c ON c.id = k.course_id WHERE e.cadre_id = p.cadre_id AND e.outcome = ? AND e.status = ?"
                + " AND k.end_date >= " + start + " AND k.end_date <= ? AND c.kind <> ? AND c.kind <> ?)"
                + (order == null ? "" : " ORDER BY " + order));
        s.values().add(date(asOf));
        s.values().add(date(asOf));
        s.values().add(path + "%");
        if (titleId != null) {
            s.values().add(titleId);
        }
        if (newlyElected) {
            s.values().add(Boolean.TRUE);
        }
        s.values().add(Outcome.COMPLETED.name());
        s.values().add(EnrollmentStatus.ENROLLED.name());
        if (!term) {
            s.values().add(date(from));
        }
        s.values().addAll(List.of(date(asOf), ActivityKind.PERIODIC_BRIEFING.name(),
                ActivityKind.THEMATIC_BRIEFING.name()));
        return s;
    }
}
