package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.entity.TargetPlan;
import vn.cadretraining.reporting.entity.TrainingTarget;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The year's targets: set by the province reviewers (and administrators) for the province and for each of its
 * commune-level units; read by them, and by a coordinator for their own unit.
 *
 * <p>Saving is optimistic, cell by cell: the page sends, with each value typed, the version of the cell as it
 * read it. Under the lock of the year's plan row, a cell someone else changed meanwhile is a conflict unless
 * they typed the same value; any conflict refuses the whole save (nothing is written) and lists the cells with
 * their value and who set it, so the reviewer keeps what they typed and chooses.
 */
@Stateless
public class TargetService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgressService progress;

    @Inject
    AuditTrail audit;

    /** Which cell: a unit, a measure, a title or subject group (0 for none). */
    public record Cell(long unitId, Measure measure, long dimensionId) implements Serializable {
        public Cell {
            Objects.requireNonNull(measure);
        }
    }

    /** A cell as read: its value (null when no target is set) and version (null when no row exists). */
    public record Value(Integer value, Long version, String updatedBy) implements Serializable {
        public static final Value NONE = new Value(null, null, null);
    }

    /** What the page sends: the cell, what it read, and the value now typed (null clears the target). */
    public record Edit(Cell cell, Value read, Integer value) implements Serializable {
        public boolean isChanged() {
            return !Objects.equals(read.value(), value);
        }
    }

    /** A cell changed by someone else since it was read, to a value other than the one typed. */
    public record Conflict(Cell cell, Integer theirs, Integer mine, String by) implements Serializable {
        public Integer getTheirs() {
            return theirs;
        }

        public Integer getMine() {
            return mine;
        }

        public String getBy() {
            return by;
        }
    }

    /** A save refused for conflicts: nothing was written. */
    @ApplicationException(rollback = true)
    public static class ConflictException extends BusinessException {
        private static final long serialVersionUID = 1L;
        private final List<Conflict> conflicts;

        public ConflictException(List<Conflict> conflicts) {
            super("target.error.conflict", conflicts.size());
            this.conflicts = List.copyOf(conflicts);
        }

        public List<Conflict> getConflicts() {
            return conflicts;
        }
    }

    /** The units targets are set for: the province, then its commune-level units in service, by code. */
    public record Sheet(int year, AdminUnit province, List<AdminUnit> communes, Map<Cell, Value> values,
            List<PositionTitle> titles, List<SubjectGroup> groups, Map<Long, Map<Long, Long>> holders)
            implements Serializable {
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /**
     * The year's targets of the province and its communes, with the current holders of each title per commune
     * (to weigh the communes' shares against the province's). A coordinator reads only their own unit's row.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Sheet sheet(int year) {
        VietnamTime.checkedYear(year);
        AdminUnit top = progress.top();
        AdminUnit province = top.getParent() == null ? top : root(top);
        List<AdminUnit> communes = em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent.id = :p"
                + " AND u.validTo IS NULL ORDER BY u.code", AdminUnit.class).setParameter("p", province.getId())
                .getResultList();
        if (!currentUser.get().seesEverything()) {
            communes = communes.stream().filter(c -> c.getId().equals(top.getId())).toList();
            province = null;
        }
        List<Long> ids = new ArrayList<>();
        if (province != null) {
            ids.add(province.getId());
        }
        communes.forEach(c -> ids.add(c.getId()));
        Map<Cell, Value> values = values(year, ids);
        Map<Long, Map<Long, Long>> holders = province == null ? Map.of() : holdersByCommune(province);
        return new Sheet(year, province, communes, values,
                em.createQuery("SELECT t FROM PositionTitle t WHERE t.active = TRUE ORDER BY t.sortOrder, t.nameVi",
                        PositionTitle.class).getResultList(),
                em.createQuery("SELECT g FROM SubjectGroup g WHERE g.active = TRUE ORDER BY g.sortOrder, g.nameVi",
                        SubjectGroup.class).getResultList(),
                holders);
    }

    /** The targets set for a year (to copy from), by cell: province reviewers and administrators. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE})
    public Map<Cell, Integer> valuesOf(int year) {
        VietnamTime.checkedYear(year);
        Map<Cell, Integer> values = new HashMap<>();
        for (TrainingTarget t : em.createQuery("SELECT t FROM TrainingTarget t WHERE t.year = :y", TrainingTarget.class)
                .setParameter("y", year).getResultList()) {
            values.put(new Cell(t.getUnitId(), t.getMeasure(), t.getDimensionId()), t.getValue());
        }
        return values;
    }

    /**
     * A year's targets proposed for the next one: each raised by the growth (in percent, none when null), rounded
     * to a whole number and kept within what its measure allows. Province reviewers and administrators.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE})
    public Map<Cell, Integer> grownFrom(int year, Integer growthPercent) {
        int growth = growthPercent == null ? 0 : growthPercent;
        Map<Cell, Integer> grown = new HashMap<>();
        valuesOf(year).forEach((cell, value) -> grown.put(cell, grown(value, growth, cell.measure())));
        return grown;
    }

    /** A target raised by a growth in percent, rounded half up, never below nothing nor above the measure's most. */
    public static int grown(int value, int growthPercent, Measure measure) {
        long v = Math.round(value * (100.0 + growthPercent) / 100.0);
        return (int) Math.max(0, Math.min(measure.max(), v));
    }

    private Map<Cell, Value> values(int year, List<Long> unitIds) {
        Map<Cell, Value> values = new HashMap<>();
        if (unitIds.isEmpty()) {
            return values;
        }
        for (TrainingTarget t : em.createQuery("SELECT t FROM TrainingTarget t WHERE t.year = :y AND t.unitId IN :u",
                TrainingTarget.class).setParameter("y", year).setParameter("u", unitIds).getResultList()) {
            values.put(new Cell(t.getUnitId(), t.getMeasure(), t.getDimensionId()),
                    new Value(t.getValue(), t.getVersion(), t.getUpdatedBy()));
        }
        return values;
    }

    /** Today's holders of each title (distinct people) by commune: title id → commune id → holders. */
    private Map<Long, Map<Long, Long>> holdersByCommune(AdminUnit province) {
        LocalDate today = VietnamTime.today();
        Map<Long, Map<Long, Long>> holders = new HashMap<>();
        ProgressSql.Statement s = ProgressSql.holdersByChild(province.getId(), province.getPath(), today);
        Query q = em.createNativeQuery(s.sql());
        for (int i = 0; i < s.values().size(); i++) {
            q.setParameter(i + 1, s.values().get(i));
        }
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            holders.computeIfAbsent(ProgressService.num(r[0]), k -> new HashMap<>())
                    .put(ProgressService.num(r[1]), ProgressService.num(r[2]));
        }
        return holders;
    }

    private AdminUnit root(AdminUnit unit) {
        AdminUnit u = unit;
        while (u.getParent() != null) {
            u = u.getParent();
        }
        return u;
    }

    // ---- saving ----------------------------------------------------------------------------------------

    /**
     * Saves the changed cells of a year: all or nothing. Returns how many targets were written (set, changed
     * or cleared). Cells that were not changed on the page are not touched, so someone else's changes to them
     * stay.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE})
    public int save(int year, List<Edit> edits) {
        VietnamTime.checkedYear(year);
        String by = currentUser.get().username();
        List<Edit> changed = edits.stream().filter(Edit::isChanged).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        AdminUnit province = progress.top();
        for (Edit e : changed) {
            requireCell(province, e.cell());
            if (e.value() != null && (e.value() < 0 || e.value() > e.cell().measure().max())) {
                throw new BusinessException(e.cell().measure().isPercent() ? "target.error.percentRange"
                        : "target.error.countRange", e.cell().measure().max());
            }
        }
        TargetPlan plan = lockPlan(year, by);
        Map<Cell, TrainingTarget> stored = new HashMap<>();
        for (TrainingTarget t : em.createQuery("SELECT t FROM TrainingTarget t WHERE t.year = :y AND t.unitId IN :u",
                        TrainingTarget.class)
                .setParameter("y", year)
                .setParameter("u", changed.stream().map(e -> e.cell().unitId()).distinct().toList())
                .getResultList()) {
            stored.put(new Cell(t.getUnitId(), t.getMeasure(), t.getDimensionId()), t);
        }
        List<Conflict> conflicts = new ArrayList<>();
        int written = 0;
        for (Edit e : changed) {
            TrainingTarget now = stored.get(e.cell());
            Long version = now == null ? null : now.getVersion();
            Integer current = now == null ? null : now.getValue();
            // the value too: a cell cleared and set again by someone else is a new row, back at the first version
            if (!Objects.equals(version, e.read().version()) || !Objects.equals(current, e.read().value())) {
                // someone saved this cell since it was read: a conflict unless they typed the same
                if (!Objects.equals(current, e.value())) {
                    conflicts.add(new Conflict(e.cell(), current, e.value(), now == null ? null : now.getUpdatedBy()));
                }
                continue;
            }
            audit.target(year, e.cell().unitId(), e.cell().measure(), e.cell().dimensionId(), current, e.value());
            if (e.value() == null) {
                if (now != null) {
                    em.remove(now);
                    written++;
                }
            } else if (now == null) {
                em.persist(new TrainingTarget(year, e.cell().unitId(), e.cell().measure(), e.cell().dimensionId(),
                        e.value(), by));
                written++;
            } else {
                now.set(e.value(), by);
                written++;
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts);
        }
        plan.touch(by);
        try {
            em.flush();
        } catch (PersistenceException ex) {
            // two first saves of a new cell at once: the unique key stops the second
            throw new BusinessException("target.error.busy");
        }
        return written;
    }

    /** The year's plan row, locked for the rest of the transaction; made on the first save of the year. */
    private TargetPlan lockPlan(int year, String by) {
        List<TargetPlan> plans = em.createQuery("SELECT p FROM TargetPlan p WHERE p.year = :y", TargetPlan.class)
                .setParameter("y", year).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!plans.isEmpty()) {
            return plans.get(0);
        }
        TargetPlan plan = new TargetPlan(year, by);
        em.persist(plan);
        try {
            em.flush();
        } catch (PersistenceException ex) {
            throw new BusinessException("target.error.busy");
        }
        return plan;
    }

    /** Targets are set for the province and its commune-level units in service, on known titles and groups. */
    private void requireCell(AdminUnit province, Cell cell) {
        AdminUnit unit = em.find(AdminUnit.class, cell.unitId());
        boolean allowed = unit != null && !unit.isClosed() && (unit.equals(province)
                || unit.getParent() != null && unit.getParent().equals(province));
        if (!allowed) {
            throw new NotFoundException("unit");
        }
        long dimension = cell.dimensionId();
        boolean known = switch (cell.measure()) {
            case TITLE_SHARE -> em.find(PositionTitle.class, dimension) != null;
            case SUBJECT_TURNS -> em.find(SubjectGroup.class, dimension) != null;
            default -> dimension == 0;
        };
        if (!known) {
            throw new BusinessException("target.error.dimension");
        }
    }

    // ---- the communes against the province ---------------------------------------------------------------

    /**
     * The communes' targets taken together: their sum for a count, their average weighted by each commune's
     * holders of the title for a share. Null when no commune has a target (or no holder, for a share).
     *
     * @param values  the communes' targets (null where none is set)
     * @param weights the communes' holders of the title, in the same order (ignored for a count)
     */
    public static Double communesTotal(List<Integer> values, List<Long> weights, boolean percent) {
        double sum = 0;
        double weight = 0;
        boolean any = false;
        for (int i = 0; i < values.size(); i++) {
            Integer v = values.get(i);
            if (v == null) {
                continue;
            }
            any = true;
            if (percent) {
                long w = weights.get(i) == null ? 0 : weights.get(i);
                sum += (double) v * w;
                weight += w;
            } else {
                sum += v;
            }
        }
        if (!any || percent && weight == 0) {
            return null;
        }
        return percent ? sum / weight : sum;
    }

    /**
     * Whether the communes' targets do not make the province's: they differ by a whole unit or more (a
     * percentage point for shares), or one side is set and the other is not.
     */
    public static boolean mismatch(Integer province, Double communes, boolean percent) {
        if (province == null || communes == null) {
            return province != null || communes != null && communes > 0;
        }
        return Math.abs(province - communes) >= (percent ? 1.0 : 0.5);
    }

    // ---- what units tell the targets ---------------------------------------------------------------------

    /**
     * After a merge, the targets of the merged units for the year of the merge and later go to the successor:
     * counts are added to its own, shares are kept where it has its own and taken over where it has none.
     * The merged units' rows stay as the record of what was set.
     */
    public void onMerged(@Observes UnitEvents.Merged merged) {
        int from = merged.effective().getYear();
        List<TrainingTarget> theirs = em.createQuery("SELECT t FROM TrainingTarget t WHERE t.unitId IN :ids"
                + " AND t.year >= :y", TrainingTarget.class)
                .setParameter("ids", merged.sourceIds()).setParameter("y", from).getResultList();
        if (theirs.isEmpty()) {
            return;
        }
        Map<String, TrainingTarget> successor = new HashMap<>();
        for (TrainingTarget t : em.createQuery("SELECT t FROM TrainingTarget t WHERE t.unitId = :id AND t.year >= :y",
                TrainingTarget.class).setParameter("id", merged.successorId()).setParameter("y", from).getResultList()) {
            successor.put(t.getYear() + ":" + t.getMeasure() + ":" + t.getDimensionId(), t);
        }
        Map<String, Boolean> ownShare = new HashMap<>();
        successor.forEach((k, t) -> ownShare.put(k, true));
        for (TrainingTarget t : theirs) {
            String key = t.getYear() + ":" + t.getMeasure() + ":" + t.getDimensionId();
            TrainingTarget mine = successor.get(key);
            if (mine == null) {
                mine = new TrainingTarget(t.getYear(), merged.successorId(), t.getMeasure(), t.getDimensionId(),
                        t.getValue(), "system");
                em.persist(mine);
                successor.put(key, mine);
            } else if (t.getMeasure().isAdditive()) {
                mine.set(Math.min(t.getMeasure().max(), mine.getValue() + t.getValue()), "system");
            } else if (!ownShare.containsKey(key)) {
                mine.set(Math.max(mine.getValue(), t.getValue()), "system");
            }
        }
    }
}
