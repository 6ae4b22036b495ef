package dev.billingportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures drawn as SVG files the report links to: latency distributions (latency against percentile, one
 * line per kind of request) and side-by-side comparisons (one horizontal bar per measure). Plain SVG written by hand:
 * two chart shapes do not earn a plotting library, and the files diff and render anywhere a Markdown page does.
 */
final class SvgPlot {
    /** The percentiles a distribution is drawn at, evenly spaced along the x axis. */
    static final double[] PERCENTILES = {1, 10, 25, 50, 75, 90, 95, 99, 99.9};
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int WIDTH = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;

    private SvgPlot() {
    }

    /** One bar: a label, a value and how to print it. */
    record Bar(String label, double value, String printed) {
    }

    /** Latency (ms) against percentile for each series, on one linear y axis from 0. */
    static String distribution(String title, Map<String, Latencies> series) {
        Map<String, double[]> values = new LinkedHashMap<>();
        double max = 0;
        for (Map.Entry<String, Latencies> entry : series.entrySet()) {
            double[] points = new double[PERCENTILES.length];
            for (int i = 0; i < PERCENTILES.length; i++) {
                points[i] = entry.getValue().atPercentileMillis(PERCENTILES[i]);
                max = Math.max(max, points[i]);
            }
            values.put(entry.getKey(), points);
        }
        int plotHeight = 260;
        int legendTop = TOP + plotHeight + 56;
        int height = legendTop + 20 * series.size() + 10;
        double top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder svg = header(title, height);
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = TOP + plotHeight - plotHeight * value / top;
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, "end", format(value) + " ms"));
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            double x = LEFT + plotWidth * i / (double) (PERCENTILES.length - 1);
            svg.append(line(x, TOP, x, TOP + plotHeight, "#eee"));
            svg.append(text(x, TOP + plotHeight + 16, "middle", "p" + format(PERCENTILES[i])));
        }
        svg.append(text(LEFT + plotWidth / 2.0, TOP + plotHeight + 32, "middle", "percentile (evenly spaced)"));
        int s = 0;
        for (Map.Entry<String, double[]> entry : values.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            double[] ys = entry.getValue();
            for (int i = 0; i < ys.length; i++) {
                double x = LEFT + plotWidth * i / (double) (ys.length - 1);
                double y = TOP + plotHeight - plotHeight * ys[i] / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                        x, y, colour));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>\n");
            double y = legendTop + 20 * s;
            svg.append(line(LEFT, y - 4, LEFT + 24, y - 4, colour, 3));
            svg.append(text(LEFT + 30, y, "start", entry.getKey() + String.format(Locale.ROOT, " (p50 %s ms, p99 %s ms)",
                    format(ys[3]), format(ys[7]))));
            s++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal bars on one axis from 0, each labelled with its printed value. */
    static String bars(String title, List<Bar> bars) {
        int barHeight = 22;
        int gap = 12;
        int labelWidth = 300;
        int height = TOP + bars.size() * (barHeight + gap) + 20;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int plotWidth = WIDTH - labelWidth - RIGHT - 110;
        StringBuilder svg = header(title, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * (barHeight + gap);
            double width = max == 0 ? 0 : plotWidth * bar.value() / max;
            svg.append(text(labelWidth - 8, y + barHeight * 0.7, "end", bar.label()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y, width, barHeight, COLOURS[i % COLOURS.length]));
            svg.append(text(labelWidth + width + 6, y + barHeight * 0.7, "start", bar.printed()));
        }
        return svg.append("</svg>\n").toString();
    }

    static void write(Path file, String svg) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, svg);
    }

    private static StringBuilder header(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<title>%s</title>%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, height,
                WIDTH, height, escape(title)))
                .append(text(WIDTH / 2.0, 22, "middle", "font-size=\"14\" font-weight=\"bold\" ", title));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return line(x1, y1, x2, y2, colour, 1);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, int width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%d\"/>%n", x1, y1, x2, y2, colour, width);
    }

    private static String text(double x, double y, String anchor, String content) {
        return text(x, y, anchor, "", content);
    }

    /** A text element with {@code attributes} (each followed by a space) before its position. */
    private static String text(double x, double y, String anchor, String attributes, String content) {
        return String.format(Locale.ROOT, "<text %sx=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                attributes, x, y, anchor, escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above {@code value}: round tick labels. */
    static double niceCeiling(double value) {
        if (value <= 0 || !Double.isFinite(value)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "").replaceAll("^$", "0");
    }
}
