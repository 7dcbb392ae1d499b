package vn.cadretraining.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassCodes;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SessionPlan;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.TimeSlot;
import vn.cadretraining.catalog.entity.WorkingDays;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.shared.service.BusinessException;

/** The catalog's rules that need no database: working days, the session generator, overlaps, codes. */
class CatalogRulesTest {

    /** Monday 1 December 2025. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 12, 1);

    @Test
    void aBatchOfFiveWorkingDaysIsFineASixthIsWarnedAndWeekendsDoNotCount() {
        assertEquals(DayOfWeek.MONDAY, MONDAY.getDayOfWeek());
        assertEquals(5, WorkingDays.between(MONDAY, MONDAY.plusDays(4)));
        assertFalse(WorkingDays.exceedBatch(MONDAY, MONDAY.plusDays(4)), "Monday to Friday is one batch");
        assertEquals(5, WorkingDays.between(MONDAY, MONDAY.plusDays(6)), "the weekend adds nothing");
        assertFalse(WorkingDays.exceedBatch(MONDAY, MONDAY.plusDays(6)));
        assertEquals(6, WorkingDays.between(MONDAY, MONDAY.plusDays(7)));
        assertTrue(WorkingDays.exceedBatch(MONDAY, MONDAY.plusDays(7)), "the next Monday is a sixth working day");
        assertEquals(0, WorkingDays.between(MONDAY.plusDays(5), MONDAY.plusDays(6)), "a weekend alone");
        assertEquals(0, WorkingDays.between(MONDAY, null));
        assertEquals(0, WorkingDays.between(MONDAY, MONDAY.minusDays(1)));
    }

    @Test
    void theUsualPlanGivesAMorningAndAnAfternoonForEachWorkingDay() {
        List<TimeSlot> slots = SessionPlan.usual(MONDAY, MONDAY.plusDays(2)).slots();
        assertEquals(6, slots.size(), "three days, two sittings each");
        assertEquals(new TimeSlot(MONDAY, LocalTime.of(7, 30), LocalTime.of(11, 30)), slots.get(0));
        assertEquals(new TimeSlot(MONDAY, LocalTime.of(13, 30), LocalTime.of(17, 0)), slots.get(1));
        assertEquals(new TimeSlot(MONDAY.plusDays(2), LocalTime.of(13, 30), LocalTime.of(17, 0)), slots.get(5));
    }

    @Test
    void thePlanSkipsWeekendsUnlessAskedAndKeepsTheHoursTyped() {
        LocalDate friday = MONDAY.plusDays(4);
        LocalDate nextMonday = MONDAY.plusDays(7);
        List<TimeSlot> workdays = SessionPlan.usual(friday, nextMonday).slots();
        assertEquals(List.of(friday, friday, nextMonday, nextMonday), workdays.stream().map(TimeSlot::date).toList());

        SessionPlan withWeekend = new SessionPlan(friday, nextMonday, true, LocalTime.of(8, 0), LocalTime.of(11, 0),
                false, null, null, true);
        List<TimeSlot> mornings = withWeekend.slots();
        assertEquals(4, mornings.size(), "Friday to Monday, mornings only");
        assertTrue(mornings.stream().allMatch(s -> s.start().equals(LocalTime.of(8, 0)) && s.end().equals(LocalTime.of(11, 0))));
    }

    @Test
    void aPlanThatMakesNoSenseIsRefusedWithItsReason() {
        assertRefused("session.error.planDates", () -> SessionPlan.usual(MONDAY, MONDAY.minusDays(1)).slots());
        assertRefused("session.error.planTooLong", () -> SessionPlan.usual(MONDAY, MONDAY.plusDays(40)).slots());
        assertRefused("session.error.planNoDays", () -> SessionPlan.usual(MONDAY.plusDays(5), MONDAY.plusDays(6)).slots());
        assertRefused("session.error.planEmpty", () -> new SessionPlan(MONDAY, MONDAY, false, null, null, false, null,
                null, false).slots());
        assertRefused("session.error.planOverlap", () -> new SessionPlan(MONDAY, MONDAY, true, LocalTime.of(7, 30),
                LocalTime.of(14, 0), true, LocalTime.of(13, 30), LocalTime.of(17, 0), false).slots());
        assertRefused("session.error.times", () -> new SessionPlan(MONDAY, MONDAY, true, LocalTime.of(11, 30),
                LocalTime.of(7, 30), false, null, null, false).slots());
    }

    @Test
    void slotsOverlapWhenTheyShareAMomentButNotWhenOneEndsAsTheOtherStarts() {
        TimeSlot morning = new TimeSlot(MONDAY, LocalTime.of(7, 30), LocalTime.of(11, 30));
        assertFalse(morning.overlaps(new TimeSlot(MONDAY, LocalTime.of(11, 30), LocalTime.of(13, 0))), "end to start");
        assertFalse(new TimeSlot(MONDAY, LocalTime.of(6, 0), LocalTime.of(7, 30)).overlaps(morning), "start to end");
        assertTrue(morning.overlaps(new TimeSlot(MONDAY, LocalTime.of(11, 0), LocalTime.of(12, 0))));
        assertTrue(morning.overlaps(new TimeSlot(MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0))), "inside");
        assertTrue(new TimeSlot(MONDAY, LocalTime.of(7, 0), LocalTime.of(12, 0)).overlaps(morning), "around");
        assertFalse(morning.overlaps(new TimeSlot(MONDAY.plusDays(1), LocalTime.of(7, 30), LocalTime.of(11, 30))));
        assertRefused("session.error.times", () -> new TimeSlot(MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)));
    }

    @Test
    void aClassCodeDefaultsToTheCourseTheYearAndTheNextFreeNumber() {
        assertEquals("DV-2026-01", ClassCodes.next("DV", 2026, List.of()));
        assertEquals("DV-2026-03", ClassCodes.next("DV", 2026,
                List.of("DV-2026-01", "DV-2026-02", "DV-2025-07", "DV-2026-BIS", "DVX-2026-09")));
        assertEquals("DV-2026-12", ClassCodes.next("DV", 2026, List.of("DV-2026-11")));
        assertTrue(ClassCodes.isValid(" dv-2026-01 "), "typed in lower case, with spaces");
        assertFalse(ClassCodes.isValid("DV 2026"));
        assertFalse(ClassCodes.isValid("Đ1"));
    }

    @Test
    void courseCodesAreUpperCaseLettersDigitsDashAndUnderscore() {
        SubjectGroup group = new SubjectGroup("MASS", "Dân vận", "Mass mobilization", 10);
        assertEquals("BD-DV_01", course(group, " bd-dv_01").getCode());
        for (String bad : List.of("B", "BD DV", "BĐ-01", "A".repeat(31), "")) {
            assertRefused("course.error.code", () -> course(group, bad));
        }
    }

    @Test
    void aSessionChangeSaysWhatChangedForTheCadresToBeTold() {
        CourseClass c = new CourseClass("DV-2025-01", course(new SubjectGroup("MASS", "Dân vận", "Mass", 10), "DV"),
                new AdminUnit("W1", "Phường Hạ Long", UnitKind.WARD, null, LocalDate.of(2025, 7, 1)));
        c.schedule(MONDAY, MONDAY.plusDays(2), 30, null, null);
        ClassSession s = new ClassSession(c, MONDAY, LocalTime.of(7, 30), LocalTime.of(11, 30), "Mở đầu", null, null);
        assertEquals("", s.change(MONDAY, LocalTime.of(7, 30), LocalTime.of(11, 30), " Mở đầu ", null, null));
        assertEquals("time,topic", s.change(MONDAY, LocalTime.of(8, 0), LocalTime.of(11, 30), "Kỹ năng", null, null));
        assertEquals("date", s.change(MONDAY.plusDays(1), LocalTime.of(8, 0), LocalTime.of(11, 30), "Kỹ năng", null, null));
        s.cancel("Bão");
        assertRefused("session.error.cancelled", () -> s.change(MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0), null,
                null, null));
        assertRefused("session.error.reasonRequired", () -> new ClassSession(c, MONDAY, LocalTime.of(7, 30),
                LocalTime.of(11, 30), null, null, null).cancel("  "));
        assertRefused("session.error.outsideClass", () -> c.requireWithinDates(MONDAY.plusDays(3)));
    }

    @Test
    void aCoordinatorSeesClassesOrganisedAtUnderOrAboveTheirUnit() {
        String ward = "/1/7/";
        assertTrue(CourseClass.isInAreaOf("/1/7/", ward), "their own ward");
        assertTrue(CourseClass.isInAreaOf("/1/7/42/", ward), "a hamlet of it");
        assertTrue(CourseClass.isInAreaOf("/1/", ward), "the province, above it");
        assertFalse(CourseClass.isInAreaOf("/1/8/", ward), "another ward");
        assertFalse(CourseClass.isInAreaOf("/1/70/", ward), "a ward whose id starts alike");
    }

    private static Course course(SubjectGroup group, String code) {
        return new Course(code, "Kỹ năng dân vận", "Mass mobilization", group, ActivityKind.TRAINING_COURSE,
                BigDecimal.TEN);
    }

    private static void assertRefused(String key, Runnable action) {
        BusinessException e = assertThrows(BusinessException.class, action::run);
        assertEquals(key, e.getMessageKey());
    }
}
