package vn.cadretraining.tour.service;

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
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.tour.entity.StudyTour;

/**
 * The study tours of a year and what each adds to its class (place visited, cost). Everyone at the province
 * reads and describes them all; a coordinator reads those organised in their commune or above it (their cadres
 * go on them) and describes only those organised in their commune. The participants are the class's enrollments.
 */
@Stateless
public class StudyTourService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    /** A study tour as its list shows it: the class, its tour's details (null before they are entered). */
    public record TourRow(long classId, String code, String title, String unitName, LocalDate startDate,
            LocalDate endDate, ClassStatus status, int participants, String destination, Long costVnd,
            boolean editable) implements Serializable {
        public long getClassId() {
            return classId;
        }
    }

    /** A study tour on a participant's record. */
    public record TourLine(long classId, String title, String destination, LocalDate startDate, LocalDate endDate)
            implements Serializable {
        public String getTitle() {
            return title;
        }

        public String getDestination() {
            return destination;
        }

        public LocalDate getStartDate() {
            return startDate;
        }

        public LocalDate getEndDate() {
            return endDate;
        }
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public long count(int year) {
        VietnamTime.checkedYear(year);
        Scope s = scope();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(k) FROM CourseClass k WHERE k.course.kind = :kind"
                + " AND k.status <> :cancelled AND k.startDate >= :from AND k.startDate < :to" + s.where(), Long.class);
        bind(q, year, s);
        return q.getSingleResult();
    }

    /** The year's study tours in the caller's reach, newest first, a page at a time. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public List<TourRow> list(int year, PageRequest page) {
        VietnamTime.checkedYear(year);
        Scope s = scope();
        TypedQuery<Object[]> q = em.createQuery("SELECT k, c.titleVi, u.name FROM CourseClass k JOIN k.course c"
                + " JOIN k.unit u WHERE c.kind = :kind"
                + " AND k.status <> :cancelled AND k.startDate >= :from AND k.startDate < :to" + s.where()
                + " ORDER BY k.startDate DESC, k.id DESC", Object[].class);
        bind(q, year, s);
        List<Object[]> page1 = q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        Map<Long, StudyTour> described = tours(page1.stream().map(r -> ((CourseClass) r[0]).getId()).toList());
        List<TourRow> rows = new ArrayList<>();
        for (Object[] r : page1) {
            CourseClass k = (CourseClass) r[0];
            StudyTour t = described.get(k.getId());
            rows.add(new TourRow(k.getId(), k.getCode(), (String) r[1], (String) r[2], k.getStartDate(), k.getEndDate(),
                    k.getStatus(), k.getEnrolledCount(), t == null ? null : t.getDestination(),
                    t == null ? null : t.getCostVnd(), mayDescribe(k)));
        }
        return rows;
    }

    /**
     * Sets a study tour's place and cost (null: not known yet). A class that is not a study tour, or one the
     * caller may not describe, is not found.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public StudyTour describe(long classId, String destination, Long costVnd) {
        CourseClass k = em.find(CourseClass.class, classId);
        if (k == null || k.getCourse().getKind() != ActivityKind.STUDY_TOUR || !mayDescribe(k)) {
            throw new NotFoundException("class");
        }
        StudyTour tour = find(classId);
        boolean created = tour == null;
        if (created) {
            tour = new StudyTour(k);
        }
        String destinationBefore = tour.getDestination();
        Long costBefore = tour.getCostVnd();
        tour.describe(destination, costVnd, currentUser.get().username());
        if (created) {
            em.persist(tour);
        }
        audit.studyTourDescribed(k, destinationBefore, costBefore, tour.getDestination(), tour.getCostVnd());
        return tour;
    }

    /**
     * The tour of a class the caller may describe, or null when its details were never entered; another commune's
     * is not found.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public StudyTour of(long classId) {
        CourseClass k = em.find(CourseClass.class, classId);
        if (k == null || k.getCourse().getKind() != ActivityKind.STUDY_TOUR || !mayDescribe(k)) {
            throw new NotFoundException("class");
        }
        return find(classId);
    }

    private StudyTour find(long classId) {
        return em.createQuery("SELECT t FROM StudyTour t WHERE t.courseClass.id = :k", StudyTour.class)
                .setParameter("k", classId).getResultStream().findFirst().orElse(null);
    }

    /**
     * The study tours a cadre took part in, newest first (the record's callers check whose record it is). A tour
     * whose place was never entered shows its course's title instead.
     */
    public List<TourLine> linesOf(long cadreId) {
        // two reads, not a LEFT JOIN … ON after the path joins: EclipseLink writes that ON before the table it names
        List<Object[]> taken = em.createQuery("SELECT k.id, c.titleVi, k.startDate, k.endDate FROM Enrollment e"
                        + " JOIN e.courseClass k JOIN k.course c"
                        + " WHERE e.cadre.id = :c AND e.status = :s AND c.kind = :kind AND k.status <> :cancelled"
                        + " ORDER BY k.startDate DESC, k.id DESC", Object[].class)
                .setParameter("c", cadreId).setParameter("s", EnrollmentStatus.ENROLLED)
                .setParameter("kind", ActivityKind.STUDY_TOUR).setParameter("cancelled", ClassStatus.CANCELLED)
                .getResultList();
        Map<Long, StudyTour> described = tours(taken.stream().map(r -> (Long) r[0]).toList());
        List<TourLine> lines = new ArrayList<>();
        for (Object[] r : taken) {
            StudyTour t = described.get((Long) r[0]);
            lines.add(new TourLine((Long) r[0], (String) r[1], t == null ? null : t.getDestination(), (LocalDate) r[2],
                    (LocalDate) r[3]));
        }
        return lines;
    }

    /** The tours of these classes, by class, in one read. */
    private Map<Long, StudyTour> tours(List<Long> classIds) {
        Map<Long, StudyTour> byClass = new HashMap<>();
        if (!classIds.isEmpty()) {
            for (StudyTour t : em.createQuery("SELECT t FROM StudyTour t WHERE t.courseClass.id IN :k", StudyTour.class)
                    .setParameter("k", classIds).getResultList()) {
                byClass.put(t.getCourseClass().getId(), t);
            }
        }
        return byClass;
    }

    /** Whether the caller may set this tour's place and cost: the province, or the commune that organises it. */
    public boolean mayDescribe(CourseClass k) {
        Caller caller = currentUser.get();
        return caller.seesEverything()
                || caller.role() == Role.COORDINATOR && caller.unitPath() != null && k.getUnitPath().startsWith(caller.unitPath());
    }

    /** A coordinator's reach: tours organised in their unit, and those of the units above it (paths of its ancestors). */
    private record Scope(String inside, List<String> above) {
        String where() {
            return inside == null ? "" : " AND (k.unitPath LIKE :inside OR k.unitPath IN :above)";
        }
    }

    private Scope scope() {
        Caller caller = currentUser.get();
        if (caller.seesEverything()) {
            return new Scope(null, List.of());
        }
        String path = caller.unitPath() == null ? "/-/" : caller.unitPath();
        List<String> above = new ArrayList<>();
        for (int i = path.indexOf('/', 1); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
            above.add(path.substring(0, i + 1));
        }
        above.add("/-/");
        return new Scope(path + "%", above);
    }

    private static void bind(TypedQuery<?> q, int year, Scope s) {
        q.setParameter("kind", ActivityKind.STUDY_TOUR).setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1));
        if (s.inside() != null) {
            q.setParameter("inside", s.inside()).setParameter("above", s.above());
        }
    }
}
