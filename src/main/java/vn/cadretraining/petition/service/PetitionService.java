package vn.cadretraining.petition.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionDeadlines;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Recording petitions and moving them along their lifecycle. Who may do what follows the scope rules: a
 * coordinator records petitions of cadres under their unit and moves those their commune still holds; once
 * transferred up, the province's reviewers handle them (the coordinator still reads them); administrators may do
 * either. A petition out of the caller's scope is "not found", whatever the request says. A cadre reads the
 * petitions they raised. Each change is written to the audit trail and told to the raiser in the same transaction.
 */
@Stateless
public class PetitionService {

    private static final List<PetitionState> ANSWERED = List.of(PetitionState.ANSWERED, PetitionState.CONFIRMED);
    private static final List<ActivityKind> BRIEFINGS = List.of(ActivityKind.PERIODIC_BRIEFING,
            ActivityKind.THEMATIC_BRIEFING);
    private static final Map<String, String> SORTS = Map.of("receivedOn", "p.receivedOn", "dueOn", "p.dueOn",
            "state", "p.state", "field", "p.field");
    private static final String DEFAULT_ORDER = "p.receivedOn DESC, p.id DESC";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    InboxService inbox;

    @Inject
    Event<PetitionEvents.Changed> changed;

    PetitionDeadlines deadlines = PetitionDeadlines.fromEnvironment();

    /** A petition as the record dialog submits it. */
    public record Draft(Long raiserId, Long briefingId, PetitionField field, String content, LocalDate receivedOn)
            implements Serializable {
    }

    /** The steps of the lifecycle, as the page offers them. */
    public enum Step {
        ASSIGN, START, ANSWER, CONFIRM, REOPEN, TRANSFER_UP, TRANSFER_DOWN
    }

    /** What a step carries: the body for ASSIGN, the answer and its number for ANSWER, a reason for the others. */
    public record StepForm(String body, String answer, String answerNumber, String reason) implements Serializable {
    }

    /** The list's filter: a state (null for all), only the overdue ones, only those the province holds. */
    public record Filter(PetitionState state, boolean overdueOnly, boolean atProvinceOnly) implements Serializable {
        public static final Filter ALL = new Filter(null, false, false);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Petition record(Draft draft) {
        Caller caller = currentUser.get();
        if (draft.raiserId() == null) {
            throw new BusinessException("petition.raiser.required");
        }
        Cadre raiser = em.find(Cadre.class, draft.raiserId());
        if (raiser == null || !caller.coversUnitPath(raiser.getUnitPath())) {
            throw new NotFoundException("cadre");
        }
        CourseClass briefing = null;
        if (draft.briefingId() != null) {
            briefing = em.find(CourseClass.class, draft.briefingId());
            // raised at a briefing only by someone invited to it (not another commune's, nor a training class)
            if (briefing == null || !BRIEFINGS.contains(briefing.getCourse().getKind())
                    || !raiser.getUnitPath().startsWith(briefing.getUnitPath()) || !invited(raiser, briefing)) {
                throw new BusinessException("petition.error.briefing");
            }
        }
        if (draft.field() == null) {
            throw new BusinessException("petition.field.required");
        }
        AdminUnit commune = raiser.getUnit().communeLevel()
                .orElseThrow(() -> new BusinessException("petition.error.noCommune"));
        Petition p = new Petition(raiser, commune, briefing, draft.field(), draft.content(),
                draft.receivedOn(), VietnamTime.today(), deadlines.daysFor(draft.field()), caller.username());
        em.persist(p);
        em.flush();
        changed.fire(new PetitionEvents.Changed(p.getId(), null, false, false, null));
        audit.petitionRecorded(p);
        tell(p, "notify.petition.RECEIVED", VietnamTime.DATE.format(p.getDueOn()));
        return p;
    }

    /** Moves a petition one step; the entity refuses a step its state does not allow. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Petition move(Long id, Step step, StepForm form) {
        Petition p = id == null ? null : em.find(Petition.class, id);
        if (p == null || !visible(p)) {
            throw new NotFoundException("petition");
        }
        if (!mayAct(p)) {
            // in sight but not in hand: a coordinator's petition sent up, or the province's view of a commune's
            throw new BusinessException("petition.error.notYours");
        }
        if (step == null) {
            throw new BusinessException("petition.error.state");
        }
        StepForm f = form == null ? new StepForm(null, null, null, null) : form;
        LocalDate today = VietnamTime.today();
        PetitionState before = p.getState();
        PetitionEvents.Changed change = new PetitionEvents.Changed(p.getId(), before, p.getReopenedOn() != null,
                p.getTransferredOn() != null, p.getAnsweredOn());
        String note = null;
        switch (step) {
            case ASSIGN -> {
                p.assign(f.body(), today);
                note = p.getResponsibleBody();
            }
            case START -> p.startHandling(today);
            case ANSWER -> {
                p.answer(f.answer(), f.answerNumber(), today);
                note = p.getAnswerNumber();
            }
            case CONFIRM -> p.confirm(today);
            case REOPEN -> {
                p.reopen(f.reason(), today);
                note = p.getReopenReason();
            }
            case TRANSFER_UP -> {
                p.transferUp(f.reason(), today, deadlines.daysFor(p.getField()));
                note = p.getTransferReason();
            }
            case TRANSFER_DOWN -> {
                p.transferDown(f.reason(), today, deadlines.daysFor(p.getField()));
                note = p.getTransferDownReason();
            }
        }
        changed.fire(change);
        audit.petitionMoved(p, before, note);
        tell(p, "notify.petition." + p.getState().name(), note == null ? "" : note);
        return p;
    }

    /** Whether the caller may move this petition (to show its actions; {@link #move} checks again). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public boolean mayAct(Petition p) {
        Caller caller = currentUser.find().orElse(null);
        if (caller == null) {
            return false;
        }
        return switch (caller.role()) {
            case ADMIN -> true;
            case PROVINCE -> p.isAtProvince();
            case COORDINATOR -> !p.isAtProvince() && caller.coversUnitPath(p.getCommunePath());
            default -> false;
        };
    }

    /** One petition in the caller's sight, with its raiser, hamlet and briefing. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Petition get(Long id) {
        List<Petition> found = id == null ? List.of() : em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser"
                + " JOIN FETCH p.hamlet LEFT JOIN FETCH p.briefing WHERE p.id = :id", Petition.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty() || !visible(found.get(0))) {
            throw new NotFoundException("petition");
        }
        return found.get(0);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public long count(Filter filter) {
        return where(em.createQuery("SELECT COUNT(p) FROM Petition p" + condition(filter), Long.class), filter)
                .getSingleResult();
    }

    /** A page of the petitions in the caller's scope, newest first unless the page sorts otherwise. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public List<Petition> list(Filter filter, PageRequest page) {
        return where(em.createQuery("SELECT p FROM Petition p JOIN FETCH p.raiser JOIN FETCH p.hamlet"
                + condition(filter) + " ORDER BY " + page.orderBy(SORTS, DEFAULT_ORDER), Petition.class), filter)
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    /** The petitions the signed-in cadre raised, newest first. */
    @RolesAllowed(Role.Names.CADRE)
    public List<Petition> mine() {
        Long cadreId = currentUser.get().cadreId();
        if (cadreId == null) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Petition p JOIN FETCH p.hamlet WHERE p.raiser.id = :c"
                + " ORDER BY p.receivedOn DESC, p.id DESC", Petition.class).setParameter("c", cadreId)
                .setMaxResults(200).getResultList();
    }

    /** Cadres in the caller's scope whose name contains what was typed: who may be recorded as raising one. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public List<Cadre> raisers(String typed) {
        if (TextFold.fold(typed).length() < 2) {
            return List.of();
        }
        Caller caller = currentUser.get();
        boolean all = caller.seesEverything();
        TypedQuery<Cadre> q = em.createQuery("SELECT c FROM Cadre c JOIN FETCH c.unit WHERE c.fullNameFolded LIKE :n"
                + " ESCAPE '\\'" + (all ? "" : " AND c.unitPath LIKE :scope") + " ORDER BY c.fullNameFolded, c.id",
                Cadre.class).setParameter("n", TextFold.containsPattern(typed));
        if (!all) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        return q.setMaxResults(15).getResultList();
    }

    /** The briefings held in the caller's scope over the past year, newest first: where a petition may be raised. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public List<CourseClass> briefings() {
        Caller caller = currentUser.get();
        boolean all = caller.seesEverything();
        LocalDate today = VietnamTime.today();
        TypedQuery<CourseClass> q = em.createQuery("SELECT c FROM CourseClass c JOIN FETCH c.course JOIN FETCH c.unit"
                + " WHERE c.course.kind IN :kinds AND c.startDate BETWEEN :from AND :to"
                + (all ? "" : " AND c.unitPath LIKE :scope") + " ORDER BY c.startDate DESC, c.id DESC",
                CourseClass.class).setParameter("kinds", BRIEFINGS).setParameter("from", today.minusYears(1))
                .setParameter("to", today);
        if (!all) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        return q.setMaxResults(50).getResultList();
    }

    /** The days allowed to answer a petition of this field (shown beside the field). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public int deadlineDays(PetitionField field) {
        return deadlines.daysFor(field);
    }

    /** Invited to the briefing, and not withdrawn nor declined since. */
    private boolean invited(Cadre raiser, CourseClass briefing) {
        return em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.cadre = :c AND e.courseClass = :k"
                + " AND e.status NOT IN :gone", Long.class).setParameter("c", raiser).setParameter("k", briefing)
                .setParameter("gone", List.of(EnrollmentStatus.WITHDRAWN, EnrollmentStatus.DECLINED))
                .getSingleResult() > 0;
    }

    private boolean visible(Petition p) {
        Caller caller = currentUser.get();
        return caller.coversUnitPath(p.getCommunePath());
    }

    private String condition(Filter filter) {
        Caller caller = currentUser.get();
        StringBuilder w = new StringBuilder(" WHERE p.id IS NOT NULL");
        if (!caller.seesEverything()) {
            w.append(" AND p.communePath LIKE :scope");
        }
        if (filter.state() != null) {
            w.append(" AND p.state = :state");
        }
        if (filter.overdueOnly()) {
            w.append(" AND p.state NOT IN :answered AND p.dueOn < :today");
        }
        if (filter.atProvinceOnly()) {
            w.append(" AND p.atProvince = :up");
        }
        return w.toString();
    }

    private <T> TypedQuery<T> where(TypedQuery<T> q, Filter filter) {
        Caller caller = currentUser.get();
        if (!caller.seesEverything()) {
            // a role without a unit (a trainer slipping past the roles) sees nothing: the pattern matches no path
            q.setParameter("scope", caller.role() == Role.COORDINATOR && caller.unitPath() != null
                    ? caller.unitPath() + "%" : "-");
        }
        if (filter.state() != null) {
            q.setParameter("state", filter.state());
        }
        if (filter.overdueOnly()) {
            q.setParameter("answered", ANSWERED).setParameter("today", VietnamTime.today());
        }
        if (filter.atProvinceOnly()) {
            q.setParameter("up", Boolean.TRUE);
        }
        return q;
    }

    /**
     * Tells the raiser, in their inbox, where their petition stands, and the holders of their hamlet's paid titles
     * (the Party cell secretary, the hamlet head, the Front work committee head), who answer for it to the hamlet:
     * the hamlet as it is today, where it was merged since.
     */
    private void tell(Petition p, String key, String detail) {
        String content = p.getContent();
        String gist = content.length() > 80 ? content.substring(0, 79) + "…" : content;
        Long raiser = p.getRaiser().getId();
        inbox.send(Notification.toCadre(raiser, NotificationKind.PETITION, null, key, gist, detail));
        LocalDate today = VietnamTime.today();
        List<Long> hamletCadres = em.createQuery("SELECT DISTINCT pos.cadre.id FROM Position pos"
                + " WHERE pos.unit = :hamlet AND pos.title.paid = TRUE AND pos.startDate <= :today"
                + " AND (pos.endDate IS NULL OR pos.endDate >= :today) AND pos.cadre.id <> :raiser", Long.class)
                .setParameter("hamlet", p.getHamlet().getCurrentUnit()).setParameter("today", today)
                .setParameter("raiser", raiser).getResultList();
        String hamletKey = key.replace("notify.petition.", "notify.petitionOfHamlet.");
        for (Long cadre : hamletCadres) {
            inbox.send(Notification.toCadre(cadre, NotificationKind.PETITION, null, hamletKey, gist, detail,
                    p.getRaiser().getFullName()));
        }
    }
}
