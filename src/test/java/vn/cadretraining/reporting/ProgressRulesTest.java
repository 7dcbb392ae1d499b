package vn.cadretraining.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.reporting.service.Dashboard.Figure;
import vn.cadretraining.reporting.service.ReportFormat;
import vn.cadretraining.reporting.service.TargetService;

/** The rules of progress: the expected pace, standings, the communes against the province, how figures are written. */
class ProgressRulesTest {

    @Test
    void theShareOfTheYearElapsedCountsWholeDaysAndIsWholeForPastYears() {
        assertEquals(1.0, Pace.elapsed(2025, LocalDate.of(2026, 1, 1)));
        assertEquals(0.0, Pace.elapsed(2027, LocalDate.of(2026, 12, 31)));
        assertEquals(1.0 / 365, Pace.elapsed(2026, LocalDate.of(2026, 1, 1)), 1e-9);
        assertEquals(1.0, Pace.elapsed(2026, LocalDate.of(2026, 12, 31)), 1e-9);
        assertEquals(182.0 / 366, Pace.elapsed(2024, LocalDate.of(2024, 6, 30)), 1e-9, "a leap year has 366 days");
    }

    @Test
    void aYearStillRunningIsComparedWithTheSamePartOfLastYearNotWithAllOfIt() {
        // half the year gone: 50 turns so far against 100 in the whole of last year is no fall of 50%
        Figure running = Figure.of(50, null, 0.5, 100.0, null);
        assertNull(running.getChange(), "not compared with the whole of last year");
        assertEquals(25.0, running.withSamePeriod(40.0).getChange(), 1e-9, "40 by the same day last year: +25%");
        assertEquals(-50.0, Figure.of(50, null, 1.0, 100.0, null).getChange(), 1e-9, "a year over: the whole year");
        assertNull(Figure.of(5, null, 1.0, 0.0, null).getChange(), "nothing last year: no percentage");
    }

    @Test
    void aQuarterIsElapsedDayByDay() {
        assertEquals(0.0, Pace.elapsedInQuarter(2026, 2, LocalDate.of(2026, 3, 31)));
        assertEquals(1.0 / 91, Pace.elapsedInQuarter(2026, 2, LocalDate.of(2026, 4, 1)), 1e-9);
        assertEquals(1.0, Pace.elapsedInQuarter(2026, 4, LocalDate.of(2026, 12, 31)), 1e-9);
        assertEquals(1.0, Pace.elapsedInQuarter(2025, 4, LocalDate.of(2026, 1, 15)));
    }

    @Test
    void aUnitStandsByWhatThePaceExpectsOnTheDay() {
        // target 100, half the year gone: 50 expected
        assertEquals(Standing.REACHED, Pace.standing(100, 100, 0.5));
        assertEquals(Standing.REACHED, Pace.standing(130, 100, 0.5));
        assertEquals(Standing.ON_TRACK, Pace.standing(50, 100, 0.5));
        assertEquals(Standing.BEHIND, Pace.standing(49, 100, 0.5));
        assertEquals(Standing.BEHIND, Pace.standing(40, 100, 0.5), "exactly 80% of the pace is still only behind");
        assertEquals(Standing.FAR_BEHIND, Pace.standing(39, 100, 0.5));
        assertEquals(Standing.NO_TARGET, Pace.standing(39, null, 0.5));
        assertEquals(Standing.REACHED, Pace.standing(0, 0, 0.5), "a target of nothing is reached");
        assertEquals(45.0, Pace.expected(90, 0.5));
        assertNull(Pace.percentOf(5, null));
        assertNull(Pace.percentOf(5, 0));
        assertEquals(125.0, Pace.percentOf(5, 4));
        assertTrue(Standing.FAR_BEHIND.isLagging() && Standing.BEHIND.isLagging());
        assertFalse(Standing.ON_TRACK.isLagging() || Standing.NO_TARGET.isLagging());
    }

    @Test
    void lastYearsTargetsGrowRoundedHalfUpAndStayWithinTheirMeasure() {
        assertEquals(110, TargetService.grown(100, 10, Measure.TURNS));
        assertEquals(16, TargetService.grown(15, 5, Measure.TURNS), "15.75 rounds up");
        assertEquals(3, TargetService.grown(5, -50, Measure.TURNS), "2.5 rounds half up");
        assertEquals(0, TargetService.grown(40, -100, Measure.TURNS));
        assertEquals(100, TargetService.grown(90, 20, Measure.TITLE_SHARE), "a share is capped at 100%");
        assertEquals(10_000_000, TargetService.grown(9_000_000, 500, Measure.CADRES), "a count at its most");
        assertEquals(80, TargetService.grown(80, 0, Measure.TITLE_SHARE));
    }

    @Test
    void theCommunesAddUpForCountsAndWeighByHoldersForShares() {
        assertEquals(30.0, TargetService.communesTotal(Arrays.asList(10, null, 20), List.of(1L, 1L, 1L), false));
        assertNull(TargetService.communesTotal(Arrays.asList(null, null), List.of(1L, 1L), false));
        // 50% of 30 holders and 80% of 10: (15 + 8) / 40 = 57.5%
        assertEquals(57.5, TargetService.communesTotal(List.of(50, 80), List.of(30L, 10L), true), 1e-9);
        assertNull(TargetService.communesTotal(List.of(50), List.of(0L), true), "no holders, no weighted share");

        assertFalse(TargetService.mismatch(30, 30.0, false));
        assertTrue(TargetService.mismatch(31, 30.0, false));
        assertFalse(TargetService.mismatch(57, 57.5, true), "within a point");
        assertTrue(TargetService.mismatch(60, 57.5, true));
        assertTrue(TargetService.mismatch(30, null, false), "the province's target is not split");
        assertTrue(TargetService.mismatch(null, 12.0, false), "the communes have targets the province has not");
        assertFalse(TargetService.mismatch(null, null, false));
    }

    @Test
    void figuresAreWrittenTheWayEachLanguageWritesThem() {
        Locale vi = Locale.forLanguageTag("vi");
        assertEquals("3.767", ReportFormat.count(3767, vi));
        assertEquals("3,767", ReportFormat.count(3767, Locale.ENGLISH));
        assertEquals("47,8%", ReportFormat.percent(47.8125, vi));
        assertEquals("47.8%", ReportFormat.percent(47.8125, Locale.ENGLISH));
        assertEquals("+12,5%", ReportFormat.change(12.5, vi));
        assertEquals("−3,0%", ReportFormat.change(-3.0, vi));
        assertEquals("", ReportFormat.percent(null, vi));
    }

    @Test
    void aCompletionCountsUnderItsUnitAndEveryUnitAboveAndACadreOnceUnderEach() {
        vn.cadretraining.reporting.entity.ProgressDelta d = new vn.cadretraining.reporting.entity.ProgressDelta();
        LocalDate feb = LocalDate.of(2025, 2, 20);
        // a cadre twice in hamlet 4 of commune 2, then once in hamlet 5 of commune 3 after moving
        d.completion(7, "/1/2/4/", feb, 9, "TAY", "MALE", 1);
        d.completion(7, "/1/2/4/", feb, 9, "TAY", "MALE", 1);
        d.completion(7, "/1/3/5/", feb.plusMonths(6), 9, "TAY", "MALE", 1);
        assertEquals(2, d.turns().get(new vn.cadretraining.reporting.entity.ProgressDelta.TurnKey(1, feb, 9)));
        var plan = d.plan(java.util.Map.of());
        // a row per unit: the province once, both communes, both hamlets
        assertEquals(5, plan.inserts().size());
        var province = plan.people().get(new vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey(1, 2025, "TAY",
                "MALE"));
        assertEquals(List.of(3, 1), List.of(province[0], province[1]), "three turns, one cadre above");
        var commune = plan.people().get(new vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey(3, 2025, "TAY",
                "MALE"));
        assertEquals(List.of(1, 1), List.of(commune[0], commune[1]), "and once in the commune moved to");
    }

    @Test
    void aRowWhoseTurnsAllLeaveGoesAndTakesItsCadreFromTheCounter() {
        var key = new vn.cadretraining.reporting.entity.ProgressDelta.CadreKey(7, 2025, 4);
        vn.cadretraining.reporting.entity.ProgressDelta d = new vn.cadretraining.reporting.entity.ProgressDelta();
        d.cadre(java.util.Set.of(4L), 7, 2025, -2, "TAY", "MALE");
        var plan = d.plan(java.util.Map.of(key, new vn.cadretraining.reporting.entity.ProgressDelta.Counted(2, "DAO",
                "FEMALE")));
        assertEquals(List.of(key), plan.deletes());
        int[] v = plan.people().get(new vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey(4, 2025, "DAO",
                "FEMALE"));
        assertEquals(List.of(-2, -1), List.of(v[0], v[1]), "the pair the row was counted with");
        assertEquals(List.of(1L, 2L, 4L), vn.cadretraining.reporting.entity.ProgressDelta.units("/1/2/4/"));
    }

    /** The time to resolution from a histogram: the middle value (mean of two), the nearest rank for the 90th. */
    @Test
    void theMedianAndNinetiethPercentileOfDaysAreReadFromTheHistogram() {
        var empty = vn.cadretraining.reporting.service.PetitionFigures.Durations.of(new java.util.TreeMap<>());
        assertEquals(0, empty.count());
        assertNull(empty.median());
        assertNull(empty.p90());
        // 1, 2, 2, 10: median (2 + 2) / 2, p90 the 4th value
        var even = vn.cadretraining.reporting.service.PetitionFigures.Durations.of(
                new java.util.TreeMap<>(java.util.Map.of(1L, 1L, 2L, 2L, 10L, 1L)));
        assertEquals(4, even.count());
        assertEquals(2.0, even.median());
        assertEquals(10.0, even.p90());
        // ten values 1..10: median 5.5, p90 the 9th
        java.util.TreeMap<Long, Long> ten = new java.util.TreeMap<>();
        for (long d = 1; d <= 10; d++) {
            ten.put(d, 1L);
        }
        var tenDays = vn.cadretraining.reporting.service.PetitionFigures.Durations.of(ten);
        assertEquals(5.5, tenDays.median());
        assertEquals(9.0, tenDays.p90());
        // one value
        var one = vn.cadretraining.reporting.service.PetitionFigures.Durations.of(
                new java.util.TreeMap<>(java.util.Map.of(0L, 1L)));
        assertEquals(0.0, one.median());
        assertEquals(0.0, one.p90());
    }

    /** The satisfied share's target is a percent set for each unit on its own, never added up. */
    @Test
    void theSatisfiedShareTargetIsAPercentPerUnit() {
        assertTrue(Measure.PETITION_SATISFIED.isPercent());
        assertTrue(Measure.PETITION_SATISFIED.isPerUnit());
        assertFalse(Measure.PETITION_SATISFIED.isAdditive());
        assertFalse(Measure.PETITION_SATISFIED.hasDimension());
        assertEquals(100, Measure.PETITION_SATISFIED.max());
        assertFalse(Measure.TITLE_SHARE.isPerUnit(), "the title shares are weighed against the province's");
    }
}
