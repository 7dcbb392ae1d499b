package vn.cadretraining.home.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.CertificateStatus;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.service.Waitlists;
import vn.cadretraining.home.service.HomePage.ClassLine;
import vn.cadretraining.home.service.HomePage.Pace;
import vn.cadretraining.home.service.HomePage.Session;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.service.Dashboard;
import vn.cadretraining.reporting.service.ProgressService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The home page's one read: the figures of the caller's role, each a count or a short list made by the database,
 * in one transaction; the number of statements depends on the role, never on the data.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
public class HomeService {

    /** Rows a home list shows at most; the page links to the full list. */
    static final int MAX_ROWS = 5;
    /** An account made within these days and never signed in to is "new" for the administrator. */
    static final int NEW_DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgressService progress;

    public HomePage page() {
        Caller caller = currentUser.get();
        return switch (caller.role()) {
            case CADRE -> new HomePage(caller.role(), cadre(caller), null, null, null, null);
            case TRAINER -> new HomePage(caller.role(), null, trainer(caller), null, null, null);
            case COORDINATOR -> new HomePage(caller.role(), null, null, coordinator(caller), null, null);
            case PROVINCE -> new HomePage(caller.role(), null, null, null, reviewer(), null);
            case ADMIN -> new HomePage(caller.role(), null, null, null, null, admin());
        };
    }

    // ---- the cadre ------------------------------------------------------------------------------------

    private HomePage.Cadre cadre(Caller caller) {
        Long me = caller.cadreId();
        if (me == null) {
            return new HomePage.Cadre(null, List.of(), List.of(), 0, 0, 0);
        }
        LocalDateTime now = VietnamTime.now();
        LocalDate today = now.toLocalDate();
        Session next = em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.courseClass k JOIN FETCH k.course"
                        + " LEFT JOIN FETCH s.venue LEFT JOIN FETCH k.venue WHERE s.cancelled = FALSE AND s.endsAt >= :now"
                        + " AND k.status <> :cancelled AND EXISTS (SELECT e FROM Enrollment e WHERE e.courseClass = k"
                        + " AND e.cadre.id = :c AND e.status = :enrolled) ORDER BY s.startsAt", ClassSession.class)
                .setParameter("now", now).setParameter("cancelled", ClassStatus.CANCELLED).setParameter("c", me)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED)
                .setMaxResults(1).getResultStream().findFirst().map(s -> session(s, now)).orElse(null);

        // the active enrollments: under way, asked, waiting (a cadre has a handful; capped all the same)
        List<Enrollment> active = em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.courseClass k"
                        + " JOIN FETCH k.course WHERE e.cadre.id = :c AND k.status <> :cancelled AND (e.status IN :asked"
                        + " OR e.status = :enrolled AND k.startDate <= :today AND k.endDate >= :today)"
                        + " ORDER BY k.startDate, k.id", Enrollment.class)
                .setParameter("c", me).setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("asked", List.of(EnrollmentStatus.REQUESTED, EnrollmentStatus.WAITLISTED))
                .setParameter("enrolled", EnrollmentStatus.ENROLLED).setParameter("today", today)
                .setMaxResults(4 * MAX_ROWS).getResultList();
        Map<Long, Integer> positions = Waitlists.positions(em, me);
        List<ClassLine> running = new ArrayList<>();
        List<ClassLine> waiting = new ArrayList<>();
        for (Enrollment e : active) {
            ClassLine line = line(e.getCourseClass(), e.getStatus(), positions.getOrDefault(e.getCourseClass().getId(), 0));
            (e.getStatus() == EnrollmentStatus.ENROLLED ? running : waiting).add(line);
        }
        // classes with a place that have not started, and every class ever had a place in
        long upcoming = em.createQuery("SELECT COUNT(e) FROM Enrollment e JOIN e.courseClass k WHERE e.cadre.id = :c"
                        + " AND e.status = :enrolled AND k.startDate > :today AND k.status <> :cancelled", Long.class)
                .setParameter("c", me).setParameter("enrolled", EnrollmentStatus.ENROLLED).setParameter("today", today)
                .setParameter("cancelled", ClassStatus.CANCELLED).getSingleResult();
        long ever = em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.cadre.id = :c AND e.status = :enrolled",
                Long.class).setParameter("c", me).setParameter("enrolled", EnrollmentStatus.ENROLLED).getSingleResult();
        long certificates = em.createQuery("SELECT COUNT(c) FROM Certificate c WHERE c.cadreId = :c"
                + " AND c.status = :valid", Long.class)
                .setParameter("c", me).setParameter("valid", CertificateStatus.VALID).getSingleResult();
        return new HomePage.Cadre(next, cap(running), cap(waiting), upcoming, certificates, ever);
    }

    // ---- the trainer ----------------------------------------------------------------------------------

    private HomePage.Trainer trainer(Caller caller) {
        LocalDateTime now = VietnamTime.now();
        LocalDate today = now.toLocalDate();
        String mine = " AND EXISTS (SELECT t FROM CourseClass k2 JOIN k2.trainers t WHERE k2 = k AND t.accountId = :a)";
        List<Session> sessions = em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.courseClass k"
                        + " JOIN FETCH k.course LEFT JOIN FETCH s.venue LEFT JOIN FETCH k.venue WHERE s.sessionDate = :today"
                        + " AND s.cancelled = FALSE AND k.status <> :draft AND k.status <> :cancelled" + mine
                        + " ORDER BY s.startsAt, s.id", ClassSession.class)
                .setParameter("today", today).setParameter("draft", ClassStatus.DRAFT)
                .setParameter("cancelled", ClassStatus.CANCELLED).setParameter("a", caller.accountId())
                .setMaxResults(2 * MAX_ROWS).getResultList().stream().map(s -> session(s, now)).toList();
        // over, results not closed yet: the oldest first, as the trainer should close them
        List<ClassLine> toClose = em.createQuery("SELECT k FROM CourseClass k JOIN FETCH k.course WHERE k.endDate < :today"
                        + " AND k.resultsClosedAt IS NULL AND k.status <> :draft AND k.status <> :cancelled" + mine
                        + " ORDER BY k.endDate, k.id", CourseClass.class)
                .setParameter("today", today).setParameter("draft", ClassStatus.DRAFT)
                .setParameter("cancelled", ClassStatus.CANCELLED).setParameter("a", caller.accountId())
                .setMaxResults(MAX_ROWS).getResultList().stream().map(k -> line(k, null, 0)).toList();
        // no CASE over bound values: Derby cannot type "CASE WHEN … THEN ? ELSE ? END"
        long upcoming = em.createQuery("SELECT COUNT(k) FROM CourseClass k WHERE k.startDate > :today"
                        + " AND k.status <> :draft AND k.status <> :cancelled" + mine, Long.class)
                .setParameter("today", today).setParameter("draft", ClassStatus.DRAFT)
                .setParameter("cancelled", ClassStatus.CANCELLED).setParameter("a", caller.accountId()).getSingleResult();
        long ever = em.createQuery("SELECT COUNT(k) FROM CourseClass k WHERE k.status <> :cancelled" + mine, Long.class)
                .setParameter("cancelled", ClassStatus.CANCELLED).setParameter("a", caller.accountId()).getSingleResult();
        return new HomePage.Trainer(sessions, toClose, upcoming, ever);
    }

    // ---- the coordinator and the reviewer -----------------------------------------------------------------

    private HomePage.Coordinator coordinator(Caller caller) {
        long requests = em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.status = :s"
                        + " AND e.cadre.unitPath LIKE :scope", Long.class)
                .setParameter("s", EnrollmentStatus.REQUESTED).setParameter("scope", caller.unitPath() + "%")
                .getSingleResult();
        int year = VietnamTime.today().getYear();
        long newlyElected = progress.countUntrained(new ProgressService.Untrained(null, year, Basis.YEAR, null, true));
        ProgressService.Headline h = progress.headline(null, year);
        return new HomePage.Coordinator(caller.unitName(), requests, newlyElected,
                pace(h.unit().getId(), h.unit().getName(), year, h.turns()));
    }

    private HomePage.Reviewer reviewer() {
        int year = VietnamTime.today().getYear();
        ProgressService.Headline h = progress.headline(null, year);
        List<ProgressService.UnitTurns> behind = h.children().stream().filter(r -> r.turns().standing().isLagging())
                .sorted(Comparator.comparingDouble(r -> ratio(r.turns()))).toList();
        return new HomePage.Reviewer(pace(h.unit().getId(), h.unit().getName(), year, h.turns()), behind.size(),
                behind.stream().limit(MAX_ROWS)
                        .map(r -> pace(r.unit().getId(), r.unit().getName(), year, r.turns())).toList());
    }

    /** A figure against its expected pace (the furthest behind first when sorted). */
    private static double ratio(Dashboard.Figure f) {
        return f.expected() <= 0 ? 1 : f.actual() / f.expected();
    }

    private static Pace pace(long unitId, String name, int year, Dashboard.Figure f) {
        return new Pace(unitId, name, year, f.actual(), f.target(), f.expected(), f.standing(), f.getPercent());
    }

    // ---- the administrator -----------------------------------------------------------------------------

    private HomePage.Admin admin() {
        Instant since = Instant.now().minus(NEW_DAYS, ChronoUnit.DAYS);
        long all = 0;
        long disabled = 0;
        for (Object[] r : em.createQuery("SELECT a.enabled, COUNT(a) FROM Account a GROUP BY a.enabled", Object[].class)
                .getResultList()) {
            all += num(r[1]);
            disabled += Boolean.FALSE.equals(r[0]) ? num(r[1]) : 0;
        }
        long notYetUsed = em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.enabled = TRUE"
                + " AND a.lastSignInAt IS NULL AND a.createdAt >= :since", Long.class)
                .setParameter("since", since).getSingleResult();
        return new HomePage.Admin(disabled, notYetUsed, all, NEW_DAYS);
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private static Session session(ClassSession s, LocalDateTime now) {
        CourseClass k = s.getCourseClass();
        var venue = s.getVenue() != null ? s.getVenue() : k.getVenue();
        return new Session(s.getId(), k.getId(), k.getCode(), k.getCourse().getTitleVi(), k.getCourse().getTitleEn(),
                s.getSessionDate(), s.getStartTime(), s.getEndTime(), venue == null ? null : venue.getName(),
                k.isOnline(), !now.isBefore(s.getStartsAt()) && now.isBefore(s.getEndsAt()));
    }

    private static ClassLine line(CourseClass k, EnrollmentStatus status, int position) {
        return new ClassLine(k.getId(), k.getCode(), k.getCourse().getTitleVi(), k.getCourse().getTitleEn(),
                k.getStartDate(), k.getEndDate(), status, position);
    }

    private static <T> List<T> cap(List<T> rows) {
        return rows.size() > MAX_ROWS ? List.copyOf(rows.subList(0, MAX_ROWS)) : rows;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
