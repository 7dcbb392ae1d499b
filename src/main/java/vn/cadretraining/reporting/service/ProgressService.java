package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.entity.HolderSpans;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.reporting.service.Dashboard.Breakdown;
import vn.cadretraining.reporting.service.Dashboard.Figure;
import vn.cadretraining.reporting.service.Dashboard.GroupRow;
import vn.cadretraining.reporting.service.Dashboard.QuarterRow;
import vn.cadretraining.reporting.service.Dashboard.TitleRow;
import vn.cadretraining.reporting.service.Dashboard.UnitRow;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Progress against the year's targets, for the province reviewers (and administrators) over the whole province
 * and for a coordinator over their own unit: a unit outside the caller's scope is "not found".
 *
 * <p>Every figure is read by the database ({@link ProgressSql}): turns and distinct cadres from the summary rows
 * the changes keep, so a closing shows at the next view; the title holders' shares of the province likewise (the
 * changes kept by day), and the briefings held with their invitees' attendance; a commune's title holders are
 * aggregated from the records. A dashboard takes the same fixed number of statements whatever the size of the
 * province.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class ProgressService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** Who is on an untrained list, and for which span. */
    public record Untrained(Long unitId, int year, Basis basis, Long titleId, boolean newlyElectedOnly)
            implements Serializable {
    }

    /** One cadre of an untrained list, with the titles held now and their last completion ever (if any). */
    public record UntrainedRow(long id, String fullName, String code, String unitLabel, List<String> titlesVi,
            List<String> titlesEn, boolean newlyElected, LocalDate lastCompleted) implements Serializable {

        /** A row known only by its key (ticked on a page not loaded now); null for a key that is not an id. */
        public static UntrainedRow chosen(String key) {
            try {
                return new UntrainedRow(Long.parseLong(key), "", "", "", List.of(), List.of(), false, null);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public long getId() {
            return id;
        }

        public String getFullName() {
            return fullName;
        }

        public String getCode() {
            return code;
        }

        public String getUnitLabel() {
            return unitLabel;
        }

        /** The titles' names in the page's language. */
        public List<String> titles(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titlesEn : titlesVi;
        }

        public boolean isNewlyElected() {
            return newlyElected;
        }

        public LocalDate getLastCompleted() {
            return lastCompleted;
        }
    }

    // ---- scope ----------------------------------------------------------------------------------------

    /** The highest unit the caller may look at: the province, or the coordinator's own unit. */
    public AdminUnit top() {
        Caller caller = currentUser.get();
        if (caller.seesEverything()) {
            return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent IS NULL AND u.validTo IS NULL ORDER BY u.id",
                    AdminUnit.class).setMaxResults(1).getResultStream().findFirst()
                    .orElseThrow(() -> new NotFoundException("unit"));
        }
        AdminUnit unit = caller.unitId() == null ? null : em.find(AdminUnit.class, caller.unitId());
        if (unit == null) {
            throw new NotFoundException("unit");
        }
        return unit;
    }

    /** A unit in service that the caller may look at (their top unit when none is named); else "not found". */
    public AdminUnit visibleUnit(Long unitId) {
        if (unitId == null) {
            return top();
        }
        AdminUnit unit = em.find(AdminUnit.class, unitId);
        if (unit == null || unit.isClosed() || !currentUser.get().coversUnitPath(unit.getPath())) {
            throw new NotFoundException("unit");
        }
        return unit;
    }

    // ---- the dashboard ----------------------------------------------------------------------------------

    /**
     * The dashboard's page: its training figures, the share of the invited who attended the year's briefings (the
     * unit's, under its own id, and each child's) and its petitions' figures, all counted now. One read: one scope
     * check, one transaction, the children and the targets read once for the training and the petitions.
     */
    public record DashboardPage(Dashboard dashboard, Map<Long, Attended> attendance, PetitionFigures petitions)
            implements Serializable {
    }

    /** The dashboard's page of a unit (the caller's top unit when none is named) and a year. */
    public DashboardPage page(Long unitId, int year, Basis basis) {
        AdminUnit top = top();
        AdminUnit unit = unitId == null ? top : visibleUnit(unitId);
        VietnamTime.checkedYear(year);
        List<AdminUnit> children = children(em, unit.getId());
        List<TargetValues.Value> targets = TargetValues.of(em, unit.getId(), year, null);
        Map<Long, Attended> attendance = new HashMap<>();
        Dashboard dashboard = count(unit, children, targets, year, basis, attendance).withPath(pathTo(unit, top));
        return new DashboardPage(dashboard, attendance, PetitionProgress.figures(em, unit, children, targets, year));
    }

    /** The day a year's figures are counted to: today, or 31 December of a year that is over. */
    private static LocalDate asOf(int year) {
        LocalDate today = VietnamTime.today();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return today.isBefore(yearEnd) ? today : yearEnd;
    }

    /**
     * Counts a unit's dashboard, without a way back up, and puts the invited and the attended of the year's
     * briefings into {@code attendance}; the caller has checked that the reader may see the unit and read its
     * children and targets.
     */
    private Dashboard count(AdminUnit unit, List<AdminUnit> children, List<TargetValues.Value> targetValues, int year,
            Basis basis, Map<Long, Attended> attendance) {
        LocalDate today = VietnamTime.today();
        LocalDate yearFrom = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate lastFrom = yearFrom.minusYears(1);
        LocalDate lastEnd = yearEnd.minusYears(1);
        LocalDate asOf = asOf(year);
        double elapsed = Pace.elapsed(year, today);
        long scope = unit.getId();
        String path = unit.getPath();
        boolean term = basis == Basis.TERM;

        boolean top = unit.getParent() == null;
        int trained = term ? HolderSpans.TERM : HolderSpans.YEAR;

        // the aggregates, one after the other in this transaction: started together on threads of their own (as
        // they were) they were no faster on this 2-core machine (a commune, one user: 23.5 vs 24.4 ms; the province
        // 375 vs 357 ms) and slower on one core (28-37 vs 24-27 ms; 705-788 vs 474-689 ms), and they took six
        // threads and six transactions from a server whose other users need them (issue 7)
        List<Object[]> childRows = rows(ProgressSql.byChild(scope, year));
        List<Object[]> people = rows(ProgressSql.byPeople(scope, year));
        List<Object[]> dayRows = rows(ProgressSql.byDayAndSubject(scope, lastFrom, yearEnd));
        // the title holders: kept for a top unit and the units under it (its subtree is the whole tree); counted
        // from the records under a commune or a district, which hold a few hundred positions
        List<Object[]> titleRows = top ? rows(ProgressSql.keptTitleShares(scope, asOf, trained))
                : rows(ProgressSql.titleShares(path, yearFrom, asOf, term));
        List<Object[]> paidRows = children.isEmpty() ? List.of()
                : top ? rows(ProgressSql.keptPaidByChild(scope, asOf, trained))
                : rows(ProgressSql.paidByChild(scope, path, yearFrom, asOf, term));
        // a year not begun yet has nobody trained in it (the kept counts would give those of the current year)
        boolean noneTrained = !term && asOf.isBefore(yearFrom);
        List<Object[]> briefingDays = rows(ProgressSql.keptBriefingDays(scope, year, asOf));
        List<Object[]> briefingRows = children.isEmpty() ? List.of()
                : rows(ProgressSql.keptBriefingsByChild(scope, year, asOf));
        Targets targets = targets(unit, year, targetValues);

        // completions: by child; by people (which also gives the scope's turns and distinct cadres); by day and
        // subject group
        Map<Long, long[]> byChild = new HashMap<>();
        for (Object[] r : childRows) {
            // this year's turns, cadres, last year's turns, cadres
            byChild.put(num(r[0]), new long[] {num(r[1]), num(r[2]), num(r[3]), num(r[4])});
        }
        long[] total = totals(people);
        long[] monthly = new long[12];
        long[] monthlyLast = new long[12];
        long lastYearSoFar = 0; // turns last year up to the same day, for a fair change while the year runs
        LocalDate sameDayLastYear = asOf.minusYears(1);
        Map<Long, long[]> bySubject = new HashMap<>();
        for (Object[] r : dayRows) {
            LocalDate day = toDate(r[0]);
            boolean now = day.getYear() == year;
            (now ? monthly : monthlyLast)[day.getMonthValue() - 1] += num(r[2]);
            if (!now && !day.isAfter(sameDayLastYear)) {
                lastYearSoFar += num(r[2]);
            }
            bySubject.computeIfAbsent(num(r[1]), k -> new long[2])[now ? 0 : 1] += num(r[2]);
        }
        List<GroupRow> subjects = subjects(bySubject, targets, elapsed);
        List<Breakdown>[] breakdowns = breakdowns(people);

        // title holders: each title, and the paid titles together, over the scope; the paid titles by child
        Map<Long, long[]> titleShares = new HashMap<>();
        long[] paidScope = new long[2];
        for (Object[] r : titleRows) {
            long[] v = {num(r[1]), noneTrained ? 0 : num(r[2])};
            if (v[0] == 0) {
                continue; // a title whose holders have all left (kept counts back to zero)
            }
            if (r[0] == null || num(r[0]) == HolderSpans.PAID) {
                paidScope = v;
            } else {
                titleShares.put(num(r[0]), v);
            }
        }
        Map<Long, long[]> paidByChild = new HashMap<>();
        for (Object[] r : paidRows) {
            paidByChild.put(num(r[0]), new long[] {num(r[1]), noneTrained ? 0 : num(r[2])});
        }
        List<TitleRow> titles = titles(titleShares, targets, elapsed);

        // briefings: the scope's by quarter, last year (1-4) and this year (5-8); each child's last year and this
        // year, as the year's halves of the same array (1 and 5)
        long[] quartersHeld = new long[9];
        long invited = 0;
        long attended = 0;
        for (Object[] r : briefingDays) {
            LocalDate day = toDate(r[0]);
            quartersHeld[(day.getYear() == year ? 4 : 0) + (day.getMonthValue() - 1) / 3 + 1] += num(r[1]);
            if (day.getYear() == year) {
                invited += num(r[2]);
                attended += num(r[3]);
            }
        }
        attendance.put(scope, new Attended(invited, attended));
        Map<Long, long[]> briefings = new HashMap<>();
        for (Object[] r : briefingRows) {
            long[] b = new long[9];
            b[1] = num(r[1]);
            b[5] = num(r[2]);
            briefings.put(num(r[0]), b);
            attendance.put(num(r[0]), new Attended(num(r[3]), num(r[4])));
        }
        List<QuarterRow> quarters = new ArrayList<>();
        Integer perQuarter = targets.of(scope, Measure.BRIEFINGS, 0, year);
        for (int q = 1; q <= 4; q++) {
            double inQuarter = Pace.elapsedInQuarter(year, q, today);
            quarters.add(new QuarterRow(q, quartersHeld[q + 4], perQuarter, inQuarter,
                    inQuarter == 0 ? Standing.NO_TARGET : Pace.standing(quartersHeld[q + 4], perQuarter, inQuarter),
                    quartersHeld[q]));
        }

        List<UnitRow> rows = new ArrayList<>();
        for (AdminUnit child : children) {
            long id = child.getId();
            long[] v = byChild.getOrDefault(id, new long[4]);
            long[] paid = paidByChild.getOrDefault(id, new long[2]);
            long[] b = briefings.getOrDefault(id, new long[9]);
            rows.add(new UnitRow(child, 0,
                    Figure.of(v[0], targets.of(id, Measure.TURNS, 0, year), elapsed, (double) v[2],
                            targets.of(id, Measure.TURNS, 0, year - 1)),
                    Figure.of(v[1], targets.of(id, Measure.CADRES, 0, year), elapsed, (double) v[3],
                            targets.of(id, Measure.CADRES, 0, year - 1)),
                    briefingsOfYear(b, targets.of(id, Measure.BRIEFINGS, 0, year),
                            targets.of(id, Measure.BRIEFINGS, 0, year - 1), year, today),
                    paid[0], paid[1], v[2]));
        }
        rows = ranked(rows);
        // the table is ranked by its targets when a child listed has one of the year of those its rows show
        boolean childTargets = targetValues.stream().anyMatch(v -> v.unitId() != scope && v.year() == year
                && (v.measure() == Measure.TURNS || v.measure() == Measure.CADRES || v.measure() == Measure.BRIEFINGS));

        return new Dashboard(unit, List.of(), year, basis, asOf, elapsed,
                Figure.of(total[0], targets.of(scope, Measure.TURNS, 0, year), elapsed, (double) total[2],
                        targets.of(scope, Measure.TURNS, 0, year - 1)).withSamePeriod((double) lastYearSoFar),
                Figure.of(total[1], targets.of(scope, Measure.CADRES, 0, year), elapsed, (double) total[3],
                        targets.of(scope, Measure.CADRES, 0, year - 1)),
                briefingsOfYear(quartersHeld, perQuarter, targets.of(scope, Measure.BRIEFINGS, 0, year - 1), year, today),
                Figure.of(share(paidScope[0], paidScope[1]), null, elapsed, null, null),
                paidScope[0], rows, childTargets, titles, quarters, subjects, breakdowns[0], breakdowns[1], monthly,
                monthlyLast,
                direct(total[0], byChild, children));
    }

    /** The units in service directly under a unit, in the order of their codes. */
    static List<AdminUnit> children(EntityManager em, long unitId) {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent.id = :p AND u.validTo IS NULL ORDER BY u.code",
                AdminUnit.class).setParameter("p", unitId).getResultList();
    }

    /** The scope's turns, cadres, last year's turns and cadres, from the rows of {@link ProgressSql#byPeople}. */
    private static long[] totals(List<Object[]> people) {
        long[] total = new long[4];
        for (Object[] r : people) {
            for (int i = 0; i < 4; i++) {
                total[i] += num(r[2 + i]);
            }
        }
        return total;
    }

    /** A unit's turns of the year against its target, and each unit's directly under it: what the home pages show. */
    public record Headline(AdminUnit unit, Figure turns, List<UnitTurns> children) implements Serializable {
    }

    /** A unit's turns of the year against its target. */
    public record UnitTurns(AdminUnit unit, Figure turns) implements Serializable {
    }

    /**
     * The turns of a unit (the caller's top unit when none is named) and of the units under it, this year, against
     * their targets: four statements over the summary rows and the targets, counted at each view at any scale.
     */
    public Headline headline(Long unitId, int year) {
        AdminUnit unit = visibleUnit(unitId);
        VietnamTime.checkedYear(year);
        long scope = unit.getId();
        double elapsed = Pace.elapsed(year, VietnamTime.today());
        List<AdminUnit> children = children(em, scope);
        Map<Long, long[]> byChild = new HashMap<>();
        for (Object[] r : rows(ProgressSql.byChild(scope, year))) {
            byChild.put(num(r[0]), new long[] {num(r[1]), num(r[3])});
        }
        long[] total = totals(rows(ProgressSql.byPeople(scope, year)));
        Targets targets = targets(unit, year, TargetValues.of(em, scope, year, null));
        List<UnitTurns> rows = new ArrayList<>();
        for (AdminUnit child : children) {
            long id = child.getId();
            long[] v = byChild.getOrDefault(id, new long[2]);
            rows.add(new UnitTurns(child, Figure.of(v[0], targets.of(id, Measure.TURNS, 0, year), elapsed, (double) v[1],
                    targets.of(id, Measure.TURNS, 0, year - 1))));
        }
        return new Headline(unit, Figure.of(total[0], targets.of(scope, Measure.TURNS, 0, year), elapsed,
                (double) total[2], targets.of(scope, Measure.TURNS, 0, year - 1)), rows);
    }

    /** The invited and the attended of briefings; the share (%) null without invitations. */
    public record Attended(long invited, long attended) implements Serializable {
        public Double getPercent() {
            return invited == 0 ? null : 100.0 * attended / invited;
        }
    }

    /**
     * Turns not under any unit listed below this one: recorded at the unit itself, or under a unit closed
     * without a successor, whose history stays its own; so the table and this note add up to the total.
     */
    private static long direct(long total, Map<Long, long[]> byChild, List<AdminUnit> children) {
        long listed = 0;
        for (AdminUnit child : children) {
            listed += byChild.getOrDefault(child.getId(), new long[1])[0];
        }
        return total - listed;
    }

    /** The year's briefings (quarters 5-8 of {@code b}) against four times the per-quarter target. */
    private static Figure briefingsOfYear(long[] b, Integer perQuarter, Integer lastPerQuarter, int year,
            LocalDate today) {
        long held = b[5] + b[6] + b[7] + b[8];
        long lastHeld = b[1] + b[2] + b[3] + b[4];
        Integer target = perQuarter == null ? null : perQuarter * 4;
        double expected = 0;
        for (int q = 1; q <= 4; q++) {
            expected += perQuarter == null ? 0 : perQuarter * Pace.elapsedInQuarter(year, q, today);
        }
        Standing standing = target == null ? Standing.NO_TARGET
                : held >= target ? Standing.REACHED
                : held >= expected ? Standing.ON_TRACK
                : held >= expected * Pace.FAR_BEHIND_BELOW ? Standing.BEHIND : Standing.FAR_BEHIND;
        // briefings are counted by quarter: compared with last year once this year is over
        Double samePeriod = Pace.elapsed(year, today) >= 1.0 ? (double) lastHeld : null;
        return new Figure(held, target, expected, standing, (double) lastHeld,
                lastPerQuarter == null ? null : lastPerQuarter * 4, samePeriod);
    }

    /**
     * Ranks the units: by the share of their turns target done, highest first; units without a target after
     * them, by the share of their paid-title holders trained; ties by name.
     */
    static List<UnitRow> ranked(List<UnitRow> rows) {
        Comparator<UnitRow> order = Comparator
                .comparing((UnitRow r) -> r.turns().getPercent() == null)
                .thenComparing(r -> r.turns().getPercent() == null ? 0.0 : -r.turns().getPercent())
                .thenComparing(r -> r.getPaidPercent() == null ? 1.0 : -r.getPaidPercent())
                .thenComparing(r -> -r.turns().actual())
                .thenComparing(r -> r.unit().getNameFolded());
        List<UnitRow> sorted = rows.stream().sorted(order).toList();
        List<UnitRow> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            UnitRow r = sorted.get(i);
            ranked.add(new UnitRow(r.unit(), i + 1, r.turns(), r.cadres(), r.briefings(), r.paidHolders(),
                    r.paidTrained(), r.lastYearTurns()));
        }
        return ranked;
    }

    private List<GroupRow> subjects(Map<Long, long[]> by, Targets targets, double elapsed) {
        List<GroupRow> rows = new ArrayList<>();
        for (SubjectGroup g : em.createQuery("SELECT g FROM SubjectGroup g ORDER BY g.sortOrder, g.nameVi",
                SubjectGroup.class).getResultList()) {
            long[] v = by.getOrDefault(g.getId(), new long[2]);
            Integer target = targets.of(targets.scopeId, Measure.SUBJECT_TURNS, g.getId(), targets.year);
            if (!g.isActive() && v[0] == 0 && v[1] == 0 && target == null) {
                continue;
            }
            rows.add(new GroupRow(g.getId(), g.getNameVi(), g.getNameEn(), Figure.of(v[0], target, elapsed,
                    (double) v[1], targets.of(targets.scopeId, Measure.SUBJECT_TURNS, g.getId(), targets.year - 1))));
        }
        return rows;
    }

    /** The ethnic groups and the genders, from the rows of {@link ProgressSql#byPeople} (this year's columns). */
    @SuppressWarnings("unchecked")
    private List<Breakdown>[] breakdowns(List<Object[]> people) {
        Map<String, long[]> byEthnicity = new LinkedHashMap<>();
        Map<String, long[]> byGender = new TreeMap<>();
        for (Object[] r : people) {
            if (num(r[2]) == 0) {
                continue;
            }
            long[] e = byEthnicity.computeIfAbsent(r[0] == null ? "" : (String) r[0], k -> new long[2]);
            long[] g = byGender.computeIfAbsent((String) r[1], k -> new long[2]);
            e[0] += num(r[2]);
            e[1] += num(r[3]);
            g[0] += num(r[2]);
            g[1] += num(r[3]);
        }
        Map<String, Ethnicity> names = byEthnicity.isEmpty() ? Map.of()
                : em.createQuery("SELECT e FROM Ethnicity e", Ethnicity.class)
                        .setHint("eclipselink.query-results-cache", true).getResultList().stream()
                        .collect(Collectors.toMap(Ethnicity::getCode, e -> e));
        List<Breakdown> ethnicities = byEthnicity.entrySet().stream()
                .map(en -> {
                    Ethnicity e = names.get(en.getKey());
                    return new Breakdown(en.getKey(), e == null ? null : e.getNameVi(), e == null ? null : e.getNameEn(),
                            en.getValue()[0], en.getValue()[1]);
                })
                .sorted(Comparator.comparingLong((Breakdown b) -> -b.turns()).thenComparing(Breakdown::key))
                .toList();
        List<Breakdown> genders = byGender.entrySet().stream()
                .map(en -> new Breakdown(en.getKey(), null, null, en.getValue()[0], en.getValue()[1])).toList();
        return new List[] {ethnicities, genders};
    }

    private List<TitleRow> titles(Map<Long, long[]> shares, Targets targets, double elapsed) {
        List<TitleRow> rows = new ArrayList<>();
        for (PositionTitle t : em.createQuery("SELECT t FROM PositionTitle t ORDER BY t.sortOrder, t.nameVi",
                PositionTitle.class).getResultList()) {
            long[] v = shares.getOrDefault(t.getId(), new long[2]);
            Integer target = targets.of(targets.scopeId, Measure.TITLE_SHARE, t.getId(), targets.year);
            if (v[0] == 0 && target == null && !t.isActive()) {
                continue;
            }
            rows.add(new TitleRow(t.getId(), t.getNameVi(), t.getNameEn(), t.isPaid(), v[0], v[1],
                    Figure.of(share(v[0], v[1]), target, elapsed, null,
                            targets.of(targets.scopeId, Measure.TITLE_SHARE, t.getId(), targets.year - 1))));
        }
        return rows;
    }

    /** The units from the caller's top unit down to this one. */
    private List<AdminUnit> pathTo(AdminUnit unit, AdminUnit top) {
        List<AdminUnit> path = new ArrayList<>();
        for (String id : unit.getPath().split("/")) {
            if (id.isEmpty()) {
                continue;
            }
            AdminUnit u = em.find(AdminUnit.class, Long.valueOf(id));
            if (u != null && u.getPath().startsWith(top.getPath())) {
                path.add(u);
            }
        }
        return path;
    }

    // ---- targets as the dashboard reads them -------------------------------------------------------------

    /** The targets of a unit and its children for a year and the year before ({@link TargetValues#of}). */
    private static Targets targets(AdminUnit unit, int year, List<TargetValues.Value> values) {
        Targets t = new Targets(unit.getId(), year);
        for (TargetValues.Value v : values) {
            t.values.put(Targets.key(v.unitId(), v.measure(), v.dimensionId(), v.year()), v.value());
        }
        return t;
    }

    private static final class Targets {
        final long scopeId;
        final int year;
        final Map<String, Integer> values = new HashMap<>();

        Targets(long scopeId, int year) {
            this.scopeId = scopeId;
            this.year = year;
        }

        static String key(long unit, Measure m, long dimension, int year) {
            return unit + ":" + m + ":" + dimension + ":" + year;
        }

        Integer of(long unit, Measure m, long dimension, int y) {
            return values.get(key(unit, m, dimension, y));
        }
    }

    // ---- untrained lists ----------------------------------------------------------------------------------

    /** How many cadres the list holds. */
    public long countUntrained(Untrained f) {
        Span span = span(f);
        ProgressSql.Statement s = ProgressSql.untrained("COUNT(DISTINCT p.cadre_id)", null, span.unit.getPath(),
                f.titleId(), f.newlyElectedOnly(), span.from, span.asOf, f.basis() == Basis.TERM);
        return num(query(s).getSingleResult());
    }

    /** A page of the list: by the cadre's hamlet (in the official order of codes), then by name as Vietnamese lists are ordered. */
    public List<UntrainedRow> untrained(Untrained f, PageRequest page) {
        List<Long> ids = untrainedIds(f, page.first(), page.size());
        return untrainedRows(ids, span(f).asOf);
    }

    /** The list from its start (at most {@code max}), for the files: the ids at once, the rows in batches. */
    public List<UntrainedRow> untrainedList(Untrained f, int max) {
        List<Long> ids = untrainedIds(f, 0, max);
        LocalDate asOf = span(f).asOf;
        List<UntrainedRow> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += ROWS_AT_ONCE) {
            rows.addAll(untrainedRows(ids.subList(i, Math.min(ids.size(), i + ROWS_AT_ONCE)), asOf));
        }
        return rows;
    }

    /** Rows read per IN list: well under what every database takes in one statement. */
    private static final int ROWS_AT_ONCE = 1_000;

    /** The ids of the list (at most {@code max}), in its order. */
    public List<Long> untrainedIds(Untrained f, int first, int max) {
        Span span = span(f);
        ProgressSql.Statement s = ProgressSql.untrained("DISTINCT d.id, du.code, d.name_sort",
                "du.code, d.name_sort, d.id", span.unit.getPath(), f.titleId(), f.newlyElectedOnly(),
                span.from, span.asOf, f.basis() == Basis.TERM);
        List<Long> ids = new ArrayList<>();
        for (Object row : query(s).setFirstResult(first).setMaxResults(max).getResultList()) {
            ids.add(num(((Object[]) row)[0]));
        }
        return ids;
    }

    /** The rows of these cadres, in this order: three statements whatever their number. */
    private List<UntrainedRow> untrainedRows(List<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Cadre> cadres = em.createQuery(
                        "SELECT c FROM Cadre c JOIN FETCH c.unit WHERE c.id IN :ids", Cadre.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(Cadre::getId, c -> c));
        Map<Long, List<Object[]>> held = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT p.cadre.id, p.title.nameVi, p.title.nameEn, p.newlyElected FROM Position p"
                        + " WHERE p.cadre.id IN :ids AND p.startDate <= :d AND (p.endDate IS NULL OR p.endDate >= :d)"
                        + " ORDER BY p.title.sortOrder", Object[].class)
                .setParameter("ids", ids).setParameter("d", asOf).getResultList()) {
            held.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
        }
        Map<Long, LocalDate> last = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT e.cadre.id, MAX(e.courseClass.endDate) FROM Enrollment e"
                        + " WHERE e.cadre.id IN :ids AND e.outcome = :done AND e.status = :enrolled"
                        + " AND e.courseClass.course.kind NOT IN :briefings GROUP BY e.cadre.id", Object[].class)
                .setParameter("ids", ids)
                .setParameter("done", Outcome.COMPLETED)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .setParameter("briefings", List.of(ActivityKind.PERIODIC_BRIEFING,
                        ActivityKind.THEMATIC_BRIEFING))
                .getResultList()) {
            last.put((Long) r[0], (LocalDate) r[1]);
        }
        List<UntrainedRow> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            var c = cadres.get(id);
            if (c == null) {
                continue;
            }
            List<Object[]> ps = held.getOrDefault(id, List.of());
            rows.add(new UntrainedRow(id, c.getFullName(), c.getCode(), c.getUnit().getLabel(),
                    ps.stream().map(p -> (String) p[1]).distinct().toList(),
                    ps.stream().map(p -> (String) p[2]).distinct().toList(),
                    ps.stream().anyMatch(p -> Boolean.TRUE.equals(p[3])), last.get(id)));
        }
        return rows;
    }

    private record Span(AdminUnit unit, LocalDate from, LocalDate asOf) {
    }

    private Span span(Untrained f) {
        AdminUnit unit = visibleUnit(f.unitId());
        VietnamTime.checkedYear(f.year());
        if (f.titleId() != null && em.find(PositionTitle.class, f.titleId()) == null) {
            throw new NotFoundException("title");
        }
        LocalDate yearEnd = LocalDate.of(f.year(), 12, 31);
        LocalDate today = VietnamTime.today();
        return new Span(unit, LocalDate.of(f.year(), 1, 1), today.isBefore(yearEnd) ? today : yearEnd);
    }

    /** A title by id, active or not. */
    public Optional<PositionTitle> title(long id) {
        return Optional.ofNullable(em.find(PositionTitle.class, id));
    }

    /** The titles, active first, in their order. */
    public List<PositionTitle> titles() {
        return em.createQuery("SELECT t FROM PositionTitle t ORDER BY t.active DESC, t.sortOrder, t.nameVi",
                PositionTitle.class).getResultList();
    }

    /** The classes open for nomination whose audience includes cadres under the unit, soonest first. */
    public List<CourseClass> openClassesFor(Long unitId) {
        AdminUnit unit = visibleUnit(unitId);
        LocalDate today = VietnamTime.today();
        // organised at the unit or above it (the paths it starts with), or under it
        List<String> above = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("/");
        for (String id : unit.getPath().split("/")) {
            if (!id.isEmpty()) {
                prefix.append(id).append('/');
                above.add(prefix.toString());
            }
        }
        return em.createQuery("SELECT k FROM CourseClass k JOIN FETCH k.course WHERE k.status = :open"
                        + " AND (k.enrollFrom IS NULL OR k.enrollFrom <= :today) AND (k.enrollUntil IS NULL OR k.enrollUntil >= :today)"
                        + " AND (k.unitPath IN :above OR k.unitPath LIKE :under)"
                        + " ORDER BY k.startDate, k.code", CourseClass.class)
                .setParameter("open", ClassStatus.OPEN).setParameter("today", today)
                .setParameter("above", above).setParameter("under", unit.getPath() + "%")
                .setMaxResults(200).getResultList();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private Query query(ProgressSql.Statement s) {
        Query q = em.createNativeQuery(s.sql());
        for (int i = 0; i < s.values().size(); i++) {
            q.setParameter(i + 1, s.values().get(i));
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(ProgressSql.Statement s) {
        return query(s).getResultList();
    }

    /** trained / holders in percent (0 without holders). */
    static double share(long holders, long trained) {
        return holders == 0 ? 0 : 100.0 * trained / holders;
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static LocalDate toDate(Object o) {
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((java.util.Date) o).toInstant().atZone(VietnamTime.ZONE).toLocalDate();
    }
}
