package dev.billingportal.adapter.in.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's chart of the last months' invoiced and paid amounts, drawn on the server as SVG (no chart script):
 * the geometry is computed here, in a fixed {@value #WIDTH}×{@value #HEIGHT} view box the browser scales; the
 * template only places what this says. Its text alternative is the same figures as a table.
 */
public record MonthChart(List<Month> months, String scale) {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 240;
    /** The bars stand on this line and reach at most {@value #PLOT} units up. */
    public static final int BASELINE = 200;
    public static final int PLOT = 170;
    private static final int BAR = 20;

    /**
     * One month: its labels, its two amounts as text, and its two bars.
     *
     * @param x the left edge of the month's invoiced bar; its paid bar stands beside it
     */
    public record Month(String shortLabel, String longLabel, String invoiced, String paid, int x,
                        int invoicedHeight, int paidHeight) {
        public int invoicedY() {
            return BASELINE - invoicedHeight;
        }

        public int paidY() {
            return BASELINE - paidHeight;
        }

        public int paidX() {
            return x + BAR + 2;
        }

        public int labelX() {
            return x + BAR + 1;
        }

        public int barWidth() {
            return BAR;
        }
    }

    /** An amount of one month, in minor units, with its text. */
    public record Amounts(String shortLabel, String longLabel, long invoicedMinor, String invoiced, long paidMinor,
                          String paid) {
    }

    /** Bars in proportion to the largest amount of the period, whose text marks the top of the scale. */
    public static MonthChart of(List<Amounts> amounts) {
        long max = 0;
        String scale = amounts.isEmpty() ? "" : amounts.get(0).invoiced(); // all zero: zero marks the top
        for (Amounts month : amounts) {
            if (month.invoicedMinor() > max) {
                max = month.invoicedMinor();
                scale = month.invoiced();
            }
            if (month.paidMinor() > max) {
                max = month.paidMinor();
                scale = month.paid();
            }
        }
        int slot = WIDTH / Math.max(1, amounts.size());
        List<Month> months = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            Amounts month = amounts.get(i);
            months.add(new Month(month.shortLabel(), month.longLabel(), month.invoiced(), month.paid(),
                    i * slot + (slot - 2 * BAR - 2) / 2, height(month.invoicedMinor(), max),
                    height(month.paidMinor(), max)));
        }
        return new MonthChart(List.copyOf(months), scale);
    }

    /** A bar's height: in proportion, and at least one unit for any amount above zero, so it is seen. */
    static int height(long minor, long max) {
        if (minor <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round((double) minor * PLOT / max));
    }

    public int scaleY() {
        return BASELINE - PLOT;
    }
}
