package vn.cadretraining.enrollment.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The catalog as a cadre sees it on their phone: the open classes meant for them, those organised by their
 * hamlet, commune or province for a title they hold (or for everyone), with a search that ignores
 * diacritics.
 */
@Stateless
@RolesAllowed(Role.Names.CADRE)
public class OfferService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** What the cadre filters the catalog by. */
    public record OfferFilter(String text, Long subjectGroupId, LocalDate from) {
    }

    /**
     * An open class with where the cadre already stands in it: null when they have not asked, else asked, placed
     * or waiting ({@code position} on the waitlist, from 1), so that a full class they have a place in is not
     * offered to them as "join the waitlist".
     */
    public record Offer(CourseClass courseClass, EnrollmentStatus mine, int position) implements Serializable {
        public CourseClass getCourseClass() {
            return courseClass;
        }

        public EnrollmentStatus getMine() {
            return mine;
        }

        public int getPosition() {
            return position;
        }
    }

    public List<Offer> offers(OfferFilter filter, int limit) {
        Cadre me = me();
        StringBuilder jpql = new StringBuilder("SELECT k FROM CourseClass k JOIN FETCH k.course c"
                + " WHERE k.status = :open AND k.unitPath IN :areas"
                + " AND (k.enrollFrom IS NULL OR k.enrollFrom <= :today) AND (k.enrollUntil IS NULL OR k.enrollUntil >= :today)"
                + " AND (NOT EXISTS (SELECT t FROM Course c2 JOIN c2.titles t WHERE c2 = c)"
                + " OR EXISTS (SELECT t FROM Course c3 JOIN c3.titles t WHERE c3 = c AND t.id IN :mine))");
        if (filter.text() != null && !filter.text().isBlank()) {
            jpql.append(" AND c.titleFolded LIKE :text ESCAPE '\\'");
        }
        if (filter.subjectGroupId() != null) {
            jpql.append(" AND c.subjectGroup.id = :group");
        }
        if (filter.from() != null) {
            jpql.append(" AND k.startDate >= :from");
        }
        jpql.append(" ORDER BY k.startDate, k.code");
        TypedQuery<CourseClass> q = em.createQuery(jpql.toString(), CourseClass.class)
                .setParameter("open", ClassStatus.OPEN)
                .setParameter("areas", ancestors(me.getUnitPath()))
                .setParameter("today", VietnamTime.today())
                .setParameter("mine", titlesOf(me));
        if (filter.text() != null && !filter.text().isBlank()) {
            q.setParameter("text", TextFold.containsPattern(filter.text()));
        }
        if (filter.subjectGroupId() != null) {
            q.setParameter("group", filter.subjectGroupId());
        }
        if (filter.from() != null) {
            q.setParameter("from", filter.from());
        }
        List<CourseClass> classes = q.setMaxResults(limit).getResultList();
        if (classes.isEmpty()) {
            return List.of();
        }
        // where the cadre stands in the classes shown: two statements, whatever their number
        Map<Long, EnrollmentStatus> mine = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT e.courseClass.id, e.status FROM Enrollment e WHERE e.cadre = :c"
                        + " AND e.status IN :active AND e.courseClass.id IN :ids", Object[].class)
                .setParameter("c", me).setParameter("active", ACTIVE)
                .setParameter("ids", classes.stream().map(CourseClass::getId).toList()).getResultList()) {
            mine.put((Long) r[0], (EnrollmentStatus) r[1]);
        }
        Map<Long, Integer> positions = mine.containsValue(EnrollmentStatus.WAITLISTED)
                ? Waitlists.positions(em, me.getId()) : Map.of();
        return classes.stream().map(k -> new Offer(k, mine.get(k.getId()), positions.getOrDefault(k.getId(), 0)))
                .toList();
    }

    /** The offer page: the class, its sessions in order (cancelled ones included), and the cadre's active request or place in it (null when none). */
    public record OfferPage(CourseClass courseClass, List<ClassSession> sessions, Enrollment mine)
            implements Serializable {
    }

    /**
     * A class the cadre may look at, read for its page at once: open and meant for them, or one they are (or
     * were) enrolled in; "not found" otherwise.
     */
    public OfferPage page(long classId) {
        Cadre me = me();
        CourseClass cls = em.createQuery("SELECT k FROM CourseClass k JOIN FETCH k.course c JOIN FETCH c.subjectGroup"
                        + " JOIN FETCH k.unit LEFT JOIN FETCH k.venue WHERE k.id = :k", CourseClass.class)
                .setParameter("k", classId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("class"));
        List<Enrollment> ever = em.createQuery("SELECT e FROM Enrollment e WHERE e.courseClass = :k AND e.cadre = :c"
                + " ORDER BY e.id DESC", Enrollment.class).setParameter("k", cls).setParameter("c", me).getResultList();
        boolean meantForMe = cls.getStatus() != ClassStatus.DRAFT && me.getUnitPath().startsWith(cls.getUnitPath())
                && cls.getCourse().isMeantForAnyOf(titlesOf(me));
        if (ever.isEmpty() && !meantForMe) {
            throw new NotFoundException("class");
        }
        List<ClassSession> sessions = em.createQuery("SELECT s FROM ClassSession s LEFT JOIN FETCH s.venue"
                + " LEFT JOIN FETCH s.trainer WHERE s.courseClass.id = :k ORDER BY s.startsAt", ClassSession.class)
                .setParameter("k", classId).getResultList();
        Enrollment mine = ever.stream().filter(e -> ACTIVE.contains(e.getStatus())).findFirst().orElse(null);
        return new OfferPage(cls, sessions, mine);
    }

    /** A cadre's request or place in a class, as long as it stands. */
    private static final List<EnrollmentStatus> ACTIVE = List.of(EnrollmentStatus.REQUESTED, EnrollmentStatus.ENROLLED,
            EnrollmentStatus.WAITLISTED);

    public List<SubjectGroup> subjectGroups() {
        return em.createQuery("SELECT g FROM SubjectGroup g WHERE g.active = TRUE ORDER BY g.sortOrder",
                SubjectGroup.class).getResultList();
    }

    private Cadre me() {
        Long id = currentUser.get().cadreId();
        Cadre cadre = id == null ? null : em.find(Cadre.class, id);
        if (cadre == null) {
            throw new NotFoundException("cadre");
        }
        return cadre;
    }

    private List<Long> titlesOf(Cadre cadre) {
        List<Long> ids = new ArrayList<>(em.createQuery("SELECT p.title.id FROM Position p WHERE p.cadre = :c"
                + " AND p.endDate IS NULL", Long.class).setParameter("c", cadre).getResultList());
        if (ids.isEmpty()) {
            ids.add(-1L); // "IN ()" is not SQL: a title no one has
        }
        return ids;
    }

    /** "/1/7/120/" → "/1/", "/1/7/", "/1/7/120/": the units whose classes are for this unit's cadres. */
    static List<String> ancestors(String path) {
        List<String> paths = new ArrayList<>();
        int i = path.indexOf('/', 1);
        while (i > 0) {
            paths.add(path.substring(0, i + 1));
            i = path.indexOf('/', i + 1);
        }
        return paths;
    }
}
