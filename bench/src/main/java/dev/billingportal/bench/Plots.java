package dev.billingportal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plots of one run, written beside its findings and linked from them: the history's latency distributions
 * (first against deep page, the API against the floors), goal 2's wrk figures, the posting and mail throughputs
 * against their baselines, and the mail latency distribution at half load.
 */
final class Plots {
    private Plots() {
    }

    static void write(Report report, BenchSettings settings, HistoryPages history, PostingThroughput posting,
                      MailDelivery mail) throws IOException {
        String database = settings.onPostgreSql() ? "PostgreSQL" : "H2";
        List<String> links = new ArrayList<>();
        if (history != null) {
            Map<String, Latencies> series = new LinkedHashMap<>();
            series.put("API, first page", history.apiFirst());
            series.put("API, page at depth ~" + settings.depth(), history.apiDeep());
            series.put("GET /health/live (the HTTP floor)", history.httpFloor());
            series.put("raw JDBC, first page", history.rawFirst());
            series.put("raw JDBC, page at depth ~" + settings.depth(), history.rawDeep());
            links.add(plot(settings, "history-latency", "History pages by the bench's Java client (" + database + ")",
                    SvgPlot.distribution("History pages, latency by percentile — Java client, " + database, series)));
            links.add(plot(settings, "history-wrk", "Goal 2 by wrk (" + database + ")", SvgPlot.bars(
                    "History API against a bare JAX-RS GET — wrk, one connection, " + database, List.of(
                            bar("API first page, p50", history.wrk(HistoryPages.WrkTarget.FIRST_PAGE, Wrk.Run::p50Millis)),
                            bar("API page at depth, p50", history.wrk(HistoryPages.WrkTarget.DEEP_PAGE, Wrk.Run::p50Millis)),
                            bar("bare GET /hello, p50", history.wrk(HistoryPages.WrkTarget.HELLO, Wrk.Run::p50Millis)),
                            bar("API first page, p99", history.wrk(HistoryPages.WrkTarget.FIRST_PAGE, Wrk.Run::p99Millis)),
                            bar("API page at depth, p99", history.wrk(HistoryPages.WrkTarget.DEEP_PAGE, Wrk.Run::p99Millis)),
                            bar("bare GET /hello, p99", history.wrk(HistoryPages.WrkTarget.HELLO, Wrk.Run::p99Millis))))));
        }
        if (posting != null) {
            links.add(plot(settings, "posting", "Postings per second (" + database + ")", SvgPlot.bars(
                    "Postings per second, " + settings.postingThreads() + " threads — " + database, List.of(
                            rate("through the API", posting.api().perSecond()),
                            rate("the same rows by hand (JDBC)", posting.sameWrites().perSecond()),
                            rate("transaction row alone (reference)", posting.insertOnly().perSecond())))));
        }
        if (mail != null) {
            links.add(plot(settings, "mail", "Mails per second (" + database + ")", SvgPlot.bars(
                    "Mails per second — " + database, List.of(
                            rate("post → SMTP accepted (portal)", mail.mailsPerSecond()),
                            rate("raw loop + delivery row (JDBC)", mail.recordedLoop().perSecond()),
                            rate("raw Jakarta Mail loop (reference)", mail.rawLoop().perSecond())))));
            links.add(plot(settings, "mail-latency", "Post → SMTP accepted at half load (" + database + ")",
                    SvgPlot.distribution("Post → SMTP accepted at half the end-to-end rate — " + database,
                            Map.of("each mail of each post", mail.latency()))));
        }
        if (!links.isEmpty()) {
            report.section("Plots", links);
        }
    }

    private static String plot(BenchSettings settings, String name, String caption, String svg) throws IOException {
        Path file = settings.plot(name);
        SvgPlot.write(file, svg);
        return "![" + caption + "](" + file.getFileName() + ")";
    }

    private static SvgPlot.Bar bar(String label, double millis) {
        return new SvgPlot.Bar(label, millis, Report.ms(millis));
    }

    private static SvgPlot.Bar rate(String label, double perSecond) {
        return new SvgPlot.Bar(label, perSecond, String.format(java.util.Locale.ROOT, "%.1f/s", perSecond));
    }
}
