package vn.cadretraining.reporting.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartEndsTest {

    private static List<Integer> ranking(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void aLongRankingIsChartedByItsTwoEndsAndAShortOneWhole() {
        List<Integer> shown = DashboardView.ends(ranking(5400), DashboardLayout.CHART_ENDS);
        assertEquals(30, shown.size());
        assertEquals(ranking(15), shown.subList(0, 15), "the first fifteen, in order");
        assertEquals(IntStream.rangeClosed(5386, 5400).boxed().toList(), shown.subList(15, 30),
                "the last fifteen, in order");
        assertEquals(ranking(30), DashboardView.ends(ranking(30), 15), "thirty units: every one");
        assertEquals(30, DashboardView.ends(ranking(31), 15).size(), "thirty-one: the middle one left out");
        assertEquals(15, DashboardView.ends(ranking(31), 15).get(14));
        assertEquals(17, DashboardView.ends(ranking(31), 15).get(15), "the sixteenth left out");
    }
}
