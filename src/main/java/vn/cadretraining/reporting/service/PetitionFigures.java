package vn.cadretraining.reporting.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;

/**
 * The petitions of one unit and year as the dashboard shows them, counted by {@link PetitionProgress} in SQL:
 * the year's and the year before's, by quarter, by field and by unit under this one, the time to resolution, and
 * the satisfied share against its target. Each figure counts the petitions received in its period, as they stand
 * today (see {@link PetitionSql} for what each column counts).
 *
 * @param openNow    petitions not answered today, whatever the year they were received
 * @param overdueNow of those, the ones past their due date
 * @param elsewhere  petitions of the scope whose hamlet lies today under none of the units listed (moved away or
 *                   recorded at the scope itself): in the totals, in no unit's row
 */
public record PetitionFigures(AdminUnit unit, int year, LocalDate asOf, Counts thisYear, Counts lastYear,
        List<QuarterRow> quarters, List<FieldRow> fields, List<UnitRow> units, Counts elsewhere,
        Durations durations, Durations lastYearDurations, long openNow, long overdueNow, Target target)
        implements Serializable {

    /** What was received in a period and where it stands today. */
    public record Counts(long received, long resolved, long satisfied, long ruled, long overdue, long transferred)
            implements Serializable {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        static Counts of(Object[] row, int first) {
            return new Counts(ProgressService.num(row[first]), ProgressService.num(row[first + 1]),
                    ProgressService.num(row[first + 2]), ProgressService.num(row[first + 3]),
                    ProgressService.num(row[first + 4]), ProgressService.num(row[first + 5]));
        }

        Counts plus(Counts o) {
            return new Counts(received + o.received, resolved + o.resolved, satisfied + o.satisfied, ruled + o.ruled,
                    overdue + o.overdue, transferred + o.transferred);
        }

        Counts minus(Counts o) {
            return new Counts(received - o.received, resolved - o.resolved, satisfied - o.satisfied, ruled - o.ruled,
                    overdue - o.overdue, transferred - o.transferred);
        }

        /** Satisfied of those the hamlets ruled on, in percent; null when none was ruled on. */
        public Double getSatisfiedShare() {
            return ruled == 0 ? null : 100.0 * satisfied / ruled;
        }

        /** Resolved of those received, in percent; null when none was received. */
        public Double getResolvedShare() {
            return received == 0 ? null : 100.0 * resolved / received;
        }

        public long getReceived() {
            return received;
        }

        public long getResolved() {
            return resolved;
        }

        public long getSatisfied() {
            return satisfied;
        }

        public long getRuled() {
            return ruled;
        }

        public long getOverdue() {
            return overdue;
        }

        public long getTransferred() {
            return transferred;
        }
    }

    /** The satisfied share against the unit's target of the year (none set: null), and last year's target. */
    public record Target(Integer value, Integer lastYear, Standing standing) implements Serializable {

        /** A share is a bar to reach at any time of the year, not a pace: the whole target counts from 1 January. */
        static Target of(Double share, Integer value, Integer lastYear) {
            Standing s = value == null || share == null ? Standing.NO_TARGET : Pace.standing(share, value, 1.0);
            return new Target(value, lastYear, s);
        }

        public Integer getValue() {
            return value;
        }

        public Integer getLastYear() {
            return lastYear;
        }

        public Standing getStanding() {
            return standing;
        }

        public boolean isLagging() {
            return standing.isLagging();
        }
    }

    /** A quarter of this year beside the same quarter of the year before. */
    public record QuarterRow(int quarter, Counts counts, Counts lastYear) implements Serializable {
        public int getQuarter() {
            return quarter;
        }

        public Counts getCounts() {
            return counts;
        }

        public Counts getLastYear() {
            return lastYear;
        }
    }

    /** A field this year beside the year before. */
    public record FieldRow(PetitionField field, Counts counts, Counts lastYear) implements Serializable {
        public PetitionField getField() {
            return field;
        }

        public Counts getCounts() {
            return counts;
        }

        public Counts getLastYear() {
            return lastYear;
        }
    }

    /** A unit directly under this one, with its own target of the satisfied share (communes have one). */
    public record UnitRow(AdminUnit unit, Counts counts, Counts lastYear, Target target) implements Serializable {
        public AdminUnit getUnit() {
            return unit;
        }

        public Counts getCounts() {
            return counts;
        }

        public Counts getLastYear() {
            return lastYear;
        }

        public Target getTarget() {
            return target;
        }
    }

    /** Days from receipt to the answer of the resolved petitions: how many, the median and the 90th percentile. */
    public record Durations(long count, Double median, Double p90) implements Serializable {

        /**
         * From a histogram (days → petitions). The median is the middle value (the mean of the two middle ones for
         * an even count); the 90th percentile the nearest rank, the smallest value with 90% of the petitions at or
         * below it. Nulls when no petition was resolved.
         */
        public static Durations of(NavigableMap<Long, Long> histogram) {
            long n = histogram.values().stream().mapToLong(Long::longValue).sum();
            if (n == 0) {
                return new Durations(0, null, null);
            }
            double median = n % 2 == 1 ? rank(histogram, (n + 1) / 2)
                    : (rank(histogram, n / 2) + rank(histogram, n / 2 + 1)) / 2.0;
            return new Durations(n, median, (double) rank(histogram, (long) Math.ceil(0.9 * n)));
        }

        /** The value at a rank (1 = the smallest) of the histogram. */
        private static long rank(NavigableMap<Long, Long> histogram, long rank) {
            long seen = 0;
            for (Map.Entry<Long, Long> e : histogram.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey();
                }
            }
            return histogram.lastKey();
        }

        public long getCount() {
            return count;
        }

        public Double getMedian() {
            return median;
        }

        public Double getP90() {
            return p90;
        }
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public int getYear() {
        return year;
    }

    public Counts getThisYear() {
        return thisYear;
    }

    public Counts getLastYear() {
        return lastYear;
    }

    public List<QuarterRow> getQuarters() {
        return quarters;
    }

    public List<FieldRow> getFields() {
        return fields;
    }

    public List<UnitRow> getUnits() {
        return units;
    }

    public Counts getElsewhere() {
        return elsewhere;
    }

    public Durations getDurations() {
        return durations;
    }

    public Durations getLastYearDurations() {
        return lastYearDurations;
    }

    public long getOpenNow() {
        return openNow;
    }

    public long getOverdueNow() {
        return overdueNow;
    }

    public Target getTarget() {
        return target;
    }
}
