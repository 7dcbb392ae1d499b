package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.inbox.view.InboxBadge;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.InContainer;

/** Places in classes inside a real Payara Micro: the race for the last place, the waitlist, refusals, scope. */
@ExtendWith(ArquillianExtension.class)
class EnrollmentIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    EnrollmentService enrollments;

    @Inject
    InboxService inbox;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @Test
    void twoPeopleApprovedForTheLastPlaceAtTheSameMomentOnlyOneGetsIt() throws Exception {
        CourseClass cls = openClass("Phường Hạ Long", 1, LocalDate.now().plusDays(30));
        // read in a transaction: a non-transactional entity manager used before the tasks start is closed by
        // the first task to end and again by this request, which then fails (Payara's NonTxEMCleaner)
        tx.begin();
        List<Cadre> two = cadres("Phường Hạ Long", 2);
        tx.commit();
        List<Long> requests = new ArrayList<>();
        for (Cadre c : two) {
            requests.add(requestAs(c, cls));
        }
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EnrollmentStatus>> results = new ArrayList<>();
        for (Long id : requests) {
            results.add(executor.submit(() -> {
                start.await();
                return enrollments.approve(id).getStatus();
            }));
        }
        start.countDown();
        Set<EnrollmentStatus> outcomes = Set.of(results.get(0).get(), results.get(1).get());
        assertEquals(Set.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED), outcomes, "exactly one winner");
        em.clear();
        assertEquals(1, em.find(CourseClass.class, cls.getId()).getEnrolledCount());
        assertEquals(1L, count("SELECT COUNT(e) FROM Enrollment e WHERE e.courseClass.id = " + cls.getId()
                + " AND e.status = vn.cadretraining.enrollment.entity.EnrollmentStatus.ENROLLED"));
    }

    @Inject
    InboxBadge badge;

    @Test
    void anInboxOfHundredsOfUnreadNoticesShows99PlusAndIsNotCountedToItsEnd() throws Exception {
        tx.begin();
        long reviewer = em.createQuery("SELECT a.id FROM Account a WHERE a.username = 'tinh'", Long.class)
                .getSingleResult();
        for (int i = 0; i < 250; i++) {
            inbox.send(Notification.toAccount(reviewer, NotificationKind.REQUEST_RECEIVED, null,
                    "notify.requestReceived", "Cán bộ " + i, "Lớp thử", "TEST-" + i));
        }
        tx.commit();
        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(InboxService.BADGE_CAP + 1, inbox.unreadCount(), "counted up to one past the cap, no further");
        assertEquals("99+", badge.getLabel(), "the top bar's badge");
        assertTrue(inbox.markAllRead() >= 250);
        assertEquals(0, inbox.unreadCount());
        tx.begin();
        inbox.send(Notification.toAccount(reviewer, NotificationKind.REQUEST_RECEIVED, null,
                "notify.requestReceived", "Cán bộ", "Lớp thử", "TEST-1"));
        tx.commit();
        assertEquals(1, inbox.unreadCount(), "under the cap: the exact number");
        inbox.markAllRead();
    }

    @Test
    void aCadresInboxHoldsWhatWasSentToTheirAccountAndToTheirRecordNewestFirst() throws Exception {
        long account = em.createQuery("SELECT a.id FROM Account a WHERE a.username = 'canbo'", Long.class)
                .getSingleResult();
        long cadre = demoCadre().getId();
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        inbox.markAllRead();
        List<String> sent = new ArrayList<>();
        tx.begin();
        for (int i = 1; i <= 5; i++) {
            String code = "BOTH-" + i;
            // alternately to the account and to the cadre record
            inbox.send(i % 2 == 1
                    ? Notification.toAccount(account, NotificationKind.REQUEST_RECEIVED, null, "notify.requestReceived",
                            "Cán bộ", "Lớp thử", code)
                    : Notification.toCadre(cadre, NotificationKind.REQUEST_RECEIVED, null, "notify.requestReceived",
                            "Cán bộ", "Lớp thử", code));
            sent.add(0, code);
        }
        tx.commit();
        assertEquals(5, inbox.unreadCount(), "both inboxes counted");
        long all = inbox.count();
        List<String> pages = new ArrayList<>();
        for (int first = 0; first < 6; first += 3) {
            for (Notification n : inbox.list(PageRequest.of(first, 3))) {
                pages.add(n.arguments()[2].toString());
            }
        }
        assertEquals(sent, pages.subList(0, 5), "the newest first across both, page after page");
        assertEquals(all, inbox.list(PageRequest.of(0, 500)).size(), "the count and the list agree");
        assertEquals(5, inbox.markAllRead(), "both marked read");
        assertEquals(0, inbox.unreadCount());
    }

    @Test
    void whenSomeoneWithdrawsTheFirstOnTheWaitlistMovesUpAndIsTold() throws Exception {
        CourseClass cls = openClass("Phường Hạ Long", 1, LocalDate.now().plusDays(40));
        List<Cadre> three = cadres("Phường Hạ Long", 3);
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        EnrollmentService.NominationResult result = enrollments.nominate(cls.getId(),
                three.stream().map(Cadre::getId).toList());
        assertEquals(1, result.enrolled());
        assertEquals(2, result.waitlisted());
        List<Enrollment> roster = enrollments.roster(cls.getId());
        Enrollment placed = roster.stream().filter(e -> e.getStatus() == EnrollmentStatus.ENROLLED).findFirst().orElseThrow();
        List<Enrollment> waiting = roster.stream().filter(e -> e.getStatus() == EnrollmentStatus.WAITLISTED)
                .sorted((a, b) -> a.getWaitlistedAt().compareTo(b.getWaitlistedAt()) != 0
                        ? a.getWaitlistedAt().compareTo(b.getWaitlistedAt()) : a.getId().compareTo(b.getId()))
                .toList();
        assertThrows(BusinessException.class, () -> enrollments.withdraw(placed.getId(), " "), "a reason is required");
        enrollments.withdraw(placed.getId(), "Bận công tác đột xuất");
        em.clear();
        assertEquals(EnrollmentStatus.ENROLLED, em.find(Enrollment.class, waiting.get(0).getId()).getStatus(),
                "the first on the waitlist has the place");
        assertEquals(EnrollmentStatus.WAITLISTED, em.find(Enrollment.class, waiting.get(1).getId()).getStatus(),
                "the second still waits");
        assertEquals(1L, count("SELECT COUNT(n) FROM Notification n WHERE n.recipientCadreId = "
                + waiting.get(0).getCadre().getId() + " AND n.kind = vn.cadretraining.inbox.entity.NotificationKind.PROMOTED"));
    }

    @Test
    void aClassWhoseSessionsOverlapAnotherOfTheCadresIsRefusedNamingIt() throws Exception {
        LocalDate day = LocalDate.now().plusDays(50);
        CourseClass first = openClass("Phường Hạ Long", 30, day);
        CourseClass second = openClass("Phường Hạ Long", 30, day);
        session(first, day, LocalTime.of(7, 30), LocalTime.of(11, 0));
        session(second, day, LocalTime.of(10, 0), LocalTime.of(11, 30));
        Cadre me = demoCadre();
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        Enrollment asked = enrollments.request(first.getId());
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        enrollments.approve(asked.getId());
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        BusinessException clash = assertThrows(BusinessException.class, () -> enrollments.request(second.getId()));
        assertEquals("enrollment.error.overlap", clash.getMessageKey());
        assertEquals(first.getCode(), clash.getArguments()[0], "the clash names the other class");
        assertThrows(BusinessException.class, () -> enrollments.request(first.getId()), "one request per class");
        assertTrue(inbox.unreadCount() > 0, "the approval is in the cadre's inbox");
        assertTrue(me.getId() > 0);
    }

    /**
     * A class as offered to the cadre, and their asking for a place from it, each take a fixed, small number of
     * SQL statements (the benchmark's counter, per request over HTTP): one read for the page, one write for the
     * request.
     */
    @Test
    void theOfferPageAndAskingForAPlaceTakeFewStatements() throws Exception {
        LocalDate day = LocalDate.now().plusDays(90);
        CourseClass cls = openClass("Phường Hạ Long", 30, day);
        session(cls, day, LocalTime.of(7, 30), LocalTime.of(11, 0));
        session(cls, day.plusDays(1), LocalTime.of(7, 30), LocalTime.of(11, 0));
        vn.cadretraining.testing.Http http = new vn.cadretraining.testing.Http(InContainer.base());
        assertEquals(302, http.signIn("canbo", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
        String page = "/me/offer.xhtml?id=" + cls.getId();
        assertEquals(200, http.get(page).statusCode(), "the first view fills the caches of reference data");
        http.get("/bench/sql-stats?reset=true");
        vn.cadretraining.testing.ReadCounter.install(em);
        vn.cadretraining.testing.ReadCounter.reset();
        var offer = http.get(page);
        assertEquals(200, offer.statusCode());
        assertTrue(offer.body().contains("offer:ask"), "the cadre may ask for a place");
        long viewed = statementsOf(http, "GET /me/offer.xhtml");
        assertTrue(viewed <= 15, "the offer page took " + viewed + " statements:\n  "
                + String.join("\n  ", vn.cadretraining.testing.ReadCounter.statements()));

        http.get("/bench/sql-stats?reset=true");
        vn.cadretraining.testing.ReadCounter.reset();
        var asked = http.post(page, java.util.Map.of("jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "offer:ask", "jakarta.faces.partial.execute", "@all",
                "jakarta.faces.partial.render", "offer", "offer:ask", "offer:ask", "offer", "offer",
                "jakarta.faces.ViewState", vn.cadretraining.testing.Http.viewState(offer.body()),
                "primefaces.nonce", vn.cadretraining.testing.Http.nonce(offer.body())),
                "Faces-Request", "partial/ajax");
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("offer:myStatus"), "the request is shown: " + asked.body());
        assertEquals(1, count("SELECT COUNT(e) FROM Enrollment e WHERE e.courseClass.id = " + cls.getId()),
                "asked once");
        long request = statementsOf(http, "POST /me/offer.xhtml +ajax");
        System.out.println("The offer page took " + viewed + " statements, asking for a place " + request);
        assertTrue(request <= 15, "asking for a place took " + request + " statements:\n  "
                + String.join("\n  ", vn.cadretraining.testing.ReadCounter.statements()));
    }

    /** The statements counted for requests of this method and path since the counter was reset. */
    private static long statementsOf(vn.cadretraining.testing.Http http, String request) {
        String line = http.get("/bench/sql-stats").body().lines().filter(l -> l.startsWith(request + "\t"))
                .findFirst().orElseThrow(() -> new AssertionError("not counted: " + request));
        return Long.parseLong(line.split("\t")[5]);
    }

    @Test
    void aMissingPrerequisiteIsRefusedNamingItUntilItIsCompleted() throws Exception {
        CourseClass basic = openClass("Phường Hạ Long", 30, LocalDate.now().plusDays(60));
        CourseClass advanced = openClass("Phường Hạ Long", 30, LocalDate.now().plusDays(70));
        tx.begin();
        Course adv = em.find(Course.class, advanced.getCourse().getId());
        adv.require(List.of(em.find(Course.class, basic.getCourse().getId())));
        tx.commit();
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        BusinessException missing = assertThrows(BusinessException.class, () -> enrollments.request(advanced.getId()));
        assertEquals("enrollment.error.prerequisites", missing.getMessageKey());
        assertEquals(basic.getCourse().getTitleVi(), missing.getArguments()[0]);

        Enrollment done = enrollments.request(basic.getId());
        tx.begin();
        em.find(Enrollment.class, done.getId()).conclude(Outcome.COMPLETED);
        tx.commit();
        assertEquals(EnrollmentStatus.REQUESTED, enrollments.request(advanced.getId()).getStatus());
    }

    @Test
    void aCoordinatorCannotNominateOutsideTheirUnitEvenByACraftedRequest() throws Exception {
        CourseClass provinceWide = openClass("Tỉnh Quảng Ninh", 30, LocalDate.now().plusDays(80));
        CourseClass elsewhere = openClass("Phường Bãi Cháy", 30, LocalDate.now().plusDays(80));
        List<Cadre> outside = cadres("Phường Bãi Cháy", 2);
        List<Cadre> inside = cadres("Phường Hạ Long", 1);
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        List<Long> crafted = new ArrayList<>(outside.stream().map(Cadre::getId).toList());
        crafted.add(inside.get(0).getId());
        EnrollmentService.NominationResult result = enrollments.nominate(provinceWide.getId(), crafted);
        assertEquals(1, result.enrolled(), "only the coordinator's own cadre");
        assertEquals(2, result.skipped());
        assertThrows(NotFoundException.class, () -> enrollments.nominate(elsewhere.getId(), List.of(inside.get(0).getId())),
                "a class for another ward is not theirs to fill");
        assertThrows(NotFoundException.class, () -> enrollments.roster(elsewhere.getId()));
        EnrollmentService.NominationPreview preview = enrollments.previewNomination(provinceWide.getId(),
                RosterFilter.ALL, null);
        assertTrue(preview.candidates().stream().allMatch(c -> c.getCadre().getUnitPath().startsWith(
                inside.get(0).getUnitPath().substring(0, inside.get(0).getUnitPath().lastIndexOf('/',
                        inside.get(0).getUnitPath().length() - 2) + 1))), "the preview lists only the coordinator's cadres");
        EnrollmentService.Candidate holder = preview.candidates().stream()
                .filter(c -> !c.titles(Locale.ENGLISH).isEmpty()).findFirst().orElseThrow();
        assertNotEquals(holder.titles(Locale.forLanguageTag("vi")), holder.titles(Locale.ENGLISH),
                "an English page lists the titles in English (it listed them in Vietnamese)");
    }

    // ---- data ----

    private CourseClass openClass(String unitName, int capacity, LocalDate start) throws Exception {
        tx.begin();
        SubjectGroup group = em.createQuery("SELECT g FROM SubjectGroup g WHERE g.code = 'MASS_MOBILIZATION'",
                SubjectGroup.class).getSingleResult();
        String code = "IT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Course course = new Course(code, "Kỹ năng dân vận " + code, "Mass mobilization " + code, group,
                ActivityKind.TRAINING_COURSE, new BigDecimal("16"));
        em.persist(course);
        AdminUnit unit = em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = :n AND u.validTo IS NULL",
                AdminUnit.class).setParameter("n", unitName).getSingleResult();
        CourseClass cls = new CourseClass(code + "-1", course, unit);
        cls.schedule(start, start.plusDays(1), capacity, null, null);
        cls.open();
        em.persist(cls);
        tx.commit();
        return cls;
    }

    private void session(CourseClass cls, LocalDate day, LocalTime from, LocalTime to) throws Exception {
        tx.begin();
        em.persist(new ClassSession(em.find(CourseClass.class, cls.getId()), day, from, to, "Chuyên đề", null, null));
        tx.commit();
    }

    private List<Cadre> cadres(String ward, int n) {
        return em.createQuery("SELECT c FROM Cadre c WHERE c.unit.parent.name = :w AND c.fullName <> :demo"
                        + " ORDER BY c.id DESC", Cadre.class)
                .setParameter("w", ward).setParameter("demo", DemoProvince.DEMO_CADRE_NAME).setMaxResults(n).getResultList();
    }

    private Cadre demoCadre() {
        return em.createQuery("SELECT c FROM Cadre c WHERE c.fullName = :n", Cadre.class)
                .setParameter("n", DemoProvince.DEMO_CADRE_NAME).getSingleResult();
    }

    /** A request as the cadre would make it (the demo has one cadre account; others are written directly). */
    private long requestAs(Cadre cadre, CourseClass cls) throws Exception {
        tx.begin();
        Enrollment e = Enrollment.request(em.find(CourseClass.class, cls.getId()), em.find(Cadre.class, cadre.getId()));
        em.persist(e);
        tx.commit();
        return e.getId();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
