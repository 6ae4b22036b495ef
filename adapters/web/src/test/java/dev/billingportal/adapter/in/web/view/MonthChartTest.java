package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's geometry: bars in proportion to the period's largest amount, months side by side, none overlapping. */
class MonthChartTest {

    private static MonthChart.Amounts month(int i, long invoiced, long paid) {
        return new MonthChart.Amounts("m" + i, "month " + i, invoiced, invoiced + "", paid, paid + "");
    }

    @Test
    void theLargestAmountReachesTheTopAndTheOthersStandInProportion() {
        List<MonthChart.Amounts> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(month(i, 10_000, i == 5 ? 20_000 : 5_000));
        }
        months.set(11, month(11, 0, 1)); // nothing invoiced, one cent paid

        MonthChart chart = MonthChart.of(months);

        assertEquals(MonthChart.PLOT, chart.months().get(5).paidHeight(), "the largest reaches the top");
        assertEquals("20000", chart.scale(), "and marks the top of the scale");
        assertEquals(MonthChart.PLOT / 2, chart.months().get(0).invoicedHeight(), "half of it, half as high");
        assertEquals(0, chart.months().get(11).invoicedHeight(), "nothing is no bar");
        assertEquals(1, chart.months().get(11).paidHeight(), "a cent is still seen");
        assertEquals(MonthChart.BASELINE - MonthChart.PLOT, chart.months().get(5).paidY());
        for (int i = 1; i < 12; i++) {
            MonthChart.Month before = chart.months().get(i - 1);
            MonthChart.Month month = chart.months().get(i);
            assertTrue(before.paidX() + before.barWidth() < month.x(), "month " + i + " stands clear of the last");
        }
        MonthChart.Month last = chart.months().get(11);
        assertTrue(last.paidX() + last.barWidth() <= MonthChart.WIDTH, "inside the view box");
    }

    @Test
    void aYearWithoutAnyAmountDrawsNoBars() {
        MonthChart chart = MonthChart.of(List.of(month(0, 0, 0), month(1, 0, 0)));

        assertTrue(chart.months().stream().allMatch(month -> month.invoicedHeight() == 0 && month.paidHeight() == 0));
        assertEquals("0", chart.scale(), "a scale of nothing");
    }
}
