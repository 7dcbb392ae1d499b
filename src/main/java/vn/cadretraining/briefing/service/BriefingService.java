package vn.cadretraining.briefing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.briefing.entity.Briefing;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.service.EnrollmentRules;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * A briefing conference's page, its facts, its invitations and the invited share that attended.
 *
 * <p>Invitations go to every current holder of the briefing course's titles (Party cell secretary, hamlet head,
 * Front work committee head) in the organising unit's hamlets, through the nomination path: the same screening
 * ({@link EnrollmentRules#screen}) and the same enrollment ({@link Enrollment#nominate}). A briefing is not
 * waitlisted by capacity: everyone who holds the titles is invited, so the class's places grow to the invitations.
 * Running it again invites only holders not yet invited (a new hamlet head, say).
 *
 * <p>Scope: the coordinator of the organising commune, or the province's users for a province-level briefing,
 * act on it (and administrators); everyone who sees the class may read it. Anything else is "not found".
 */
@Stateless
public class BriefingService {

    /** Statuses that are not (or no longer) an invitation: the invited are the class's other enrollments. */
    static final List<EnrollmentStatus> NOT_INVITED = List.of(EnrollmentStatus.WITHDRAWN, EnrollmentStatus.DECLINED);

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    EnrollmentRules rules;

    @Inject
    InboxService inbox;

    @Inject
    AuditTrail audit;

    /** Who is invited changed: the briefing's figures count it. */
    @Inject
    Event<SessionEvents.ClassChanged> invitations;

    // ---- the page -----------------------------------------------------------------------------------

    /** Everything the briefing's page shows, read once. */
    public record Page(CourseClass cls, Briefing facts, List<ClassSession> sessions, Share share, boolean mayAct,
            boolean mayReadMinutes) implements Serializable {
        public CourseClass getCls() {
            return cls;
        }

        public Briefing getFacts() {
            return facts;
        }

        public List<ClassSession> getSessions() {
            return sessions;
        }

        public Share getShare() {
            return share;
        }

        public boolean isMayAct() {
            return mayAct;
        }

        /**
         * The minutes name the petitions raised and answered, of every commune a province-level briefing invites:
         * they are for those who keep the briefing and for the province, not for a commune that only reads it.
         */
        public boolean isMayReadMinutes() {
            return mayReadMinutes;
        }
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Page page(long classId) {
        CourseClass cls = visible(classId);
        List<ClassSession> sessions = em.createQuery("SELECT s FROM ClassSession s LEFT JOIN FETCH s.venue"
                + " WHERE s.courseClass = :k ORDER BY s.startsAt", ClassSession.class).setParameter("k", cls)
                .getResultList();
        boolean mayAct = mayAct(cls);
        return new Page(cls, facts(cls).orElse(null), sessions, share(cls), mayAct,
                mayAct || currentUser.get().seesEverything());
    }

    /** Records the chair, the secretary and (for a thematic briefing) the theme. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Briefing describe(long classId, String chair, String chairPosition, String secretary, String theme) {
        CourseClass cls = actable(classId);
        Briefing b = facts(cls).orElseGet(() -> {
            Briefing n = new Briefing(cls);
            em.persist(n);
            return n;
        });
        String before = b.getChairName() == null ? null : line(b);
        b.describe(chair, chairPosition, secretary, theme);
        audit.briefingDescribed(cls, before, line(b));
        return b;
    }

    /** The facts as the audit trail keeps them. */
    private static String line(Briefing b) {
        return b.getChairName() + " (" + b.getChairPosition() + ") · " + b.getSecretaryName()
                + (b.getTheme() == null ? "" : " · " + b.getTheme());
    }

    Optional<Briefing> facts(CourseClass cls) {
        return em.createQuery("SELECT b FROM Briefing b WHERE b.courseClass = :k", Briefing.class)
                .setParameter("k", cls).getResultStream().findFirst();
    }

    // ---- invitations --------------------------------------------------------------------------------

    /** How many hold one title among those to invite (a cadre holding two titles counts under each). */
    public record TitleCount(PositionTitle title, int count) implements Serializable {
        public PositionTitle getTitle() {
            return title;
        }

        public int getCount() {
            return count;
        }
    }

    /** One holder found: their titles, hamlet, and why they will not be invited (null: they will). */
    public record Invitee(long cadreId, String name, String hamlet, List<String> titleCodes, String problemKey)
            implements Serializable {
        public String getName() {
            return name;
        }

        public String getHamlet() {
            return hamlet;
        }

        public String getProblemKey() {
            return problemKey;
        }

        public boolean isInvitable() {
            return problemKey == null;
        }
    }

    /** The invitations before they are sent: by title, and who. */
    public record Preview(List<TitleCount> byTitle, List<Invitee> invitees, int toInvite, int already, int cannot)
            implements Serializable {
        public List<TitleCount> getByTitle() {
            return byTitle;
        }

        public List<Invitee> getInvitees() {
            return invitees;
        }

        public int getToInvite() {
            return toInvite;
        }

        public int getAlready() {
            return already;
        }

        public int getCannot() {
            return cannot;
        }
    }

    /** Every current holder of the course's titles under the organising unit, screened: nothing is written. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Preview previewInvitations(long classId) {
        return preview(actable(classId));
    }

    /** What the invitations did. */
    public record Result(int invited, int already, int skipped) implements Serializable {
        public int getInvited() {
            return invited;
        }
    }

    /**
     * Invites, in one transaction, the holders the preview finds invitable now; the class's places grow to take
     * them all. Refused (nothing written) when the course names no titles, nobody holds them, or the briefing is over.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Result invite(long classId) {
        CourseClass cls = actable(classId);
        if (cls.isClosed()) {
            throw new BusinessException("briefing.error.closed");
        }
        em.refresh(cls, LockModeType.PESSIMISTIC_WRITE);
        Preview p = preview(cls);
        if (p.toInvite() == 0) {
            throw new BusinessException(p.already() > 0 ? "briefing.error.allInvited" : "briefing.error.noHolders");
        }
        if (cls.getFreePlaces() < p.toInvite()) {
            cls.schedule(cls.getStartDate(), cls.getEndDate(), cls.getEnrolledCount() + p.toInvite(),
                    cls.getEnrollFrom(), cls.getEnrollUntil());
        }
        String by = currentUser.get().username();
        String date = VietnamTime.DATE.format(cls.getStartDate());
        int invited = 0;
        Map<Enrollment, Venue> points = new LinkedHashMap<>();
        for (Invitee i : p.invitees()) {
            if (!i.isInvitable()) {
                continue;
            }
            Cadre cadre = em.find(Cadre.class, i.cadreId());
            Enrollment e = Enrollment.nominate(cls, cadre, by);
            em.persist(e);
            invited++;
            if (cls.isOnline()) {
                points.put(e, pointFor(cls, cadre));
            }
            inbox.send(Notification.toCadre(i.cadreId(), NotificationKind.NOMINATED, cls.getId(),
                    "notify.briefingInvited", cls.getCourse().getTitleVi(), cls.getCode(), date));
        }
        if (!points.isEmpty()) {
            em.flush();
            for (Map.Entry<Enrollment, Venue> a : points.entrySet()) {
                em.createNativeQuery("INSERT INTO briefing_invitation (enrollment_id, venue_id) VALUES (?, ?)")
                        .setParameter(1, a.getKey().getId()).setParameter(2, a.getValue().getId()).executeUpdate();
            }
        }
        invitations.fire(new SessionEvents.ClassChanged(cls.getId()));
        audit.briefingInvited(cls, invited, p.already());
        return new Result(invited, p.already(), p.cannot());
    }

    /**
     * The connection point an invitee attends at: the one in their own area (the point whose unit is nearest above
     * their hamlet), else the first by name, which is usually the commune's hall.
     */
    static Venue pointFor(CourseClass cls, Cadre cadre) {
        return cls.getConnectionPoints().stream()
                .filter(v -> v.getUnit() != null && cadre.getUnitPath().startsWith(v.getUnit().getPath()))
                .max(Comparator.comparingInt(v -> v.getUnit().getPath().length()))
                .orElseGet(() -> cls.getConnectionPoints().stream()
                        .min(Comparator.comparing(Venue::getName)).orElseThrow());
    }

    private Preview preview(CourseClass cls) {
        if (cls.getCourse().getTitles().isEmpty()) {
            throw new BusinessException("briefing.error.noTitles");
        }
        // current holders in the organising unit's hamlets (a position is held in a hamlet, the cadre belongs to it)
        List<Object[]> held = em.createQuery("SELECT p.cadre.id, p.title.code, p.title.id FROM Position p"
                        + " WHERE p.endDate IS NULL AND p.title IN :titles AND p.unit.path LIKE :path"
                        + " AND p.cadre.unitPath LIKE :path", Object[].class)
                .setParameter("titles", cls.getCourse().getTitles()).setParameter("path", cls.getUnitPath() + "%")
                .getResultList();
        Map<Long, List<String>> titlesOf = new LinkedHashMap<>();
        for (Object[] r : held) {
            titlesOf.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        List<Cadre> cadres = titlesOf.isEmpty() ? List.of() : em.createQuery("SELECT c FROM Cadre c JOIN FETCH c.unit"
                + " WHERE EXISTS (SELECT p FROM Position p WHERE p.cadre = c AND p.endDate IS NULL AND p.title IN :titles"
                + " AND p.unit.path LIKE :path) AND c.unitPath LIKE :path ORDER BY c.nameSort", Cadre.class)
                .setParameter("titles", cls.getCourse().getTitles()).setParameter("path", cls.getUnitPath() + "%")
                .getResultList();
        Map<Long, String> problems = cadres.isEmpty() ? Map.of() : rules.screen(cls, cadres);
        List<Invitee> invitees = new ArrayList<>();
        int already = 0;
        int cannot = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Cadre c : cadres) {
            String problem = problems.get(c.getId());
            List<String> codes = titlesOf.getOrDefault(c.getId(), List.of());
            invitees.add(new Invitee(c.getId(), c.getFullName(), c.getUnit().getName(), codes, problem));
            if (problem == null) {
                codes.forEach(code -> counts.merge(code, 1, Integer::sum));
            } else if ("enrollment.error.already".equals(problem)) {
                already++;
            } else {
                cannot++;
            }
        }
        List<TitleCount> byTitle = cls.getCourse().getTitles().stream()
                .sorted(Comparator.comparingInt(PositionTitle::getSortOrder).thenComparing(PositionTitle::getCode))
                .map(t -> new TitleCount(t, counts.getOrDefault(t.getCode(), 0))).toList();
        return new Preview(byTitle, invitees, invitees.size() - already - cannot, already, cannot);
    }

    // ---- the invited share that attended ------------------------------------------------------------

    /** Invited and attended, for one title (null: all titles together, each person once). */
    public record Count(PositionTitle title, long invited, long attended) implements Serializable {
        public PositionTitle getTitle() {
            return title;
        }

        public long getInvited() {
            return invited;
        }

        public long getAttended() {
            return attended;
        }

        /** The share (%) of the invited that attended; null without invitations. */
        public Double getPercent() {
            return invited == 0 ? null : 100.0 * attended / invited;
        }
    }

    /** Invited and attended at one connection point of an online briefing. */
    public record PointCount(String point, long invited, long attended) implements Serializable {
        public String getPoint() {
            return point;
        }

        public long getInvited() {
            return invited;
        }

        public long getAttended() {
            return attended;
        }

        public Double getPercent() {
            return invited == 0 ? null : 100.0 * attended / invited;
        }
    }

    /**
     * The whole briefing's figure, one per title of the course (by the positions held on its day), and for an
     * online briefing one per connection point (empty otherwise).
     */
    public record Share(Count total, List<Count> byTitle, List<PointCount> byPoint) implements Serializable {
        public Count getTotal() {
            return total;
        }

        public List<Count> getByTitle() {
            return byTitle;
        }

        public List<PointCount> getByPoint() {
            return byPoint;
        }
    }

    /** Enrollments of the class (ids) present or late at one of its sessions held: the attended. */
    static final String ATTENDED = "(SELECT DISTINCT m.enrollment_id FROM attendance_mark m JOIN class_session s"
            + " ON s.id = m.session_id WHERE s.class_id = ? AND s.cancelled = FALSE"
            + " AND (m.status = 'PRESENT' OR m.status = 'LATE'))";

    Share share(CourseClass cls) {
        Object[] t = (Object[]) em.createNativeQuery("SELECT COUNT(*), COUNT(a.enrollment_id) FROM enrollment e"
                        + " LEFT JOIN " + ATTENDED + " a ON a.enrollment_id = e.id"
                        + " WHERE e.class_id = ? AND e.status <> ? AND e.status <> ?")
                .setParameter(1, cls.getId()).setParameter(2, cls.getId())
                .setParameter(3, NOT_INVITED.get(0).name()).setParameter(4, NOT_INVITED.get(1).name())
                .getSingleResult();
        Date day = Date.valueOf(cls.getStartDate());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.title_id, COUNT(*), COUNT(a.enrollment_id)"
                        + " FROM enrollment e JOIN position p ON p.cadre_id = e.cadre_id"
                        + " JOIN course_title ct ON ct.title_id = p.title_id AND ct.course_id = ?"
                        + " LEFT JOIN " + ATTENDED + " a ON a.enrollment_id = e.id"
                        + " WHERE e.class_id = ? AND e.status <> ? AND e.status <> ? AND p.start_date <= ?"
                        + " AND (p.end_date IS NULL OR p.end_date >= ?) GROUP BY p.title_id")
                .setParameter(1, cls.getCourse().getId()).setParameter(2, cls.getId()).setParameter(3, cls.getId())
                .setParameter(4, NOT_INVITED.get(0).name()).setParameter(5, NOT_INVITED.get(1).name())
                .setParameter(6, day).setParameter(7, day).getResultList();
        Map<Long, long[]> byId = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byId.put(((Number) r[0]).longValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        List<Count> byTitle = cls.getCourse().getTitles().stream()
                .sorted(Comparator.comparingInt(PositionTitle::getSortOrder).thenComparing(PositionTitle::getCode))
                .map(title -> {
                    long[] v = byId.getOrDefault(title.getId(), new long[2]);
                    return new Count(title, v[0], v[1]);
                }).toList();
        List<PointCount> byPoint = new ArrayList<>();
        if (cls.isOnline()) {
            @SuppressWarnings("unchecked")
            // this briefing's invitations only (a hall is a point of many briefings), each point apart even where
            // two share a name
            List<Object[]> points = em.createNativeQuery("SELECT v.id, v.name, COUNT(e.id), COUNT(a.enrollment_id)"
                            + " FROM class_connection_point cp JOIN venue v ON v.id = cp.venue_id"
                            + " LEFT JOIN (SELECT bi.venue_id, x.id FROM briefing_invitation bi JOIN enrollment x"
                            + " ON x.id = bi.enrollment_id WHERE x.class_id = ? AND x.status <> ? AND x.status <> ?) e"
                            + " ON e.venue_id = v.id LEFT JOIN " + ATTENDED + " a ON a.enrollment_id = e.id"
                            + " WHERE cp.class_id = ? GROUP BY v.id, v.name ORDER BY v.name, v.id")
                    .setParameter(1, cls.getId()).setParameter(2, NOT_INVITED.get(0).name())
                    .setParameter(3, NOT_INVITED.get(1).name()).setParameter(4, cls.getId())
                    .setParameter(5, cls.getId()).getResultList();
            for (Object[] r : points) {
                byPoint.add(new PointCount((String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
            }
        }
        return new Share(new Count(null, ((Number) t[0]).longValue(), ((Number) t[1]).longValue()), byTitle, byPoint);
    }

    // ---- scope --------------------------------------------------------------------------------------

    /** A briefing the caller may read: everyone at the province; a coordinator whose area meets it. */
    CourseClass visible(long classId) {
        CourseClass cls = em.find(CourseClass.class, classId);
        Caller caller = currentUser.get();
        if (cls == null || !Briefing.isBriefing(cls) || !(caller.seesEverything()
                || caller.role() == Role.COORDINATOR && CourseClass.isInAreaOf(cls.getUnitPath(), caller.unitPath()))) {
            throw new NotFoundException("briefing");
        }
        return cls;
    }

    /** A briefing the caller may act on; one they may only read is refused as not found all the same. */
    private CourseClass actable(long classId) {
        CourseClass cls = visible(classId);
        if (!mayAct(cls)) {
            throw new NotFoundException("briefing");
        }
        return cls;
    }

    /** The organising commune's coordinator, the province for its own briefings, administrators. */
    boolean mayAct(CourseClass cls) {
        Caller caller = currentUser.get();
        return switch (caller.role()) {
            case ADMIN -> true;
            case PROVINCE -> cls.getUnit().getKind() == UnitKind.PROVINCE;
            case COORDINATOR -> cls.getUnitPath().equals(caller.unitPath());
            default -> false;
        };
    }

    /** Title names in the page's language, for the preview's "who". */
    public static String titleNames(List<String> codes, List<TitleCount> titles, Locale locale) {
        List<String> names = new ArrayList<>();
        for (TitleCount t : titles) {
            if (codes.contains(t.title().getCode())) {
                names.add(t.title().name(locale));
            }
        }
        return String.join(", ", names);
    }
}
