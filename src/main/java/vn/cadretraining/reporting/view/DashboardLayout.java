package vn.cadretraining.reporting.view;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much of a long list of units the dashboard shows at once: the units chart draws the first and the last
 * {@link #chartEnds()} of the ranking when there are more than twice as many (a province of a hundred communes,
 * a nation of thousands, as a bar each is a chart nobody reads and taller than any screen; the ends say how far
 * apart the units are and who needs help), and the units table pages by {@link #tableRows()} (the dashboard of
 * 5,400 units rendered in one page took half a second, issue 7).
 */
@ApplicationScoped
public class DashboardLayout {

    static final int CHART_ENDS = 15;
    static final int TABLE_ROWS = 50;

    private volatile int chartEnds = CHART_ENDS;
    private volatile int tableRows = TABLE_ROWS;

    public int chartEnds() {
        return chartEnds;
    }

    public int tableRows() {
        return tableRows;
    }

    /**
     * For tests only (the test helpers' address): smaller limits, to walk the small test province through them;
     * null puts a limit back.
     */
    public void reset(Integer chartEnds, Integer tableRows) {
        this.chartEnds = chartEnds == null ? CHART_ENDS : chartEnds;
        this.tableRows = tableRows == null ? TABLE_ROWS : tableRows;
    }
}
