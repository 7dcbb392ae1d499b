package vn.cadretraining.enrollment.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.people.service.RosterRow;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Places in classes: a cadre asks, a coordinator (or the class's trainer) decides; a coordinator nominates;
 * anyone leaves with a reason, and the first on the waitlist moves up.
 *
 * <p>Every change that takes or frees a place first locks the class row ({@code PESSIMISTIC_WRITE}): two
 * people approved for the last place at the same moment are served one after the other, and the second
 * finds the class full and goes to the waitlist.
 *
 * <p>Scope: a coordinator acts on cadres under their unit; a trainer on the classes they train; an
 * administrator on everything; a cadre on their own enrollments. Anything outside is "not found".
 */
@Stateless
public class EnrollmentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    InboxService inbox;

    @Inject
    EnrollmentRules rules;

    @Inject
    CadreService cadres;

    /** Who is invited changed: a briefing's figures count it. */
    @Inject
    Event<SessionEvents.ClassChanged> invitations;

    // ---- a cadre asks ------------------------------------------------------------------------------

    /** The signed-in cadre asks for a place in an open class that is meant for them. */
    @RolesAllowed(Role.Names.CADRE)
    public Enrollment request(long classId) {
        Cadre cadre = me();
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !rules.isInAudience(cls, cadre)) {
            throw new NotFoundException("class");
        }
        if (!cls.acceptsEnrollmentsOn(VietnamTime.today())) {
            throw new BusinessException("enrollment.error.notOpen");
        }
        rules.requireNotActiveIn(cls, cadre);
        rules.requirePrerequisites(cls.getCourse(), cadre);
        rules.requireNoOverlap(cls, cadre);
        Enrollment e = Enrollment.request(cls, cadre);
        em.persist(e);
        invitations.fire(new SessionEvents.ClassChanged(cls.getId()));
        for (Long coordinator : rules.coordinatorsOf(cadre)) {
            inbox.send(Notification.toAccount(coordinator, NotificationKind.REQUEST_RECEIVED, cls.getId(),
                    "notify.requestReceived", cadre.getFullName(), cls.getCourse().getTitleVi(), cls.getCode()));
        }
        return e;
    }

    // ---- a decision ---------------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public Enrollment approve(long enrollmentId) {
        Enrollment e = decidable(enrollmentId);
        lock(e.getCourseClass());
        rules.requireNoOverlap(e.getCourseClass(), e.getCadre());
        e.approve(currentUser.get().username());
        tell(e, e.getStatus() == EnrollmentStatus.ENROLLED ? NotificationKind.APPROVED : NotificationKind.WAITLISTED,
                e.getStatus() == EnrollmentStatus.ENROLLED ? "notify.approved" : "notify.waitlisted");
        return e;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public Enrollment decline(long enrollmentId, String reason) {
        Enrollment e = decidable(enrollmentId);
        lock(e.getCourseClass());
        e.decline(currentUser.get().username(), reason);
        invitations.fire(new SessionEvents.ClassChanged(e.getCourseClass().getId()));
        tell(e, NotificationKind.DECLINED, "notify.declined", e.getReason());
        return e;
    }

    /** A request the caller may decide: the cadre in their scope (coordinator), or their class (trainer). */
    private Enrollment decidable(long enrollmentId) {
        Enrollment e = em.find(Enrollment.class, enrollmentId);
        if (e == null || !rules.mayManage(e.getCourseClass(), e.getCadre())) {
            throw new NotFoundException("enrollment");
        }
        return e;
    }

    // ---- leaving ------------------------------------------------------------------------------------

    /** Leaves a class with a reason; a freed place goes to the first on the waitlist, who is told. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public Enrollment withdraw(long enrollmentId, String reason) {
        Enrollment e = em.find(Enrollment.class, enrollmentId);
        Caller caller = currentUser.get();
        boolean own = e != null && caller.role() == Role.CADRE && e.getCadre().getId().equals(caller.cadreId());
        if (e == null || !own && !rules.mayManage(e.getCourseClass(), e.getCadre())) {
            throw new NotFoundException("enrollment");
        }
        CourseClass cls = lock(e.getCourseClass());
        if (e.withdraw(reason)) {
            promoteFirstWaiting(cls);
        }
        invitations.fire(new SessionEvents.ClassChanged(cls.getId()));
        if (!own) {
            tell(e, NotificationKind.WITHDRAWN, "notify.withdrawn", e.getReason());
        }
        return e;
    }

    /** The first on the waitlist (by the moment they joined it) takes the freed place and is told. */
    private void promoteFirstWaiting(CourseClass cls) {
        Optional<Enrollment> first = em.createQuery("SELECT e FROM Enrollment e WHERE e.courseClass = :c"
                        + " AND e.status = :w ORDER BY e.waitlistedAt, e.id", Enrollment.class)
                .setParameter("c", cls).setParameter("w", EnrollmentStatus.WAITLISTED)
                .setMaxResults(1).getResultStream().findFirst();
        first.ifPresent(next -> {
            next.promote();
            tell(next, NotificationKind.PROMOTED, "notify.promoted");
        });
    }

    // ---- nominations --------------------------------------------------------------------------------

    /**
     * Nominates the given cadres (chosen from a preview): each gets a place while there are places, then the
     * waitlist. Cadres that no longer qualify (outside the caller's scope or the class's audience, already in
     * the class, a prerequisite missing, a clash) are left out and counted; the rest is one transaction.
     */
    /** Whether the caller may nominate: the roles {@link #nominate} lets in. */
    @PermitAll
    public boolean mayNominate() {
        return currentUser.mayCall(EnrollmentService.class, "nominate");
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public NominationResult nominate(long classId, List<Long> cadreIds) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !rules.mayNominateFor(cls)) {
            throw new NotFoundException("class");
        }
        if (!cls.acceptsEnrollmentsOn(VietnamTime.today())) {
            throw new BusinessException("enrollment.error.notOpen");
        }
        lock(cls);
        List<Cadre> chosen = cadreIds.isEmpty() ? List.of() : em.createQuery(
                "SELECT c FROM Cadre c WHERE c.id IN :ids ORDER BY c.nameSort", Cadre.class)
                .setParameter("ids", cadreIds).getResultList();
        Map<Long, String> problems = rules.screen(cls, chosen);
        int enrolled = 0;
        int waitlisted = 0;
        int skipped = cadreIds.size() - chosen.size();
        for (Cadre cadre : chosen) {
            if (!currentUser.get().coversUnitPath(cadre.getUnitPath()) || problems.containsKey(cadre.getId())) {
                skipped++;
                continue;
            }
            Enrollment e = Enrollment.nominate(cls, cadre, currentUser.get().username());
            em.persist(e);
            if (e.getStatus() == EnrollmentStatus.ENROLLED) {
                enrolled++;
                tell(e, NotificationKind.NOMINATED, "notify.nominated");
            } else {
                waitlisted++;
                tell(e, NotificationKind.WAITLISTED, "notify.nominatedWaitlisted");
            }
        }
        invitations.fire(new SessionEvents.ClassChanged(cls.getId()));
        return new NominationResult(enrolled, waitlisted, skipped);
    }

    /** What a bulk nomination did. */
    public record NominationResult(int enrolled, int waitlisted, int skipped) {
        public int getEnrolled() {
            return enrolled;
        }

        public int getWaitlisted() {
            return waitlisted;
        }

        public int getSkipped() {
            return skipped;
        }
    }

    /** One cadre a nomination filter found, with the titles held now and what (if anything) stops them. */
    public record Candidate(RosterRow row, String problemKey) implements Serializable {
        public Cadre getCadre() {
            return row.cadre();
        }

        /** The titles held now, in the page's language. */
        public List<String> titles(Locale locale) {
            return row.titles(locale);
        }

        public String getProblemKey() {
            return problemKey;
        }

        public boolean isEligible() {
            return problemKey == null;
        }
    }

    /** A bulk nomination before it is confirmed: who would get a place, who would wait, who cannot go. */
    public record NominationPreview(List<Candidate> candidates, int eligible, int wouldEnroll, int wouldWait,
            boolean truncated) implements Serializable {
        public List<Candidate> getCandidates() {
            return candidates;
        }

        public int getEligible() {
            return eligible;
        }

        public int getWouldEnroll() {
            return wouldEnroll;
        }

        public int getWouldWait() {
            return wouldWait;
        }

        public boolean isTruncated() {
            return truncated;
        }

        public List<Long> eligibleIds() {
            return candidates.stream().filter(Candidate::isEligible).map(c -> c.getCadre().getId()).toList();
        }
    }

    /** The most a bulk nomination takes at once: a commune's cadres of one title fit easily. */
    public static final int MAX_NOMINATION = 500;

    /**
     * The cadres a roster filter finds in the caller's scope, less those who already completed a given course
     * (usually this class's), each screened by the rules: nothing is written.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public NominationPreview previewNomination(long classId, RosterFilter filter,
            Long notCompletedCourseId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !rules.mayNominateFor(cls)) {
            throw new NotFoundException("class");
        }
        List<RosterRow> rows = cadres.search(filter,
                PageRequest.of(0, MAX_NOMINATION + 1));
        boolean truncated = rows.size() > MAX_NOMINATION;
        if (truncated) {
            rows = rows.subList(0, MAX_NOMINATION);
        }
        List<Long> ids = rows.stream().map(RosterRow::getId).toList();
        Set<Long> completed = notCompletedCourseId == null || ids.isEmpty() ? Set.of()
                : new HashSet<>(em.createQuery("SELECT DISTINCT e.cadre.id FROM Enrollment e"
                        + " WHERE e.cadre.id IN :ids AND e.courseClass.course.id = :c AND e.outcome = :done", Long.class)
                        .setParameter("ids", ids).setParameter("c", notCompletedCourseId)
                        .setParameter("done", Outcome.COMPLETED).getResultList());
        List<RosterRow> remaining = rows.stream()
                .filter(r -> !completed.contains(r.getId())).toList();
        Map<Long, String> problems = rules.screen(cls,
                remaining.stream().map(RosterRow::getCadre).toList());
        List<Candidate> candidates = remaining.stream()
                .map(r -> new Candidate(r, problems.get(r.getId()))).toList();
        int eligible = (int) candidates.stream().filter(Candidate::isEligible).count();
        int enroll = Math.min(eligible, cls.getFreePlaces());
        return new NominationPreview(candidates, eligible, enroll, eligible - enroll, truncated);
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** The class's enrollments the caller may see, by status then name. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public List<Enrollment> roster(long classId) {
        CourseClass cls = visibleClass(classId);
        Caller caller = currentUser.get();
        String scope = caller.role() == Role.COORDINATOR ? " AND e.cadre.unitPath LIKE :scope" : "";
        var q = em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre c JOIN FETCH e.unit"
                + " WHERE e.courseClass = :cls" + scope + " ORDER BY e.status, e.waitlistedAt, c.nameSort", Enrollment.class)
                .setParameter("cls", cls);
        if (!scope.isEmpty()) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        return q.getResultList();
    }

    /** A class the caller may see the enrollments of. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public CourseClass visibleClass(long classId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        if (cls == null || !rules.maySee(cls)) {
            throw new NotFoundException("class");
        }
        return cls;
    }

    /** Requests waiting for the caller's decision: cadres in their scope, or in the classes they train. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public List<Enrollment> pendingRequests() {
        Caller caller = currentUser.get();
        String where = switch (caller.role()) {
            case COORDINATOR -> " AND e.cadre.unitPath LIKE :scope";
            case TRAINER -> " AND EXISTS (SELECT t FROM CourseClass k JOIN k.trainers t WHERE k = e.courseClass"
                    + " AND t.accountId = :account)";
            default -> "";
        };
        var q = em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre JOIN FETCH e.courseClass k"
                + " JOIN FETCH k.course WHERE e.status = :s" + where + " ORDER BY e.requestedAt", Enrollment.class)
                .setParameter("s", EnrollmentStatus.REQUESTED);
        if (caller.role() == Role.COORDINATOR) {
            q.setParameter("scope", caller.unitPath() + "%");
        } else if (caller.role() == Role.TRAINER) {
            q.setParameter("account", caller.accountId());
        }
        return q.setMaxResults(500).getResultList();
    }

    /** The signed-in cadre's enrollments, newest class first. */
    @RolesAllowed(Role.Names.CADRE)
    public List<Enrollment> mine() {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.courseClass k JOIN FETCH k.course"
                + " WHERE e.cadre = :c ORDER BY k.startDate DESC, e.id DESC", Enrollment.class)
                .setParameter("c", me()).getResultList();
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private Cadre me() {
        Long id = currentUser.get().cadreId();
        Cadre cadre = id == null ? null : em.find(Cadre.class, id);
        if (cadre == null) {
            throw new BusinessException("enrollment.error.noRecord");
        }
        return cadre;
    }

    /** Locks the class row for the rest of the transaction and reads it as it is now. */
    private CourseClass lock(CourseClass cls) {
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        return cls;
    }

    private void tell(Enrollment e, NotificationKind kind, String key, Object... extra) {
        Course course = e.getCourseClass().getCourse();
        Object[] args = new Object[2 + extra.length];
        args[0] = course.getTitleVi();
        args[1] = e.getCourseClass().getCode();
        System.arraycopy(extra, 0, args, 2, extra.length);
        inbox.send(Notification.toCadre(e.getCadre().getId(), kind, e.getCourseClass().getId(), key, args));
    }
}
