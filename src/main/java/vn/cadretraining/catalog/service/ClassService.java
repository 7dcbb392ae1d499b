package vn.cadretraining.catalog.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.cadretraining.catalog.entity.ClassCodes;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.Provider;
import vn.cadretraining.catalog.entity.SessionPlan;
import vn.cadretraining.catalog.entity.TimeSlot;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Classes (runs of a course) and their sessions.
 *
 * <p>Who may do what, checked here whatever the page shows: administrators everything; a trainer creates
 * classes (and becomes one of their trainers) and changes only the classes they are a trainer of; province
 * reviewers read every class; a coordinator reads the classes their cadres may attend (organised at, under or
 * above their unit) and a class outside that is "not found". Nobody changes a finished or cancelled class.
 *
 * <p>No trainer and no place is booked twice at once: each session saved, and each session of a generated
 * batch, is checked in one query against every other session ({@link SessionClashes}); a batch with any clash
 * is refused whole. Changed and cancelled sessions are told through {@link SessionEvents}.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
public class ClassService {

    private static final Map<String, String> SORTS = Map.of("code", "c.code", "startDate", "c.startDate",
            "status", "c.status");
    /** Training is organised by the province or by a commune-level unit, for the cadres under it. */
    private static final Set<UnitKind> ORGANISERS = Set.of(UnitKind.PROVINCE, UnitKind.COMMUNE, UnitKind.WARD,
            UnitKind.SPECIAL_ZONE);

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<SessionEvents.Changed> sessionChanged;

    @Inject
    Event<SessionEvents.Cancelled> sessionCancelled;

    @Inject
    Event<SessionEvents.ClassCancelled> classCancelled;

    @Inject
    Event<SessionEvents.ClassChanged> classChanged;

    /**
     * What the class list is narrowed to; nulls mean "any". {@code from}/{@code to}: classes running on any day of
     * that range. {@code mine}: only the classes the signed-in trainer is a trainer of.
     */
    public record Filter(String text, ClassStatus status, LocalDate from, LocalDate to, Long subjectGroupId,
            boolean mine) implements Serializable {
        public static final Filter ALL = new Filter(null, null, null, null, null, false);
    }

    /** A class as its form submits it. {@code code} and {@code courseId} are read only when creating. */
    public record Details(String code, Long courseId, Long unitId, Long providerId, List<Long> trainerIds,
            LocalDate startDate, LocalDate endDate, Integer capacity, LocalDate enrollFrom, LocalDate enrollUntil,
            boolean online, Long venueId, List<Long> connectionPointIds, String note) {
    }

    /** A session as its form submits it; no venue means the class's own place(s). */
    public record SessionDetails(LocalDate date, LocalTime start, LocalTime end, String topic, Long trainerId,
            Long venueId) {
    }

    // ---- reading ------------------------------------------------------------------------------------

    public List<CourseClass> list(Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<CourseClass> q = em.createQuery("SELECT c FROM CourseClass c JOIN FETCH c.course co"
                + " JOIN FETCH c.unit" + mine(filter) + where(filter, params)
                + " ORDER BY " + page.orderBy(SORTS, "c.startDate DESC, c.code"), CourseClass.class);
        params.forEach(q::setParameter);
        List<CourseClass> classes = q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        // the trainers of the whole page in one batch query (@BatchFetch), while the transaction is open
        classes.stream().findFirst().ifPresent(c -> c.getTrainers().size());
        return classes;
    }

    public long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c) FROM CourseClass c JOIN c.course co" + mine(filter)
                + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /**
     * "My classes" as a join on the class's trainers rather than a subquery (see {@link Search}); a class lists a
     * trainer once and an account is linked to one trainer at most, so no class comes twice.
     */
    private static String mine(Filter f) {
        return f.mine() ? " JOIN c.trainers mt" : "";
    }

    /** The WHERE clause for a filter, always narrowed to the caller's scope. */
    private String where(Filter f, Map<String, Object> params) {
        List<String> w = new ArrayList<>();
        Caller caller = currentUser.get();
        if (caller.role() == Role.COORDINATOR) {
            if (caller.unitPath() == null) {
                w.add("c.id < 0");
            } else {
                // their unit's subtree, or a unit above it: the classes their cadres may attend
                w.add("(c.unitPath LIKE :below OR c.unitPath IN :above)");
                params.put("below", caller.unitPath() + "%");
                params.put("above", ancestorPaths(caller.unitPath()));
            }
        }
        if (f.text() != null && !f.text().isBlank()) {
            String[] words = TextFold.fold(f.text()).split(" ");
            for (int i = 0; i < words.length && i < 6; i++) {
                w.add("(co.titleFolded LIKE :w" + i + " OR LOWER(c.code) LIKE :w" + i + ")");
                params.put("w" + i, Search.contains(words[i]));
            }
        }
        if (f.status() != null) {
            w.add("c.status = :status");
            params.put("status", f.status());
        }
        if (f.from() != null) {
            w.add("c.endDate >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            w.add("c.startDate <= :to");
            params.put("to", f.to());
        }
        if (f.subjectGroupId() != null) {
            w.add("co.subjectGroup.id = :group");
            params.put("group", f.subjectGroupId());
        }
        if (f.mine()) {
            w.add("mt.accountId = :me");
            params.put("me", caller.accountId());
        }
        return Search.where(w);
    }

    /** "/1/7/23/" → ["/1/", "/1/7/", "/1/7/23/"]: the paths of a unit and of every unit above it. */
    static List<String> ancestorPaths(String path) {
        List<String> paths = new ArrayList<>();
        int i = path.indexOf('/', 1);
        while (i > 0) {
            paths.add(path.substring(0, i + 1));
            i = path.indexOf('/', i + 1);
        }
        return paths.isEmpty() ? List.of(path) : paths;
    }

    /** A class the caller may see; "not found" otherwise, whether or not it exists. */
    public CourseClass get(long id) {
        CourseClass c = em.find(CourseClass.class, id);
        if (c == null || !visible(c)) {
            throw new NotFoundException("class");
        }
        return c;
    }

    private boolean visible(CourseClass c) {
        Caller caller = currentUser.get();
        return caller.role() != Role.COORDINATOR || CourseClass.isInAreaOf(c.getUnitPath(), caller.unitPath());
    }

    /** Whether the caller may plan classes: the roles {@link #create} lets in. */
    @PermitAll
    public boolean mayPlan() {
        return currentUser.mayCall(ClassService.class, "create");
    }

    /** Whether the caller may change this class: administrators, and the trainers of the class. */
    public boolean mayChange(CourseClass c) {
        Caller caller = currentUser.get();
        return caller.role() == Role.ADMIN || caller.role() == Role.TRAINER && c.isRunBy(caller.accountId());
    }

    /** The signed-in trainer's own trainer record, if an administrator has made one. */
    public Optional<Trainer> ownTrainer() {
        return em.createQuery("SELECT t FROM Trainer t WHERE t.accountId = :a", Trainer.class)
                .setParameter("a", currentUser.get().accountId()).getResultStream().findFirst();
    }

    /** The default code of a new class: the course's code, the year of its start, the next free number. */
    public String suggestCode(long courseId, LocalDate start) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            throw new NotFoundException("course");
        }
        int year = (start == null ? VietnamTime.today() : start).getYear();
        String prefix = ClassCodes.prefix(course.getCode(), year);
        // "_" in a course code matches any character here: ClassCodes.next keeps only exact matches
        List<String> taken = em.createQuery("SELECT c.code FROM CourseClass c WHERE c.code LIKE :p",
                String.class).setParameter("p", prefix + "%").getResultList();
        return ClassCodes.next(course.getCode(), year, taken);
    }

    public List<ClassSession> sessions(long classId) {
        CourseClass c = get(classId);
        return em.createQuery("SELECT s FROM ClassSession s LEFT JOIN FETCH s.trainer LEFT JOIN FETCH s.venue"
                + " WHERE s.courseClass = :c ORDER BY s.startsAt, s.id", ClassSession.class)
                .setParameter("c", c).getResultList();
    }

    // ---- changing a class -------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass create(Details d) {
        Course course = Optional.ofNullable(d.courseId()).map(id -> em.find(Course.class, id))
                .orElseThrow(() -> new BusinessException("class.error.courseRequired"));
        Set<Trainer> trainers = trainers(d.trainerIds());
        if (currentUser.get().role() == Role.TRAINER) {
            // the trainer who creates a class runs it
            trainers.add(ownTrainer().orElseThrow(() -> new BusinessException("class.error.noTrainerRecord")));
        }
        String code = d.code() == null || d.code().isBlank() ? suggestCode(course.getId(), d.startDate())
                : ClassCodes.normalize(d.code());
        CourseClass c = new CourseClass(code, course, organiser(d.unitId()));
        long taken = em.createQuery("SELECT COUNT(c) FROM CourseClass c WHERE c.code = :code", Long.class)
                .setParameter("code", c.getCode()).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("class.error.codeTaken", c.getCode());
        }
        c.schedule(d.startDate(), d.endDate(), capacity(d), d.enrollFrom(), d.enrollUntil());
        c.deliveredBy(provider(d.providerId()), trainers);
        c.heldAt(venue(d.venueId()), d.online(), venues(d.connectionPointIds()));
        c.note(blankToNull(d.note()));
        em.persist(c);
        return c;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass update(long id, long expectedVersion, Details d) {
        CourseClass c = changeable(id, expectedVersion);
        if (!Objects.equals(c.getUnit().getId(), d.unitId())) {
            c.organisedBy(organiser(d.unitId()));
        }
        if (d.startDate() != null && d.endDate() != null) {
            long outside = em.createQuery("SELECT COUNT(s) FROM ClassSession s WHERE s.courseClass = :c"
                    + " AND s.cancelled = FALSE AND (s.sessionDate < :start OR s.sessionDate > :end)", Long.class)
                    .setParameter("c", c).setParameter("start", d.startDate()).setParameter("end", d.endDate())
                    .getSingleResult();
            if (outside > 0) {
                throw new BusinessException("class.error.sessionsOutside", outside);
            }
        }
        c.schedule(d.startDate(), d.endDate(), capacity(d), d.enrollFrom(), d.enrollUntil());
        Set<Trainer> trainers = trainers(d.trainerIds());
        Caller caller = currentUser.get();
        if (caller.role() == Role.TRAINER && trainers.stream().noneMatch(t -> Objects.equals(t.getAccountId(),
                caller.accountId()))) {
            // a trainer who took themselves off could no longer correct the class
            throw new BusinessException("class.error.keepYourself");
        }
        c.deliveredBy(provider(d.providerId()), trainers);
        Set<Venue> placesBefore = c.getPlaces();
        c.heldAt(venue(d.venueId()), d.online(), venues(d.connectionPointIds()));
        c.note(blankToNull(d.note()));
        if (!placesBefore.equals(c.getPlaces())) {
            movedPlaces(c);
        }
        classChanged.fire(new SessionEvents.ClassChanged(c.getId()));
        return c;
    }

    /**
     * The class moved: its sessions without a place of their own move with it, so they are checked again for
     * clashes at the new places, and the ones still to come are told as changed.
     */
    private void movedPlaces(CourseClass c) {
        List<ClassSession> inherited = em.createQuery("SELECT s FROM ClassSession s WHERE s.courseClass = :c"
                + " AND s.cancelled = FALSE AND s.venue IS NULL ORDER BY s.startsAt", ClassSession.class)
                .setParameter("c", c).getResultList();
        SessionClashes finder = new SessionClashes(em);
        List<Clash> clashes = new ArrayList<>();
        for (ClassSession s : inherited) {
            clashes.addAll(finder.find(s.getSlot(), null, c.getPlaces(), s.getId()));
        }
        if (!clashes.isEmpty()) {
            throw new SessionClashException(clashes);
        }
        LocalDateTime now = VietnamTime.now();
        for (ClassSession s : inherited) {
            if (s.getEndsAt().isAfter(now)) {
                sessionChanged.fire(new SessionEvents.Changed(s.getId(), c.getId(), "venue"));
            }
        }
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass open(long id, long expectedVersion) {
        CourseClass c = changeable(id, expectedVersion);
        c.open();
        classChanged.fire(new SessionEvents.ClassChanged(c.getId()));
        return c;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass start(long id, long expectedVersion) {
        CourseClass c = changeable(id, expectedVersion);
        c.start();
        classChanged.fire(new SessionEvents.ClassChanged(c.getId()));
        return c;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass finish(long id, long expectedVersion) {
        CourseClass c = changeable(id, expectedVersion);
        c.finish();
        classChanged.fire(new SessionEvents.ClassChanged(c.getId()));
        return c;
    }

    /** Calls the class off; enrollment hears of it and tells the cadres. Its sessions then hold no one. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public CourseClass cancel(long id, long expectedVersion) {
        CourseClass c = changeable(id, expectedVersion);
        c.cancel();
        classCancelled.fire(new SessionEvents.ClassCancelled(c.getId()));
        return c;
    }

    // ---- sessions -----------------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public ClassSession addSession(long classId, SessionDetails d) {
        CourseClass c = changeable(classId, null);
        TimeSlot slot = new TimeSlot(d.date(), d.start(), d.end());
        c.requireWithinDates(slot.date());
        Trainer trainer = sessionTrainer(c, d.trainerId());
        ClassSession session = new ClassSession(c, slot.date(), slot.start(), slot.end(), d.topic(), trainer,
                venue(d.venueId()));
        List<Clash> clashes = new SessionClashes(em).find(slot, trainer, session.getPlaces(), null);
        if (!clashes.isEmpty()) {
            throw new SessionClashException(clashes);
        }
        em.persist(session);
        return session;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public ClassSession updateSession(long sessionId, long expectedVersion, SessionDetails d) {
        ClassSession session = changeableSession(sessionId, expectedVersion);
        CourseClass c = session.getCourseClass();
        TimeSlot slot = new TimeSlot(d.date(), d.start(), d.end());
        c.requireWithinDates(slot.date());
        Trainer trainer = sessionTrainer(c, d.trainerId());
        Venue venue = venue(d.venueId());
        Set<Venue> places = venue != null ? Set.of(venue) : c.getPlaces();
        List<Clash> clashes = new SessionClashes(em).find(slot, trainer, places, session.getId());
        if (!clashes.isEmpty()) {
            throw new SessionClashException(clashes);
        }
        String what = session.change(slot.date(), slot.start(), slot.end(), d.topic(), trainer, venue);
        if (!what.isEmpty()) {
            sessionChanged.fire(new SessionEvents.Changed(session.getId(), c.getId(), what));
        }
        return session;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public ClassSession cancelSession(long sessionId, long expectedVersion, String reason) {
        ClassSession session = changeableSession(sessionId, expectedVersion);
        session.cancel(reason);
        sessionCancelled.fire(new SessionEvents.Cancelled(session.getId(), session.getCourseClass().getId(),
                session.getCancelReason()));
        return session;
    }

    /**
     * Adds the sessions of a plan ("every morning and afternoon from D1 to D2"), all of them or none: every
     * planned session is checked first, and any clash refuses the whole batch with the list of clashes.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public List<ClassSession> generate(long classId, SessionPlan plan, String topic, Long trainerId, Long venueId) {
        CourseClass c = changeable(classId, null);
        List<TimeSlot> slots = plan.slots();
        slots.forEach(s -> c.requireWithinDates(s.date()));
        Trainer trainer = sessionTrainer(c, trainerId);
        Venue venue = venue(venueId);
        Set<Venue> places = venue != null ? Set.of(venue) : c.getPlaces();
        SessionClashes finder = new SessionClashes(em);
        List<Clash> clashes = new ArrayList<>();
        for (TimeSlot slot : slots) {
            clashes.addAll(finder.find(slot, trainer, places, null));
        }
        if (!clashes.isEmpty()) {
            throw new SessionClashException(clashes);
        }
        List<ClassSession> added = new ArrayList<>();
        for (TimeSlot slot : slots) {
            ClassSession s = new ClassSession(c, slot.date(), slot.start(), slot.end(), topic, trainer, venue);
            em.persist(s);
            added.add(s);
        }
        return added;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A class the caller may change, not closed, at the version they saw (null: do not compare). */
    private CourseClass changeable(long id, Long expectedVersion) {
        CourseClass c = get(id);
        if (!mayChange(c)) {
            throw new BusinessException("class.error.notYours");
        }
        if (expectedVersion != null && c.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        c.requireChangeable();
        return c;
    }

    private ClassSession changeableSession(long sessionId, long expectedVersion) {
        ClassSession session = em.find(ClassSession.class, sessionId);
        if (session == null) {
            throw new NotFoundException("session");
        }
        changeable(session.getCourseClass().getId(), null);
        if (session.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        session.requireNotCancelled();
        return session;
    }

    /** A session is led by one of the class's trainers, or by no one named yet. */
    private Trainer sessionTrainer(CourseClass c, Long trainerId) {
        if (trainerId == null) {
            return null;
        }
        return c.getTrainers().stream().filter(t -> t.getId().equals(trainerId)).findFirst()
                .orElseThrow(() -> new BusinessException("session.error.trainerNotInClass"));
    }

    private AdminUnit organiser(Long unitId) {
        AdminUnit unit = unitId == null ? null : em.find(AdminUnit.class, unitId);
        if (unit == null || unit.isClosed() || !ORGANISERS.contains(unit.getKind())) {
            throw new BusinessException("class.error.unit");
        }
        return unit;
    }

    private static int capacity(Details d) {
        if (d.capacity() == null) {
            throw new BusinessException("class.error.capacity", 0);
        }
        return d.capacity();
    }

    private Provider provider(Long id) {
        return id == null ? null
                : Optional.ofNullable(em.find(Provider.class, id)).orElseThrow(() -> new NotFoundException("provider"));
    }

    private Venue venue(Long id) {
        return id == null ? null
                : Optional.ofNullable(em.find(Venue.class, id)).orElseThrow(() -> new NotFoundException("venue"));
    }

    private List<Venue> venues(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Venue> found = em.createQuery("SELECT v FROM Venue v WHERE v.id IN :ids", Venue.class)
                .setParameter("ids", ids).getResultList();
        if (found.size() != ids.stream().distinct().count()) {
            throw new NotFoundException("venue");
        }
        return found;
    }

    private Set<Trainer> trainers(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return new LinkedHashSet<>();
        }
        List<Trainer> found = em.createQuery("SELECT t FROM Trainer t WHERE t.id IN :ids", Trainer.class)
                .setParameter("ids", ids).getResultList();
        if (found.size() != ids.stream().distinct().count()) {
            throw new NotFoundException("trainer");
        }
        return new LinkedHashSet<>(found);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
