package vn.cadretraining.enrollment.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The rules of who may take part in a class and who may decide, each answered by the database in one query:
 * <ul>
 * <li>a class is for the cadres under its organising unit, holding one of the titles the course is meant for
 * (or any title when the course names none);</li>
 * <li>one active enrollment per cadre and class;</li>
 * <li>every prerequisite course completed before;</li>
 * <li>no session of the class overlapping a session of another class the cadre has a place in.</li>
 * </ul>
 */
@Stateless
@PermitAll
public class EnrollmentRules {

    static final List<EnrollmentStatus> ACTIVE = List.of(EnrollmentStatus.REQUESTED, EnrollmentStatus.ENROLLED,
            EnrollmentStatus.WAITLISTED);

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** The cadre is under the organising unit and holds a title the course is meant for. */
    public boolean isInAudience(CourseClass cls, Cadre cadre) {
        if (!cadre.getUnitPath().startsWith(cls.getUnitPath())) {
            return false;
        }
        Course course = cls.getCourse();
        if (course.getTitles().isEmpty()) {
            return true;
        }
        List<Long> held = em.createQuery("SELECT p.title.id FROM Position p WHERE p.cadre = :c AND p.endDate IS NULL",
                Long.class).setParameter("c", cadre).getResultList();
        return course.isMeantForAnyOf(held);
    }

    public void requireNotActiveIn(CourseClass cls, Cadre cadre) {
        long active = em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.courseClass = :k AND e.cadre = :c"
                        + " AND e.status IN :active", Long.class)
                .setParameter("k", cls).setParameter("c", cadre).setParameter("active", ACTIVE).getSingleResult();
        if (active > 0) {
            throw new BusinessException("enrollment.error.already");
        }
    }

    /** Refuses, naming them, the prerequisites the cadre has not completed. */
    public void requirePrerequisites(Course course, Cadre cadre) {
        List<String> missing = em.createQuery("SELECT p.titleVi FROM Course c JOIN c.prerequisites p WHERE c = :course"
                        + " AND NOT EXISTS (SELECT e FROM Enrollment e WHERE e.cadre = :cadre"
                        + " AND e.courseClass.course = p AND e.outcome = :done) ORDER BY p.titleVi", String.class)
                .setParameter("course", course).setParameter("cadre", cadre).setParameter("done", Outcome.COMPLETED)
                .getResultList();
        if (!missing.isEmpty()) {
            throw new BusinessException("enrollment.error.prerequisites", String.join("; ", missing));
        }
    }

    /** Refuses, naming it, a class whose sessions overlap the sessions of this one. */
    public void requireNoOverlap(CourseClass cls, Cadre cadre) {
        List<Object[]> clash = em.createQuery("SELECT k.code, o.startsAt FROM ClassSession s, ClassSession o,"
                        + " Enrollment e JOIN e.courseClass k WHERE s.courseClass = :cls AND s.cancelled = FALSE"
                        + " AND e.cadre = :cadre AND e.status = :enrolled AND o.courseClass = k AND k <> :cls"
                        + " AND o.cancelled = FALSE AND s.startsAt < o.endsAt AND o.startsAt < s.endsAt"
                        + " ORDER BY o.startsAt", Object[].class)
                .setParameter("cls", cls).setParameter("cadre", cadre)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED).setMaxResults(1).getResultList();
        if (!clash.isEmpty()) {
            LocalDateTime at = (LocalDateTime) clash.get(0)[1];
            throw new BusinessException("enrollment.error.overlap", clash.get(0)[0],
                    VietnamTime.DATE_TIME.format(at));
        }
    }

    /**
     * The same rules for many cadres at once (a bulk nomination), in five queries whatever their number: for
     * each cadre that cannot take part, the bundle key of the first reason.
     */
    public Map<Long, String> screen(CourseClass cls, List<Cadre> cadres) {
        Map<Long, String> problems = new HashMap<>();
        List<Cadre> inArea = new ArrayList<>();
        for (Cadre c : cadres) {
            if (c.getUnitPath().startsWith(cls.getUnitPath())) {
                inArea.add(c);
            } else {
                problems.put(c.getId(), "enrollment.error.notAudience");
            }
        }
        if (inArea.isEmpty()) {
            return problems;
        }
        List<Long> ids = inArea.stream().map(Cadre::getId).toList();
        Course course = cls.getCourse();
        if (!course.getTitles().isEmpty()) {
            Set<Long> holding = new HashSet<>(em.createQuery("SELECT DISTINCT p.cadre.id FROM Position p"
                    + " WHERE p.cadre.id IN :ids AND p.endDate IS NULL AND p.title IN :titles", Long.class)
                    .setParameter("ids", ids).setParameter("titles", course.getTitles()).getResultList());
            ids.stream().filter(id -> !holding.contains(id))
                    .forEach(id -> problems.putIfAbsent(id, "enrollment.error.notAudience"));
        }
        em.createQuery("SELECT e.cadre.id FROM Enrollment e WHERE e.courseClass = :k AND e.status IN :active"
                        + " AND e.cadre.id IN :ids", Long.class)
                .setParameter("k", cls).setParameter("active", ACTIVE).setParameter("ids", ids).getResultList()
                .forEach(id -> problems.putIfAbsent(id, "enrollment.error.already"));
        if (!course.getPrerequisites().isEmpty()) {
            Map<Long, Set<Long>> done = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.cadre.id, e.courseClass.course.id FROM Enrollment e"
                            + " WHERE e.cadre.id IN :ids AND e.outcome = :done AND e.courseClass.course IN :pre",
                            Object[].class)
                    .setParameter("ids", ids).setParameter("done", Outcome.COMPLETED)
                    .setParameter("pre", course.getPrerequisites()).getResultList()) {
                done.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]);
            }
            for (Long id : ids) {
                if (done.getOrDefault(id, Set.of()).size() < course.getPrerequisites().size()) {
                    problems.putIfAbsent(id, "enrollment.error.prerequisitesShort");
                }
            }
        }
        em.createQuery("SELECT DISTINCT e.cadre.id FROM ClassSession s, ClassSession o, Enrollment e"
                        + " WHERE s.courseClass = :cls AND s.cancelled = FALSE AND e.cadre.id IN :ids"
                        + " AND e.status = :enrolled AND o.courseClass = e.courseClass AND e.courseClass <> :cls"
                        + " AND o.cancelled = FALSE AND s.startsAt < o.endsAt AND o.startsAt < s.endsAt", Long.class)
                .setParameter("cls", cls).setParameter("ids", ids).setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .getResultList()
                .forEach(id -> problems.putIfAbsent(id, "enrollment.error.overlapShort"));
        return problems;
    }

    /** Accounts of the coordinators whose unit covers the cadre: they decide the cadre's requests. */
    public List<Long> coordinatorsOf(Cadre cadre) {
        return em.createQuery("SELECT a.id, a.unit.path FROM Account a WHERE a.role = :r AND a.enabled = TRUE",
                        Object[].class)
                .setParameter("r", Role.COORDINATOR).getResultList().stream()
                .filter(row -> row[1] != null && cadre.getUnitPath().startsWith((String) row[1]))
                .map(row -> (Long) row[0]).toList();
    }

    /** Decide requests and act on enrollments: administrators; coordinators for their cadres; the class's trainers. */
    public boolean mayManage(CourseClass cls, Cadre cadre) {
        Caller caller = currentUser.get();
        return switch (caller.role()) {
            case ADMIN -> true;
            case COORDINATOR -> caller.coversUnitPath(cadre.getUnitPath());
            case TRAINER -> trains(cls, caller);
            default -> false;
        };
    }

    /** Nominate to a class: administrators; coordinators whose cadres are in the class's audience. */
    public boolean mayNominateFor(CourseClass cls) {
        Caller caller = currentUser.get();
        return caller.role() == Role.ADMIN
                || caller.role() == Role.COORDINATOR && sharesArea(cls, caller);
    }

    /** See a class's enrollments: everyone at the province; a coordinator whose area meets it; its trainers. */
    public boolean maySee(CourseClass cls) {
        Caller caller = currentUser.get();
        return switch (caller.role()) {
            case ADMIN, PROVINCE -> true;
            case COORDINATOR -> sharesArea(cls, caller);
            case TRAINER -> trains(cls, caller);
            default -> false;
        };
    }

    /** The class is organised at or above the coordinator's unit (their cadres are its audience), or inside it. */
    private static boolean sharesArea(CourseClass cls, Caller caller) {
        return caller.unitPath() != null
                && (caller.unitPath().startsWith(cls.getUnitPath()) || cls.getUnitPath().startsWith(caller.unitPath()));
    }

    private boolean trains(CourseClass cls, Caller caller) {
        return em.createQuery("SELECT COUNT(t) FROM CourseClass k JOIN k.trainers t WHERE k = :k AND t.accountId = :a",
                Long.class).setParameter("k", cls).setParameter("a", caller.accountId()).getSingleResult() > 0;
    }
}
