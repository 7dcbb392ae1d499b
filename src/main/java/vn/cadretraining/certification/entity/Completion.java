package vn.cadretraining.certification.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.cadretraining.enrollment.entity.Outcome;

/**
 * The completion rule applied to one enrollment: attended enough of the sessions held, and passed the
 * assessment where the course has one.
 *
 * <ul>
 * <li>Sessions held are those not cancelled. Attended means present or late; an excused absence counts as
 * attended only when the course says so, and otherwise as any absence.</li>
 * <li>The share is compared exactly (attended × 100 ≥ minimum × held), so exactly 80% passes an 80% rule and
 * no rounding lets 79.9% through; the share shown is rounded to two decimals.</li>
 * <li>With an assessment, a missing score is "not completed (no score yet)", and a score below the pass mark
 * "not completed (score)".</li>
 * <li>Before any session is held there is no outcome.</li>
 * </ul>
 *
 * @param outcome   null while nothing can be said yet
 * @param reasonKey the bundle key of the reason when not completed
 */
public record Completion(Outcome outcome, String reasonKey, BigDecimal attendancePct) implements Serializable {

    public static Completion evaluate(int minAttendancePct, boolean hasAssessment, BigDecimal passMark,
            boolean excusedCounts, int held, int attended, int excused, BigDecimal score) {
        if (held <= 0) {
            return new Completion(null, null, null);
        }
        int counted = attended + (excusedCounts ? excused : 0);
        BigDecimal pct = BigDecimal.valueOf(counted * 100L).divide(BigDecimal.valueOf(held), 2, RoundingMode.HALF_UP);
        if ((long) counted * 100 < (long) minAttendancePct * held) {
            return new Completion(Outcome.NOT_COMPLETED, "result.reason.attendance", pct);
        }
        if (hasAssessment) {
            if (score == null) {
                return new Completion(Outcome.NOT_COMPLETED, "result.reason.noScore", pct);
            }
            if (passMark != null && score.compareTo(passMark) < 0) {
                return new Completion(Outcome.NOT_COMPLETED, "result.reason.score", pct);
            }
        }
        return new Completion(Outcome.COMPLETED, null, pct);
    }
}
