package vn.cadretraining.reporting.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;

/**
 * Progress of one unit in one year, as counted by {@link ProgressService}: every figure of the dashboard and of
 * its exports comes from this one object, so that the page and the files always agree.
 *
 * @param unit     the unit looked at
 * @param path     the units from the caller's top unit down to this one (for the way back up)
 * @param asOf     the day the figures are counted to (today, or 31 December of a past year)
 * @param elapsed  the share of the year elapsed on that day
 * @param paidShare   the share (%) of the holders of the paid titles trained (no target of its own)
 * @param paidHolders how many hold a paid title under the unit
 * @param direct      turns recorded at the unit itself rather than under one of its children
 */
public record Dashboard(AdminUnit unit, List<AdminUnit> path, int year, Basis basis, LocalDate asOf, double elapsed,
        Figure turns, Figure cadres, Figure briefings, Figure paidShare, long paidHolders, List<UnitRow> children,
        boolean childTargets,
        List<TitleRow> titles, List<QuarterRow> quarters, List<GroupRow> subjects, List<Breakdown> ethnicities,
        List<Breakdown> genders, long[] monthlyTurns, long[] monthlyTurnsLastYear, long direct) implements Serializable {

    /** The same figures with the reader's own way back up. */
    public Dashboard withPath(List<AdminUnit> readersPath) {
        return new Dashboard(unit, readersPath, year, basis, asOf, elapsed, turns, cadres, briefings, paidShare,
                paidHolders, children, childTargets, titles, quarters, subjects, ethnicities, genders, monthlyTurns,
                monthlyTurnsLastYear, direct);
    }

    /**
     * One figure against its target: the actual, the target (null when none was set), what the pace expects by
     * the day, last year's figure (whole year) with last year's target, and last year's figure over the same part
     * of the year ({@code samePeriod}: the whole year once this one is over; null while it runs and the figure
     * cannot be cut at the same day), which is what the change is measured against.
     */
    public record Figure(double actual, Integer target, double expected, Standing standing, Double lastYear,
            Integer lastYearTarget, Double samePeriod) implements Serializable {

        public static Figure of(double actual, Integer target, double elapsed, Double lastYear, Integer lastYearTarget) {
            return new Figure(actual, target, Pace.expected(target, elapsed), Pace.standing(actual, target, elapsed),
                    lastYear, lastYearTarget, elapsed >= 1.0 ? lastYear : null);
        }

        /** The same figure compared with last year up to the same day. */
        public Figure withSamePeriod(Double lastYearSoFar) {
            return new Figure(actual, target, expected, standing, lastYear, lastYearTarget, lastYearSoFar);
        }

        /** Actual as a percentage of the target; null without a target. */
        public Double getPercent() {
            return Pace.percentOf(actual, target);
        }

        /** The expected figure as a percentage of the target (the pace marker on a bar). */
        public Double getExpectedPercent() {
            return target == null || target <= 0 ? null : 100.0 * expected / target;
        }

        /**
         * The change from last year in percent, against the same part of last year (a year still running is never
         * compared with the whole of the last one); null when that is unknown or was nothing.
         */
        public Double getChange() {
            return samePeriod == null || samePeriod == 0 ? null : 100.0 * (actual - samePeriod) / samePeriod;
        }

        public Double getSamePeriod() {
            return samePeriod;
        }

        public double getActual() {
            return actual;
        }

        public Integer getTarget() {
            return target;
        }

        public double getExpected() {
            return expected;
        }

        public Standing getStanding() {
            return standing;
        }

        public Double getLastYear() {
            return lastYear;
        }

        public Integer getLastYearTarget() {
            return lastYearTarget;
        }

        public boolean isLagging() {
            return standing.isLagging();
        }
    }

    /**
     * A unit under the one looked at (a commune under the province, a hamlet under a commune), with its figures;
     * {@code rank} orders them by progress (1 = furthest ahead).
     */
    public record UnitRow(AdminUnit unit, int rank, Figure turns, Figure cadres, Figure briefings, long paidHolders,
            long paidTrained, long lastYearTurns) implements Serializable {

        public AdminUnit getUnit() {
            return unit;
        }

        public int getRank() {
            return rank;
        }

        public Figure getTurns() {
            return turns;
        }

        public Figure getCadres() {
            return cadres;
        }

        public Figure getBriefings() {
            return briefings;
        }

        public long getPaidHolders() {
            return paidHolders;
        }

        public long getPaidTrained() {
            return paidTrained;
        }

        public long getLastYearTurns() {
            return lastYearTurns;
        }

        /** Share (%) of the holders of the paid titles trained; null without holders. */
        public Double getPaidPercent() {
            return paidHolders == 0 ? null : 100.0 * paidTrained / paidHolders;
        }

        /** The standing that ranks the unit: the turns against their target. */
        public Standing getStanding() {
            return turns.standing();
        }
    }

    /** The holders of a title under the unit, and how many of them are trained (in the year or term). */
    public record TitleRow(long titleId, String nameVi, String nameEn, boolean paid, long holders, long trained,
            Figure share) implements Serializable {

        public long getTitleId() {
            return titleId;
        }

        public String getNameVi() {
            return nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public boolean isPaid() {
            return paid;
        }

        public long getHolders() {
            return holders;
        }

        public long getTrained() {
            return trained;
        }

        public long getUntrained() {
            return holders - trained;
        }

        public Figure getShare() {
            return share;
        }
    }

    /** Briefing conferences held in a quarter, against the quarter's target. */
    public record QuarterRow(int quarter, long held, Integer target, double elapsed, Standing standing,
            long lastYear) implements Serializable {

        public int getQuarter() {
            return quarter;
        }

        public long getHeld() {
            return held;
        }

        public Integer getTarget() {
            return target;
        }

        public Standing getStanding() {
            return standing;
        }

        public long getLastYear() {
            return lastYear;
        }

        /** The quarter has begun (a figure for it means something). */
        public boolean isStarted() {
            return elapsed > 0;
        }
    }

    /** Turns in one subject group, against the group's turns target. */
    public record GroupRow(long groupId, String nameVi, String nameEn, Figure turns) implements Serializable {

        public long getGroupId() {
            return groupId;
        }

        public String getNameVi() {
            return nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public Figure getTurns() {
            return turns;
        }
    }

    /**
     * Turns and distinct cadres of one group of people (an ethnic group, a gender): the groups' turns and cadres
     * add up to the unit's (each cadre is in one group).
     */
    public record Breakdown(String key, String nameVi, String nameEn, long turns, long cadres)
            implements Serializable {

        public String getKey() {
            return key;
        }

        public String getNameVi() {
            return nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public long getTurns() {
            return turns;
        }

        public long getCadres() {
            return cadres;
        }
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public List<AdminUnit> getPath() {
        return path;
    }

    public int getYear() {
        return year;
    }

    public Basis getBasis() {
        return basis;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public double getElapsed() {
        return elapsed;
    }

    public double getElapsedPercent() {
        return 100.0 * elapsed;
    }

    public Figure getTurns() {
        return turns;
    }

    public Figure getCadres() {
        return cadres;
    }

    public Figure getBriefings() {
        return briefings;
    }

    public Figure getPaidShare() {
        return paidShare;
    }

    public long getPaidHolders() {
        return paidHolders;
    }

    public List<UnitRow> getChildren() {
        return children;
    }

    public boolean isChildTargets() {
        return childTargets;
    }

    public List<TitleRow> getTitles() {
        return titles;
    }

    public List<QuarterRow> getQuarters() {
        return quarters;
    }

    public List<GroupRow> getSubjects() {
        return subjects;
    }

    public List<Breakdown> getEthnicities() {
        return ethnicities;
    }

    public List<Breakdown> getGenders() {
        return genders;
    }

    public long getDirect() {
        return direct;
    }

    /** The lagging children: below the expected pace of their turns target. */
    public long getLaggingCount() {
        return children.stream().filter(r -> r.getStanding().isLagging()).count();
    }
}
