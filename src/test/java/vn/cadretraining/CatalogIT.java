package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SessionPlan;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.service.Clash;
import vn.cadretraining.catalog.service.ClassService;
import vn.cadretraining.catalog.service.CourseService;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.catalog.service.SessionClashException;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.InContainer;
import vn.cadretraining.testing.SessionEventRecorder;

/**
 * Courses, classes and sessions inside a real Payara Micro, each test signed in as the demo account it is about:
 * no trainer or venue booked twice (in SQL, across classes, naming the clash), who may change which class, what
 * a coordinator may read, and what enrollment is told. Each test makes its own trainers, venues and course, so
 * that no test depends on another.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    /** A Monday far enough ahead that the demo never plans anything then. */
    private static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);
    private static final LocalTime AM_START = LocalTime.of(7, 30);
    private static final LocalTime AM_END = LocalTime.of(11, 30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    ClassService classes;

    @Inject
    CourseService courses;

    @Inject
    ReferenceListService references;

    @Inject
    AccountService accounts;

    @Inject
    SessionEventRecorder events;

    @PersistenceContext
    EntityManager em;

    @Test
    void aTrainerBookedInAnotherClassAtThatTimeIsRefusedWithTheClashNamed() {
        Fixture f = new Fixture();
        CourseClass a = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        classes.addSession(a.getId(), session(MONDAY, AM_START, AM_END, f.an, null));
        CourseClass b = f.clazz(f.otherCourse, ward("Phường Hạ Long"), f.point, f.an);

        SessionClashException e = assertThrows(SessionClashException.class,
                () -> classes.addSession(b.getId(), session(MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), f.an, null)));
        assertEquals(1, e.getClashes().size());
        Clash clash = e.getClashes().get(0);
        assertEquals(Clash.Kind.TRAINER, clash.kind());
        assertEquals(a.getCode(), clash.otherClassCode());
        String text = Messages.text(Locale.forLanguageTag("vi"), clash.key(), clash.arguments(Locale.forLanguageTag("vi")));
        assertEquals("Giảng viên " + f.an.getFullName() + " đã có lịch dạy lớp " + a.getCode() + " — "
                + f.course.getTitleVi() + ", ngày 04/03/2030, 07:30–11:30.", text);
        assertTrue(Messages.text(Locale.ENGLISH, clash.key(), clash.arguments(Locale.ENGLISH)).contains(f.course.getTitleEn()));
        assertEquals(0, sessionsOf(b), "nothing written");

        // the same trainer in the same class at the same time is no better
        assertThrows(SessionClashException.class,
                () -> classes.addSession(a.getId(), session(MONDAY, LocalTime.of(11, 0), LocalTime.of(12, 0), f.an, null)));
    }

    @Test
    void aVenueBookedByAnotherClassIsRefusedWhetherItIsTheClassHallASessionsOwnOrAConnectionPoint() {
        Fixture f = new Fixture();
        CourseClass inHall = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        classes.addSession(inHall.getId(), session(MONDAY, AM_START, AM_END, f.an, null));

        CourseClass online = f.online(f.otherCourse, province(), List.of(f.point, f.hall), f.binh);
        SessionClashException byPoint = assertThrows(SessionClashException.class,
                () -> classes.addSession(online.getId(), session(MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0), f.binh, null)));
        assertEquals(List.of(Clash.Kind.VENUE), byPoint.getClashes().stream().map(Clash::kind).toList());
        assertEquals(f.hall.getName(), byPoint.getClashes().get(0).resource(), "the hall is named, not the free point");
        assertEquals(inHall.getCode(), byPoint.getClashes().get(0).otherClassCode());

        CourseClass elsewhere = f.clazz(f.otherCourse, ward("Phường Bãi Cháy"), f.point, f.binh);
        SessionClashException byOwnVenue = assertThrows(SessionClashException.class,
                () -> classes.addSession(elsewhere.getId(), session(MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0),
                        f.binh, f.hall)));
        assertEquals(f.hall.getName(), byOwnVenue.getClashes().get(0).resource());

        // and the other way round: the online class's session holds its points against a class in the hall
        classes.addSession(online.getId(), session(MONDAY, LocalTime.of(13, 30), LocalTime.of(17, 0), f.binh, null));
        SessionClashException againstPoint = assertThrows(SessionClashException.class,
                () -> classes.addSession(inHall.getId(), session(MONDAY, LocalTime.of(14, 0), LocalTime.of(15, 0), null, null)));
        assertEquals(online.getCode(), againstPoint.getClashes().get(0).otherClassCode());
    }

    @Test
    void touchingEndToStartIsNoClashAndCancelledSessionsOrClassesHoldNothing() {
        Fixture f = new Fixture();
        CourseClass a = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        ClassSession morning = classes.addSession(a.getId(), session(MONDAY, AM_START, AM_END, f.an, null));
        CourseClass b = f.clazz(f.otherCourse, ward("Phường Hạ Long"), f.hall, f.an);

        classes.addSession(b.getId(), session(MONDAY, AM_END, LocalTime.of(13, 0), f.an, null));
        classes.addSession(b.getId(), session(MONDAY, LocalTime.of(6, 0), AM_START, f.an, null));

        classes.cancelSession(morning.getId(), morning.getVersion(), "Bão số 3");
        classes.addSession(b.getId(), session(MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0), f.an, null));

        ClassSession afternoon = classes.addSession(a.getId(),
                session(MONDAY.plusDays(1), LocalTime.of(13, 30), LocalTime.of(17, 0), f.an, null));
        CourseClass cancelled = classes.cancel(a.getId(), classes.get(a.getId()).getVersion());
        classes.addSession(b.getId(), session(MONDAY.plusDays(1), LocalTime.of(13, 30), LocalTime.of(17, 0), f.an, null));
        assertEquals(4, sessionsOf(b));
        assertThrows(BusinessException.class, () -> classes.updateSession(afternoon.getId(), afternoon.getVersion(),
                session(MONDAY.plusDays(1), LocalTime.of(8, 0), LocalTime.of(9, 0), f.an, null)),
                "a cancelled class " + cancelled.getCode() + " changes no more");
    }

    @Test
    void theGeneratorWritesNothingWhenAnyPlannedSessionWouldClash() {
        Fixture f = new Fixture();
        CourseClass busy = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        classes.addSession(busy.getId(), session(MONDAY.plusDays(1), LocalTime.of(14, 0), LocalTime.of(15, 0), f.an, null));
        CourseClass planned = f.clazz(f.otherCourse, ward("Phường Hà Tu"), f.point, f.an, f.binh);

        SessionClashException e = assertThrows(SessionClashException.class, () -> classes.generate(planned.getId(),
                SessionPlan.usual(MONDAY, MONDAY.plusDays(2)), null, f.an.getId(), null));
        assertEquals(1, e.getClashes().size(), "only Tuesday afternoon clashes");
        assertEquals(MONDAY.plusDays(1), e.getClashes().get(0).date());
        assertEquals(0, sessionsOf(planned), "not one of the six sessions was written");

        List<ClassSession> six = classes.generate(planned.getId(), SessionPlan.usual(MONDAY, MONDAY.plusDays(2)),
                "Chuyên đề", f.binh.getId(), null);
        assertEquals(6, six.size());
        assertEquals(6, sessionsOf(planned));
    }

    @Test
    void aTrainerCreatesClassesRunsThemAndIsRefusedOnOthers() {
        Fixture f = new Fixture();
        Trainer me = giangvienTrainer();
        CourseClass notMine = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);

        InContainer.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        CourseClass mine = classes.create(details(null, f.otherCourse, ward("Phường Hạ Long"), f.point, List.of()));
        assertTrue(mine.getTrainers().contains(me), "the trainer who creates a class runs it");
        assertTrue(mine.getCode().startsWith(f.otherCourse.getCode() + "-2030-"), mine.getCode());
        classes.update(mine.getId(), mine.getVersion(), details(null, f.otherCourse, ward("Phường Hạ Long"), f.point,
                List.of(me.getId(), f.binh.getId())));
        classes.addSession(mine.getId(), session(MONDAY, AM_START, AM_END, me, null));
        assertTrue(classes.list(new ClassService.Filter(null, null, null, null, null, true), PageRequest.of(0, 100))
                .stream().anyMatch(c -> c.getId().equals(mine.getId())), "in \"my classes\"");
        assertTrue(classes.list(new ClassService.Filter(null, null, null, null, null, true), PageRequest.of(0, 100))
                .stream().noneMatch(c -> c.getId().equals(notMine.getId())));

        CourseClass seen = classes.get(notMine.getId());
        BusinessException refused = assertThrows(BusinessException.class, () -> classes.update(seen.getId(),
                seen.getVersion(), details(null, f.course, ward("Phường Hạ Long"), f.hall, List.of(me.getId()))));
        assertEquals("class.error.notYours", refused.getMessageKey());
        assertThrows(BusinessException.class, () -> classes.addSession(seen.getId(),
                session(MONDAY.plusDays(2), AM_START, AM_END, null, null)));
        assertThrows(BusinessException.class, () -> classes.cancel(seen.getId(), seen.getVersion()));
        BusinessException leaving = assertThrows(BusinessException.class, () -> classes.update(mine.getId(),
                classes.get(mine.getId()).getVersion(), details(null, f.otherCourse, ward("Phường Hạ Long"), f.point,
                        List.of(f.binh.getId()))));
        assertEquals("class.error.keepYourself", leaving.getMessageKey());

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertEquals(mine.getId(), classes.get(mine.getId()).getId(), "a province reviewer reads any class");
        assertThrows(EJBAccessException.class, () -> classes.cancel(mine.getId(), 0), "but changes none");
    }

    @Test
    void aTrainerWithoutATrainerRecordIsToldToAskAnAdministrator() {
        Fixture f = new Fixture();
        AccountService.Issued issued = accounts.create("gv" + f.suffix, "Giảng viên mới " + f.suffix, Role.TRAINER, null);
        InContainer.signIn(issued.account().getUsername(), issued.temporaryPassword());
        BusinessException e = assertThrows(BusinessException.class,
                () -> classes.create(details(null, f.course, ward("Phường Hạ Long"), f.hall, List.of())));
        assertEquals("class.error.noTrainerRecord", e.getMessageKey());
    }

    @Test
    void aCoordinatorReadsTheClassesOfTheirAreaAndFindsNoOther() {
        Fixture f = new Fixture();
        CourseClass here = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        CourseClass above = f.clazz(f.course, province(), f.point, f.binh);
        CourseClass there = f.clazz(f.course, ward("Phường Bãi Cháy"), null, f.an);

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertEquals(here.getId(), classes.get(here.getId()).getId());
        assertEquals(above.getId(), classes.get(above.getId()).getId(), "a province class is for their cadres too");
        assertThrows(NotFoundException.class, () -> classes.get(there.getId()), "another ward's class is not found");
        assertThrows(NotFoundException.class, () -> classes.sessions(there.getId()));
        ClassService.Filter byCourse = new ClassService.Filter(f.course.getCode(), null, null, null, null, false);
        assertEquals(2, classes.count(byCourse));
        assertEquals(List.of(here.getId(), above.getId()).stream().sorted().toList(), classes.list(byCourse,
                PageRequest.of(0, 10)).stream().map(CourseClass::getId).sorted().toList());
        assertThrows(EJBAccessException.class, () -> classes.addSession(here.getId(),
                session(MONDAY, AM_START, AM_END, null, null)), "reading only");
    }

    @Test
    void changingOrCancellingASessionOrTheClassIsToldToEnrollment() {
        Fixture f = new Fixture();
        CourseClass c = f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an, f.binh);
        ClassSession s = classes.addSession(c.getId(), session(MONDAY, AM_START, AM_END, f.an, null));
        ClassSession other = classes.addSession(c.getId(), session(MONDAY, LocalTime.of(13, 30), LocalTime.of(17, 0), f.an, null));
        assertEquals(List.of(), events.about(c.getId()), "adding sessions to a draft tells no one");

        ClassSession same = classes.updateSession(s.getId(), s.getVersion(), session(MONDAY, AM_START, AM_END, f.an, null));
        assertEquals(List.of(), events.about(c.getId()), "saving without a change tells no one");
        classes.updateSession(s.getId(), same.getVersion(), new ClassService.SessionDetails(MONDAY, LocalTime.of(8, 0),
                AM_END, "Kỹ năng vận động quần chúng", f.binh.getId(), null));
        classes.cancelSession(other.getId(), other.getVersion(), "  Giảng viên ốm  ");
        classes.cancel(c.getId(), classes.get(c.getId()).getVersion());

        assertEquals(List.of(new SessionEvents.Changed(s.getId(), c.getId(), "time,topic,trainer"),
                new SessionEvents.Cancelled(other.getId(), c.getId(), "Giảng viên ốm"),
                new SessionEvents.ClassCancelled(c.getId())), events.about(c.getId()));
    }

    @Test
    void coursesAreFoundWithoutDiacriticsAndKeepTheirCompletionRule() {
        Fixture f = new Fixture();
        CourseService.Filter folded = new CourseService.Filter("ky nang " + f.suffix, null, null, Boolean.TRUE);
        assertEquals(List.of(f.course.getId()), courses.list(folded, PageRequest.of(0, 10)).stream().map(Course::getId).toList());
        Course read = courses.get(f.course.getId());
        assertEquals(80, read.getRule().getMinAttendancePct());
        assertEquals(0, new BigDecimal("5.00").compareTo(read.getRule().getPassMark()));
        assertEquals(Integer.valueOf(3), read.getRule().getCertificateYears());
        BusinessException taken = assertThrows(BusinessException.class, () -> courses.create(courseDetails(
                f.course.getCode().toLowerCase(Locale.ROOT), "Trùng mã")));
        assertEquals("course.error.codeTaken", taken.getMessageKey());
    }

    @Test
    void aTrainerChangesOnlyACourseWhoseClassesAreAllTheirs() {
        Fixture f = new Fixture();
        Trainer me = giangvienTrainer();
        f.clazz(f.course, ward("Phường Hạ Long"), f.hall, f.an);
        f.clazz(f.otherCourse, ward("Phường Hạ Long"), f.point, me);

        InContainer.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        Course others = courses.get(f.course.getId());
        assertFalse(courses.mayChange(others), "the page offers no change");
        BusinessException refused = assertThrows(BusinessException.class, () -> courses.update(others.getId(),
                others.getVersion(), courseDetails(null, "Đổi tên " + f.suffix)));
        assertEquals("course.error.othersClasses", refused.getMessageKey());
        assertEquals("Khoá học này có lớp do giảng viên khác phụ trách: chỉ quản trị viên mới được sửa. Chưa có gì"
                + " thay đổi.", Messages.text(Locale.forLanguageTag("vi"), refused.getMessageKey()));
        Course after = courses.get(f.course.getId());
        assertEquals(f.course.getTitleVi(), after.getTitleVi(), "nothing changed");
        assertEquals(others.getVersion(), after.getVersion());

        // a course whose every class is theirs, and one with no class yet, they may change
        Course mine = courses.get(f.otherCourse.getId());
        assertTrue(courses.mayChange(mine));
        assertEquals("Đổi tên " + f.suffix, courses.update(mine.getId(), mine.getVersion(),
                courseDetails(null, "Đổi tên " + f.suffix)).getTitleVi());
        Course fresh = courses.create(courseDetails("IT-C" + f.suffix, "Khoá mới " + f.suffix));
        assertTrue(courses.mayChange(fresh));

        // an administrator changes any course
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertTrue(courses.mayChange(others));
        courses.update(others.getId(), others.getVersion(), courseDetails(null, "Sửa bởi quản trị " + f.suffix));
    }

    // ---- fixtures -----------------------------------------------------------------------------------

    /** Two trainers, a hall, a connection point and two courses of its own, made by the administrator. */
    private final class Fixture {
        final String suffix = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
        final Trainer an;
        final Trainer binh;
        final Venue hall;
        final Venue point;
        final Course course;
        final Course otherCourse;

        Fixture() {
            InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
            an = references.saveTrainer(null, 0, new ReferenceListService.TrainerDetails("Nguyễn Văn An " + suffix,
                    null, null, null, null, null, true));
            binh = references.saveTrainer(null, 0, new ReferenceListService.TrainerDetails("Trần Thị Bình " + suffix,
                    null, null, null, null, null, true));
            hall = references.saveVenue(null, 0, "Hội trường " + suffix, null, null, 200, true);
            point = references.saveVenue(null, 0, "Điểm cầu " + suffix, null, null, null, true);
            course = courses.create(courseDetails("IT-A" + suffix, "Kỹ năng dân vận " + suffix));
            otherCourse = courses.create(courseDetails("IT-B" + suffix, "Công tác Mặt trận " + suffix));
        }

        /** A class of Monday to Friday at a hall, by the administrator. */
        CourseClass clazz(Course c, AdminUnit unit, Venue venue, Trainer... trainers) {
            return classes.create(details(null, c, unit, venue, List.of(trainers).stream().map(Trainer::getId).toList()));
        }

        CourseClass online(Course c, AdminUnit unit, List<Venue> points, Trainer... trainers) {
            return classes.create(new ClassService.Details(null, c.getId(), unit.getId(), null,
                    List.of(trainers).stream().map(Trainer::getId).toList(), MONDAY, MONDAY.plusDays(4), 50, null, null,
                    true, null, points.stream().map(Venue::getId).toList(), null));
        }
    }

    private CourseService.Details courseDetails(String code, String title) {
        long group = em.createQuery("SELECT g.id FROM SubjectGroup g WHERE g.code = 'MASS_MOBILIZATION'", Long.class)
                .getSingleResult();
        return new CourseService.Details(code, title, title + " (EN)", null, null, group, ActivityKind.TRAINING_COURSE,
                new BigDecimal("16"), List.of(), List.of(), new CompletionRule(80, true, new BigDecimal("5"), true, 3), true);
    }

    private static ClassService.Details details(String code, Course c, AdminUnit unit, Venue venue, List<Long> trainerIds) {
        return new ClassService.Details(code, c.getId(), unit.getId(), null, trainerIds, MONDAY, MONDAY.plusDays(4), 30,
                null, null, false, venue == null ? null : venue.getId(), List.of(), null);
    }

    private static ClassService.SessionDetails session(LocalDate day, LocalTime start, LocalTime end, Trainer trainer,
            Venue venue) {
        return new ClassService.SessionDetails(day, start, end, null, trainer == null ? null : trainer.getId(),
                venue == null ? null : venue.getId());
    }

    /** The demo's trainer account, linked to a trainer record (made once: an account has one trainer at most). */
    private Trainer giangvienTrainer() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        long account = em.createQuery("SELECT a.id FROM Account a WHERE a.username = 'giangvien'", Long.class)
                .getSingleResult();
        return references.trainerOfAccount(account).orElseGet(() -> references.saveTrainer(null, 0,
                new ReferenceListService.TrainerDetails("Lê Minh Tuấn", "Trường Chính trị tỉnh", null, null, null,
                        "giangvien", true)));
    }

    private long sessionsOf(CourseClass c) {
        return em.createQuery("SELECT COUNT(s) FROM ClassSession s WHERE s.courseClass.id = :c", Long.class)
                .setParameter("c", c.getId()).getSingleResult();
    }

    private AdminUnit ward(String name) {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = :n AND u.validTo IS NULL", AdminUnit.class)
                .setParameter("n", name).getSingleResult();
    }

    private AdminUnit province() {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent IS NULL AND u.validTo IS NULL", AdminUnit.class)
                .getSingleResult();
    }
}
