package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.service.PetitionFigures.Counts;
import vn.cadretraining.reporting.service.PetitionFigures.Durations;
import vn.cadretraining.reporting.service.PetitionFigures.FieldRow;
import vn.cadretraining.reporting.service.PetitionFigures.QuarterRow;
import vn.cadretraining.reporting.service.PetitionFigures.Target;
import vn.cadretraining.reporting.service.PetitionFigures.UnitRow;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The petitions' figures beside training on the dashboards, and the quarterly report of petitions, for the same
 * readers and scope as the dashboard ({@link ProgressService#visibleUnit}: a unit outside the caller's scope is
 * "not found"). Every figure is counted in the database, in a fixed number of statements whatever the number of
 * petitions; the report's lists are read in one statement each, up to {@link #MAX_LIST} rows.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class PetitionProgress {

    /** The most petitions a report lists in one table (said in the file when there are more). */
    public static final int MAX_LIST = 5_000;

    private static final List<PetitionState> ANSWERED = List.of(PetitionState.ANSWERED, PetitionState.CONFIRMED);

    @PersistenceContext
    EntityManager em;

    @Inject
    ProgressService progress;

    // ---- the dashboard ---------------------------------------------------------------------------------

    /**
     * A unit's petitions of a year and the year before, with the satisfied share's targets, for the dashboard's
     * page ({@link ProgressService#page}), which has checked that the caller may see the unit and read its children
     * in service (in the order of their codes) and the targets of the unit and its children once for its training
     * and its petitions.
     */
    static PetitionFigures figures(EntityManager em, AdminUnit unit, List<AdminUnit> children,
            List<TargetValues.Value> targetValues, int year) {
        LocalDate today = VietnamTime.today();
        List<LocalDate> bounds = quarters(year);
        Counted c = count(em, unit, children, bounds, today, unit.getParent() == null ? year : null);

        List<QuarterRow> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(new QuarterRow(q, c.total(q + 4), c.total(q)));
        }
        Counts thisYear = c.sum(5, 8);
        Counts lastYear = c.sum(1, 4);
        List<FieldRow> fields = new ArrayList<>();
        for (PetitionField f : PetitionField.values()) {
            fields.add(new FieldRow(f, c.field(f, 5, 8), c.field(f, 1, 4)));
        }
        Map<String, Integer> targets = satisfied(targetValues);
        List<UnitRow> units = new ArrayList<>();
        for (AdminUnit child : c.children) {
            Counts now = c.child(child.getId(), 5, 8);
            units.add(new UnitRow(child, now, c.child(child.getId(), 1, 4),
                    Target.of(now.getSatisfiedShare(), targets.get(child.getId() + ":" + year),
                            targets.get(child.getId() + ":" + (year - 1)))));
        }
        return new PetitionFigures(unit, year, today, thisYear, lastYear, quarters, fields, units,
                c.child(0L, 5, 8), c.durations(5, 8), c.durations(1, 4), c.open, c.overdue,
                Target.of(thisYear.getSatisfiedShare(), targets.get(unit.getId() + ":" + year),
                        targets.get(unit.getId() + ":" + (year - 1))));
    }

    /** The first days of the quarters of the year before and of the year, then 1 January of the next: 9 bounds. */
    static List<LocalDate> quarters(int year) {
        List<LocalDate> bounds = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            for (int m = 1; m <= 10; m += 3) {
                bounds.add(LocalDate.of(y, m, 1));
            }
        }
        bounds.add(LocalDate.of(year + 1, 1, 1));
        return bounds;
    }

    // ---- the quarterly report --------------------------------------------------------------------------

    /** A petition as the report lists it. */
    public record Listed(long id, LocalDate receivedOn, String hamlet, String commune, String raiser,
            PetitionField field, String content, String body, LocalDate dueOn, PetitionState state, boolean atProvince,
            LocalDate answeredOn, String answerNumber, LocalDate transferredOn, String transferReason, boolean overdue)
            implements Serializable {
    }

    /**
     * The quarter's report: its figures beside the same quarter of the year before, by field and by unit; its
     * petitions by state; those sent up to the province in the quarter; the answers due (not answered today).
     *
     * @param listedTotal how many petitions were received in the quarter (the list stops at {@link #MAX_LIST})
     * @param target      the unit's target of the satisfied share for the year; null when none is set
     */
    public record QuarterReport(AdminUnit unit, int year, int quarter, LocalDate from, LocalDate to, LocalDate asOf,
            Integer target, Counts counts, Counts lastYear, Durations durations, Durations lastYearDurations, List<FieldRow> fields,
            List<UnitRow> units, Counts elsewhere, Map<PetitionState, Long> byState, List<Listed> listed,
            long listedTotal, List<Listed> transferred, List<Listed> due, long openNow, long overdueNow)
            implements Serializable {
    }

    /**
     * The quarterly report of a unit: the province or a unit under it down to the communes (a hamlet's petitions
     * are reported by its commune). Quarters 1-4 of a year a dashboard may show.
     */
    public QuarterReport quarter(Long unitId, int year, int quarter) {
        AdminUnit unit = progress.visibleUnit(unitId);
        VietnamTime.checkedYear(year);
        if (quarter < 1 || quarter > 4) {
            throw new BusinessException("petitionReport.error.quarter");
        }
        if (unit.getKind().isHamletLevel()) {
            throw new BusinessException("petitionReport.error.level");
        }
        LocalDate today = VietnamTime.today();
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate end = from.plusMonths(3);
        // the same quarter a year before, then the months between (counted, not shown), then this quarter
        List<LocalDate> bounds = List.of(from.minusYears(1), end.minusYears(1), from, end);
        Counted c = count(em, unit, ProgressService.children(em, unit.getId()), bounds, today, null);
        List<FieldRow> fields = new ArrayList<>();
        for (PetitionField f : PetitionField.values()) {
            fields.add(new FieldRow(f, c.field(f, 3, 3), c.field(f, 1, 1)));
        }
        Map<String, Integer> targets = satisfied(TargetValues.of(em, unit.getId(), year, Measure.PETITION_SATISFIED));
        List<UnitRow> units = new ArrayList<>();
        for (AdminUnit child : c.children) {
            Counts now = c.child(child.getId(), 3, 3);
            units.add(new UnitRow(child, now, c.child(child.getId(), 1, 1),
                    Target.of(now.getSatisfiedShare(), targets.get(child.getId() + ":" + year), null)));
        }

        String scope = unit.getPath() + "%";
        LocalDate to = end.minusDays(1);
        List<Petition> received = em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser JOIN FETCH p.hamlet"
                        + " JOIN FETCH p.commune WHERE p.communePath LIKE :scope AND p.receivedOn >= :from"
                        + " AND p.receivedOn <= :to ORDER BY p.receivedOn, p.id", Petition.class)
                .setParameter("scope", scope).setParameter("from", from).setParameter("to", to)
                .setMaxResults(MAX_LIST).getResultList();
        List<Listed> listed = new ArrayList<>(received.stream().map(p -> listed(p, today)).toList());
        // by state in the order of the lifecycle, then by the day received
        listed.sort(Comparator.comparing(Listed::state).thenComparing(Listed::receivedOn).thenComparing(Listed::id));
        Map<PetitionState, Long> byState = new EnumMap<>(PetitionState.class);
        for (PetitionState s : PetitionState.values()) {
            byState.put(s, 0L);
        }
        for (Object o : em.createQuery("SELECT p.state, COUNT(p) FROM Petition p WHERE p.communePath LIKE :scope"
                        + " AND p.receivedOn >= :from AND p.receivedOn <= :to GROUP BY p.state")
                .setParameter("scope", scope).setParameter("from", from).setParameter("to", to).getResultList()) {
            Object[] r = (Object[]) o;
            byState.put((PetitionState) r[0], ProgressService.num(r[1]));
        }
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        List<Listed> transferred = em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser JOIN FETCH p.hamlet"
                        + " JOIN FETCH p.commune WHERE p.communePath LIKE :scope"
                        + " AND p.transferredOn >= :from AND p.transferredOn <= :to ORDER BY p.transferredOn, p.id",
                        Petition.class)
                .setParameter("scope", scope).setParameter("from", from)
                .setParameter("to", to).setMaxResults(MAX_LIST).getResultList()
                .stream().map(p -> listed(p, today)).toList();
        // answers owed: received by the quarter's end and not answered today, the most pressing first
        List<Listed> due = em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser JOIN FETCH p.hamlet"
                        + " JOIN FETCH p.commune WHERE p.communePath LIKE :scope AND p.state NOT IN :answered"
                        + " AND p.receivedOn <= :to ORDER BY p.dueOn, p.id", Petition.class)
                .setParameter("scope", scope).setParameter("answered", ANSWERED).setParameter("to", to)
                .setMaxResults(MAX_LIST).getResultList()
                .stream().map(p -> listed(p, today)).toList();
        return new QuarterReport(unit, year, quarter, from, to, today,
                targets.get(unit.getId() + ":" + year), c.total(3), c.total(1), c.durations(3, 3),
                c.durations(1, 1), fields, units, c.child(0L, 3, 3), byState, listed, total, transferred, due,
                c.open, c.overdue);
    }

    private static Listed listed(Petition p, LocalDate today) {
        return new Listed(p.getId(), p.getReceivedOn(), p.getHamlet().getName(), p.getCommune().getName(),
                p.getRaiser().getFullName(), p.getField(), p.getContent(), p.getResponsibleBody(), p.getDueOn(),
                p.getState(), p.isAtProvince(), p.getAnsweredOn(), p.getAnswerNumber(), p.getTransferredOn(),
                p.getTransferReason(), p.isOverdue(today));
    }

    // ---- counting ---------------------------------------------------------------------------------------

    /** The rows of the figures' statements, by period (1 … bounds - 1). */
    private static final class Counted {
        final List<AdminUnit> children;
        final Map<Long, Map<Integer, Counts>> byChild = new HashMap<>();
        final Map<PetitionField, Map<Integer, Counts>> byField = new EnumMap<>(PetitionField.class);
        final Map<Integer, NavigableMap<Long, Long>> days = new HashMap<>();
        long open;
        long overdue;

        Counted(List<AdminUnit> children) {
            this.children = children;
        }

        /** The period's counts: its fields' (every petition has one). */
        Counts total(int period) {
            Counts sum = Counts.NONE;
            for (Map<Integer, Counts> m : byField.values()) {
                sum = sum.plus(m.getOrDefault(period, Counts.NONE));
            }
            return sum;
        }

        Counts sum(int first, int last) {
            Counts sum = Counts.NONE;
            for (int q = first; q <= last; q++) {
                sum = sum.plus(total(q));
            }
            return sum;
        }

        Counts child(long id, int first, int last) {
            return over(byChild.getOrDefault(id, Map.of()), first, last);
        }

        Counts field(PetitionField f, int first, int last) {
            return over(byField.getOrDefault(f, Map.of()), first, last);
        }

        /** The counts of quarters {@code first} to {@code last} added up. */
        private static Counts over(Map<Integer, Counts> byQuarter, int first, int last) {
            Counts sum = Counts.NONE;
            for (int q = first; q <= last; q++) {
                sum = sum.plus(byQuarter.getOrDefault(q, Counts.NONE));
            }
            return sum;
        }

        Durations durations(int first, int last) {
            NavigableMap<Long, Long> all = new TreeMap<>();
            for (int q = first; q <= last; q++) {
                days.getOrDefault(q, new TreeMap<>()).forEach((d, n) -> all.merge(d, n, Long::sum));
            }
            return Durations.of(all);
        }
    }

    /**
     * Four statements, whatever the petitions' number: by field and period, by unit and period, the durations, the
     * open, from the records; for a top unit's dashboard ({@code keptYear}: its year, whose quarters and the year
     * before's are the periods), from the kept counters ({@link #kept}).
     */
    private static Counted count(EntityManager em, AdminUnit unit, List<AdminUnit> children, List<LocalDate> bounds,
            LocalDate today, Integer keptYear) {
        boolean hamlet = unit.getKind().isHamletLevel();
        String path = unit.getPath();
        Counted c = new Counted(children);
        if (keptYear != null) {
            kept(em, c, unit, bounds, today, keptYear);
            return c;
        }
        for (Object[] r : rows(em, PetitionSql.byField(path, hamlet, bounds, today))) {
            c.byField.computeIfAbsent(PetitionField.valueOf((String) r[0]), k -> new HashMap<>())
                    .put((int) ProgressService.num(r[1]), Counts.of(r, 2));
        }
        for (Object[] r : rows(em, PetitionSql.byChild(unit.getId(), path, hamlet, bounds, today))) {
            c.byChild.computeIfAbsent(ProgressService.num(r[0]), k -> new HashMap<>())
                    .put((int) ProgressService.num(r[1]), Counts.of(r, 2));
        }
        for (Object[] r : rows(em, PetitionSql.durations(path, hamlet, bounds))) {
            c.days.computeIfAbsent((int) ProgressService.num(r[0]), k -> new TreeMap<>())
                    .merge(ProgressService.num(r[1]), ProgressService.num(r[2]), Long::sum);
        }
        Object[] open = rows(em, PetitionSql.openNow(path, hamlet, today)).get(0);
        c.open = ProgressService.num(open[0]);
        c.overdue = ProgressService.num(open[1]);
        return c;
    }

    /**
     * A top unit's figures from the kept counters, in four statements of a few rows per unit: its own by field and
     * quarter, its children's by year (this year in period 5, last year in period 1, as the dashboard adds them),
     * its days to an answer; and the petitions open today, counted from the records through the index of the open
     * ones ({@link PetitionSql#openByChild}), which give the open, the overdue and each period's overdue. What is
     * under the unit but under none of its children today (group 0) is the rest.
     */
    private static void kept(EntityManager em, Counted c, AdminUnit unit, List<LocalDate> bounds, LocalDate today,
            int year) {
        LocalDate from = bounds.get(0);
        LocalDate to = bounds.get(bounds.size() - 1);
        for (Object[] r : rows(em, PetitionSql.keptByField(unit.getId(), from, to))) {
            c.byField.computeIfAbsent(PetitionField.valueOf((String) r[1]), k -> new HashMap<>())
                    .put(period(bounds, r[0]), kept(r, 2));
        }
        for (Object[] r : rows(em, PetitionSql.keptByChild(unit.getId(), year))) {
            c.byChild.computeIfAbsent(ProgressService.num(r[0]), k -> new HashMap<>())
                    .put(period(bounds, r[1]), kept(r, 2));
        }
        for (Object[] r : rows(em, PetitionSql.keptDays(unit.getId(), from, to))) {
            c.days.computeIfAbsent(period(bounds, r[0]), k -> new TreeMap<>())
                    .merge(ProgressService.num(r[1]), ProgressService.num(r[2]), Long::sum);
        }
        for (Object[] r : rows(em, PetitionSql.openByChild(unit.getId(), unit.getPath(), bounds, today))) {
            long open = ProgressService.num(r[3]);
            long overdue = ProgressService.num(r[4]);
            c.open += open;
            c.overdue += overdue;
            int q = (int) ProgressService.num(r[2]);
            if (q > 0) {
                Counts late = new Counts(0, 0, 0, 0, overdue, 0);
                c.byField.computeIfAbsent(PetitionField.valueOf((String) r[1]), k -> new HashMap<>())
                        .merge(q, late, Counts::plus);
                c.byChild.computeIfAbsent(ProgressService.num(r[0]), k -> new HashMap<>())
                        .merge(q <= 4 ? 1 : 5, late, Counts::plus);
            }
        }
        for (int period : new int[] {1, 5}) {
            Counts children = Counts.NONE;
            for (Map.Entry<Long, Map<Integer, Counts>> e : c.byChild.entrySet()) {
                if (e.getKey() != 0L) {
                    children = children.plus(e.getValue().getOrDefault(period, Counts.NONE));
                }
            }
            c.byChild.computeIfAbsent(0L, k -> new HashMap<>()).put(period, c.sum(period, period + 3).minus(children));
        }
    }

    /** The period (1 …) of the bounds that a kept row's day falls in. */
    private static int period(List<LocalDate> bounds, Object day) {
        LocalDate d = day instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) day;
        int q = 1;
        while (q < bounds.size() - 1 && !d.isBefore(bounds.get(q))) {
            q++;
        }
        return q;
    }

    /** A kept row's counts from column {@code first} (received, resolved, satisfied, ruled on, up). */
    private static Counts kept(Object[] r, int first) {
        return new Counts(ProgressService.num(r[first]), ProgressService.num(r[first + 1]),
                ProgressService.num(r[first + 2]), ProgressService.num(r[first + 3]), 0,
                ProgressService.num(r[first + 4]));
    }

    /** The satisfied share's targets among these (of a unit and its children, by year): "unit:year". */
    private static Map<String, Integer> satisfied(List<TargetValues.Value> targets) {
        Map<String, Integer> values = new HashMap<>();
        for (TargetValues.Value v : targets) {
            if (v.measure() == Measure.PETITION_SATISFIED) {
                values.put(v.unitId() + ":" + v.year(), v.value());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, ProgressSql.Statement s) {
        Query q = em.createNativeQuery(s.sql());
        for (int i = 0; i < s.values().size(); i++) {
            q.setParameter(i + 1, s.values().get(i));
        }
        List<?> result = q.getResultList();
        List<Object[]> rows = new ArrayList<>(result.size());
        for (Object o : result) {
            rows.add(o instanceof Object[] a ? a : new Object[] {o});
        }
        return rows;
    }
}
