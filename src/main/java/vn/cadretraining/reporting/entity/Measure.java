package vn.cadretraining.reporting.entity;

/** What a target is set on, and what progress is counted for. */
public enum Measure {
    /** Training turns (lượt): completions in the year; one person trained twice is two turns. */
    TURNS,
    /** Distinct cadres with at least one completion in the year. */
    CADRES,
    /** Share (%) of the current holders of a title trained at least once; the dimension is the title. */
    TITLE_SHARE,
    /** Briefing conferences held, per quarter. */
    BRIEFINGS,
    /** Training turns in one subject group; the dimension is the subject group. */
    SUBJECT_TURNS,
    /**
     * Share (%) of the petitions received in the year that the hamlet confirmed satisfactory, of those it ruled
     * on (confirmed, or reopened after an answer).
     */
    PETITION_SATISFIED;

    /** A percentage (0-100), not a count. */
    public boolean isPercent() {
        return this == TITLE_SHARE || this == PETITION_SATISFIED;
    }

    /**
     * Set for each unit on its own, the bar each must reach: the communes' targets are not expected to make the
     * province's (no total under the column, no mismatch).
     */
    public boolean isPerUnit() {
        return this == PETITION_SATISFIED;
    }

    /** Set per title or per subject group. */
    public boolean hasDimension() {
        return this == TITLE_SHARE || this == SUBJECT_TURNS;
    }

    /** The communes' targets are expected to add up to the province's. */
    public boolean isAdditive() {
        return !isPercent();
    }

    /** The largest value a target may take. */
    public int max() {
        return isPercent() ? 100 : 10_000_000;
    }
}
