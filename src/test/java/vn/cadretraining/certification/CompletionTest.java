package vn.cadretraining.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.cadretraining.certification.entity.Completion;
import vn.cadretraining.enrollment.entity.Outcome;

/** The completion rule at its edges: the threshold itself, excused absences, the score. */
class CompletionTest {

    @Test
    void exactlyTheMinimumShareCompletesAndOneSessionLessDoesNot() {
        Completion atEighty = Completion.evaluate(80, false, null, false, 5, 4, 0, null);
        assertEquals(Outcome.COMPLETED, atEighty.outcome());
        assertEquals(new BigDecimal("80.00"), atEighty.attendancePct());
        Completion below = Completion.evaluate(80, false, null, false, 5, 3, 0, null);
        assertEquals(Outcome.NOT_COMPLETED, below.outcome());
        assertEquals("result.reason.attendance", below.reasonKey());
    }

    @Test
    void aThresholdBetweenTwoCountsIsComparedWithoutRounding() {
        // 2 of 3 is 66.67%: short of 67%, although it rounds up to it
        assertEquals(Outcome.NOT_COMPLETED, Completion.evaluate(67, false, null, false, 3, 2, 0, null).outcome());
        assertEquals(new BigDecimal("66.67"), Completion.evaluate(67, false, null, false, 3, 2, 0, null).attendancePct());
        assertEquals(Outcome.COMPLETED, Completion.evaluate(66, false, null, false, 3, 2, 0, null).outcome());
    }

    @Test
    void excusedAbsencesCountOnlyWhenTheCourseSaysSo() {
        assertEquals(Outcome.NOT_COMPLETED, Completion.evaluate(80, false, null, false, 5, 3, 1, null).outcome());
        assertEquals(Outcome.COMPLETED, Completion.evaluate(80, false, null, true, 5, 3, 1, null).outcome());
    }

    @Test
    void anAssessedCourseNeedsAScoreAtLeastThePassMark() {
        BigDecimal pass = new BigDecimal("5.0");
        assertEquals("result.reason.noScore", Completion.evaluate(80, true, pass, false, 4, 4, 0, null).reasonKey());
        assertEquals("result.reason.score",
                Completion.evaluate(80, true, pass, false, 4, 4, 0, new BigDecimal("4.99")).reasonKey());
        assertEquals(Outcome.COMPLETED, Completion.evaluate(80, true, pass, false, 4, 4, 0, new BigDecimal("5")).outcome());
        assertEquals("result.reason.attendance",
                Completion.evaluate(80, true, pass, false, 4, 1, 0, new BigDecimal("9")).reasonKey(),
                "attendance is judged first");
    }

    @Test
    void nothingIsSaidBeforeAnySessionIsHeld() {
        Completion none = Completion.evaluate(80, false, null, false, 0, 0, 0, null);
        assertNull(none.outcome());
        assertNull(none.attendancePct());
    }
}
