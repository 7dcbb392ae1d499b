package vn.cadretraining.commendation.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.Query;
import vn.cadretraining.commendation.entity.CommendationDeferral;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.commendation.entity.CommendationForm;
import vn.cadretraining.commendation.entity.IssuingLevel;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Recording commendations and reading a cadre's. A coordinator records them only for cadres on rosters under
 * their unit (anyone else's is "not found", whatever the request says); administrators and the province's
 * reviewers, who decide the province's own commendations, record them for anyone.
 */
@Stateless
public class CommendationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    /** A commendation as the dialog submits it. */
    public record Draft(String decisionNumber, LocalDate decisionDate, IssuingLevel level, CommendationForm form,
            String reason) implements Serializable {
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Commendation record(Long cadreId, Draft draft) {
        // a post that never opened the dialog names no cadre: nobody is found, as for one out of scope
        Cadre cadre = cadreId == null ? null : em.find(Cadre.class, cadreId);
        if (cadre == null || !mayRecord(cadre)) {
            throw new NotFoundException("cadre");
        }
        if (draft.level() == null) {
            throw new BusinessException("commendation.level.required");
        }
        AdminUnit issuer = draft.level() == IssuingLevel.PROVINCE ? cadre.getUnit().root()
                : cadre.getUnit().communeLevel().orElseThrow(() -> new BusinessException("commendation.error.noCommune"));
        Commendation c = new Commendation(cadre, draft.decisionNumber(), draft.decisionDate(), VietnamTime.today(),
                issuer, draft.form(), draft.reason(), currentUser.getUsername());
        em.persist(c);
        em.flush();
        audit.commendation(c);
        return c;
    }

    /** Whether the caller may record a commendation of this cadre (to show the action). */
    public boolean mayRecord(Cadre cadre) {
        Caller caller = currentUser.find().orElse(null);
        if (caller == null) {
            return false;
        }
        return caller.seesEverything()
                || caller.role() == Role.COORDINATOR && caller.coversUnitPath(cadre.getUnitPath());
    }

    /** A cadre's commendations, newest first, with their issuing units: the cadre's own, or one in scope. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.CADRE})
    public List<Commendation> of(Cadre cadre) {
        Caller caller = currentUser.get();
        boolean visible = caller.role() == Role.CADRE ? cadre.getId().equals(caller.cadreId())
                : caller.coversUnitPath(cadre.getUnitPath());
        if (!visible) {
            throw new NotFoundException("cadre");
        }
        return em.createQuery("SELECT c FROM Commendation c JOIN FETCH c.issuingUnit WHERE c.cadre.id = :c"
                + " ORDER BY c.decisionDate DESC, c.id DESC", Commendation.class)
                .setParameter("c", cadre.getId()).getResultList();
    }

    // ---- counts by unit and year --------------------------------------------------------------------

    /** The commendations of a year under one unit (its subtree), by form; {@code total} adds them up. */
    public record Count(Long unitId, String unitName, Map<CommendationForm, Long> byForm) implements Serializable {
        public long getTotal() {
            return byForm.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(CommendationForm form) {
            return byForm.getOrDefault(form, 0L);
        }

        public String getUnitName() {
            return unitName;
        }

        public Long getUnitId() {
            return unitId;
        }
    }

    /** The counts of a year: one row per unit right under the one asked for, and that unit's own total. */
    public record Counts(AdminUnit unit, int year, List<Count> rows, Count total) implements Serializable {
    }

    /**
     * The commendations decided in {@code year} of the cadres under each unit right below {@code unitId} (the
     * province's communes, a commune's hamlets), by the cadre's unit today; counted in SQL. No unit: the caller's
     * own (the province for its reviewers). A unit outside a coordinator's commune is not found.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Counts counts(Long unitId, int year) {
        VietnamTime.checkedYear(year);
        AdminUnit unit = unitInScope(unitId);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        Map<Long, Map<CommendationForm, Long>> byUnit = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT u.id, m.form, COUNT(m) FROM AdminUnit u, Commendation m"
                        + " WHERE u.parent = :p AND u.validTo IS NULL AND m.cadre.unitPath LIKE CONCAT(u.path, '%')"
                        + " AND m.decisionDate >= :from AND m.decisionDate < :to GROUP BY u.id, m.form", Object[].class)
                .setParameter("p", unit).setParameter("from", from).setParameter("to", to).getResultList()) {
            byUnit.computeIfAbsent((Long) r[0], k -> new EnumMap<>(CommendationForm.class))
                    .put((CommendationForm) r[1], (Long) r[2]);
        }
        List<Count> rows = new ArrayList<>();
        for (Object[] u : em.createQuery("SELECT u.id, u.name FROM AdminUnit u WHERE u.parent = :p AND u.validTo IS NULL"
                + " ORDER BY u.nameFolded", Object[].class).setParameter("p", unit).getResultList()) {
            rows.add(new Count((Long) u[0], (String) u[1], byUnit.getOrDefault((Long) u[0], Map.of())));
        }
        Map<CommendationForm, Long> all = new EnumMap<>(CommendationForm.class);
        for (Object[] r : em.createQuery("SELECT m.form, COUNT(m) FROM Commendation m WHERE m.cadre.unitPath LIKE :path"
                        + " AND m.decisionDate >= :from AND m.decisionDate < :to GROUP BY m.form", Object[].class)
                .setParameter("path", unit.getPath() + "%").setParameter("from", from).setParameter("to", to)
                .getResultList()) {
            all.put((CommendationForm) r[0], (Long) r[1]);
        }
        return new Counts(unit, year, rows, new Count(unit.getId(), unit.getName(), all));
    }

    /** The unit asked for if the caller reaches it, else their own (the province's root for those who see all). */
    private AdminUnit unitInScope(Long unitId) {
        Caller caller = currentUser.get();
        AdminUnit unit;
        if (unitId != null) {
            unit = em.find(AdminUnit.class, unitId);
        } else if (caller.role() == Role.COORDINATOR) {
            unit = caller.unitId() == null ? null : em.find(AdminUnit.class, caller.unitId());
        } else {
            unit = em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent IS NULL ORDER BY u.id", AdminUnit.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
        }
        if (unit == null || !caller.coversUnitPath(unit.getPath())) {
            throw new NotFoundException("unit");
        }
        return unit;
    }

    // ---- candidates proposed from the records -------------------------------------------------------

    /**
     * A cadre the records propose for commendation in a year, with the reasons: every petition their hamlet raised
     * that year was resolved and confirmed satisfactory (at least one), and/or they attended every session of each
     * training they took that year (at least one completed).
     */
    public record Candidate(long cadreId, String fullName, String code, String unitName, boolean petitionsResolved,
            boolean fullAttendance) implements Serializable {
        public long getCadreId() {
            return cadreId;
        }

        public String getFullName() {
            return fullName;
        }

        public String getCode() {
            return code;
        }

        public String getUnitName() {
            return unitName;
        }

        public boolean isPetitionsResolved() {
            return petitionsResolved;
        }

        public boolean isFullAttendance() {
            return fullAttendance;
        }
    }

    /**
     * The hamlet's petitions of the year (by receipt) all confirmed satisfactory, at least one; for cadres holding a
     * title now (the hamlet's cadres who answer for it). The hamlet as it is today: one merged into it brings its
     * petitions, as on the dashboards.
     */
    private static final String PETITIONS = "(EXISTS (SELECT 1 FROM position ps WHERE ps.cadre_id = c.id AND ps.end_date IS NULL)"
            + " AND EXISTS (SELECT 1 FROM petition p JOIN admin_unit ph ON ph.id = p.hamlet_id"
            + " WHERE ph.current_unit_id = c.unit_id AND p.received_on >= ?2 AND p.received_on < ?3)"
            + " AND NOT EXISTS (SELECT 1 FROM petition p JOIN admin_unit ph ON ph.id = p.hamlet_id"
            + " WHERE ph.current_unit_id = c.unit_id AND p.received_on >= ?2"
            + " AND p.received_on < ?3 AND p.state <> 'CONFIRMED'))";

    /**
     * Every training of the year (a closed class of a training course ended that year) attended in full, at least
     * one completed. Briefings and study tours are not trainings.
     */
    private static final String ATTENDANCE = "(EXISTS (SELECT 1 FROM enrollment e JOIN course_class k ON k.id = e.class_id"
            + " JOIN course co ON co.id = k.course_id WHERE e.cadre_id = c.id AND e.status = 'ENROLLED'"
            + " AND co.kind = 'TRAINING_COURSE' AND k.closed_at IS NOT NULL AND k.end_date >= ?2 AND k.end_date < ?3"
            + " AND e.outcome = 'COMPLETED')"
            + " AND NOT EXISTS (SELECT 1 FROM enrollment e JOIN course_class k ON k.id = e.class_id"
            + " JOIN course co ON co.id = k.course_id WHERE e.cadre_id = c.id AND e.status = 'ENROLLED'"
            + " AND co.kind = 'TRAINING_COURSE' AND k.closed_at IS NOT NULL AND k.end_date >= ?2 AND k.end_date < ?3"
            + " AND (e.attendance_pct IS NULL OR e.attendance_pct < 100)))";

    /**
     * Neither commended since the year began (a year's commendations are often decided at the next January's
     * review) nor set aside for that year.
     */
    private static final String OPEN = " AND NOT EXISTS (SELECT 1 FROM commendation m WHERE m.cadre_id = c.id"
            + " AND m.decision_date >= ?2)"
            + " AND NOT EXISTS (SELECT 1 FROM commendation_deferral d WHERE d.cadre_id = c.id AND d.year_no = ?4)";

    private static final String CANDIDATES = " FROM cadre c JOIN admin_unit u ON u.id = c.unit_id WHERE c.unit_path LIKE ?1"
            + " AND (" + PETITIONS + " OR " + ATTENDANCE + ")" + OPEN;

    /** How many candidates a commune (or the caller's whole reach: no unit) has for the year. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public long candidateCount(Long unitId, int year) {
        VietnamTime.checkedYear(year);
        AdminUnit unit = unitInScope(unitId);
        return ((Number) bindCandidates(em.createNativeQuery("SELECT COUNT(*)" + CANDIDATES), unit, year)
                .getSingleResult()).longValue();
    }

    /** A page of the candidates, by name, each with its reasons; counted and paged in SQL. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public List<Candidate> candidates(Long unitId, int year, PageRequest page) {
        VietnamTime.checkedYear(year);
        AdminUnit unit = unitInScope(unitId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bindCandidates(em.createNativeQuery("SELECT c.id, c.full_name, c.code, u.name,"
                + " CASE WHEN " + PETITIONS + " THEN 1 ELSE 0 END, CASE WHEN " + ATTENDANCE + " THEN 1 ELSE 0 END"
                + CANDIDATES + " ORDER BY c.name_sort, c.id OFFSET ?5 ROWS FETCH NEXT ?6 ROWS ONLY"), unit, year)
                .setParameter(5, page.first()).setParameter(6, page.size()).getResultList();
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] r : rows) {
            candidates.add(new Candidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue() == 1, ((Number) r[5]).intValue() == 1));
        }
        return candidates;
    }

    private static Query bindCandidates(Query q, AdminUnit unit, int year) {
        return q.setParameter(1, unit.getPath() + "%").setParameter(2, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)))
                .setParameter(3, java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1))).setParameter(4, year);
    }

    /** "Not now": the cadre is not proposed again for that year. A cadre outside the caller's reach is not found. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public void defer(Long cadreId, int year) {
        VietnamTime.checkedYear(year);
        Cadre cadre = cadreId == null ? null : em.find(Cadre.class, cadreId);
        if (cadre == null || !mayRecord(cadre)) {
            throw new NotFoundException("cadre");
        }
        long already = em.createQuery("SELECT COUNT(d) FROM CommendationDeferral d WHERE d.cadre = :c AND d.year = :y",
                Long.class).setParameter("c", cadre).setParameter("y", year).getSingleResult();
        if (already == 0) {
            em.persist(new CommendationDeferral(cadre, year, currentUser.getUsername()));
            audit.commendationDeferred(cadre, year);
        }
    }
}
