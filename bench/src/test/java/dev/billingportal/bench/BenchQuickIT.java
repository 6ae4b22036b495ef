package dev.billingportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working: the quick mode runs every measurement end to end against the packaged portal, on H2
 * and on the bench's own PostgreSQL, and writes its report and plots. It asserts that each measure was taken against
 * each of its baselines and reported — never how fast anything was: timings on a shared machine are the bench's
 * business, not a test's.
 */
class BenchQuickIT {
    /** Every goal's measure, and every reference line beside it. */
    private static final List<String> MEASURES = List.of("startup to ready (median), the JVM's defaults",
            "resident memory after 1 000 requests (median), the JVM's defaults",
            "history API first page / bare JAX-RS GET on the hello application",
            "history API page at depth ~200000 / bare JAX-RS GET on the hello application",
            "history API first page / bare JAX-RS GET + the raw JDBC query of the same page",
            "history API page at depth ~200000 / bare JAX-RS GET + the raw JDBC query of the same page",
            "bare JAX-RS GET + the raw JDBC session check and query of the same page",
            "history page at depth ~200000 / first page, p50", "history page at depth ~200000 / first page, p99",
            "raw JDBC keyset query", "the same rows written by hand over JDBC",
            "raw JDBC insert + commit of the transaction row alone",
            "raw loop sending the same mail and committing its delivery row", "raw Jakarta Mail loop, no database",
            "p99 post → SMTP accepted", "/users page (200 users)", "/ dashboard page",
            "/transactions page at depth ~200000 / its first page, p50",
            "/transactions page at depth ~200000 / its first page, p99",
            "/transactions page at depth ~200000 / the JSON API's same page",
            "raw loop signing, POSTing and committing its attempt row", "p99 post → webhook receiver",
            "raw JDBC batch loop writing the same rows in the same chunks and transactions");
    /** Goal 5 under JDK 25's AOT cache, each application trained by a start of its own (where the JDK has it). */
    private static final List<String> AOT_MEASURES = List.of("startup to ready (median), an AOT cache each",
            "resident memory after 1 000 requests (median), an AOT cache each");
    private static final List<String> PLOTS = List.of("history-latency", "history-wrk", "posting", "mail",
            "mail-latency");

    @Test
    void theQuickRunOnH2MeasuresEveryGoalAndWritesTheReportAndPlots() throws Exception {
        quickRun("h2", Report.BEGIN, Report.END);
    }

    @Test
    void theQuickRunOnPostgreSqlMeasuresEveryGoalAndWritesTheReportAndPlots() throws Exception {
        String written = quickRun("postgresql", Report.BEGIN_POSTGRESQL, Report.END_POSTGRESQL);
        assertTrue(written.contains("synchronous_commit on"), "names the durable PostgreSQL it ran on: " + written);
    }

    private static String quickRun(String database, String begin, String end) throws Exception {
        Path work = Path.of("target", "bench-quick-it-" + database);
        Path output = work.resolve("performance.md");
        BenchSettings settings = BenchSettings.parse(new String[] {"--quick", "--db", database,
                "--output", output.toString(), "--work-dir", work.toString()});

        Report report = PerformanceBench.run(settings);
        report.writeTo(settings.findings(), settings);

        List<String> measures = report.ratios().stream().map(Report.Ratio::what).toList();
        List<String> expected = new java.util.ArrayList<>(MEASURES);
        boolean aotCache = Jvm.featureVersion() >= 25;
        if (aotCache) {
            expected.addAll(AOT_MEASURES);
        }
        assertEquals(expected.size(), measures.size(), measures.toString());
        for (String measure : expected) {
            assertTrue(measures.stream().anyMatch(what -> what.contains(measure)), measure + " in " + measures);
        }
        report.ratios().forEach(ratio -> assertTrue(Double.isFinite(ratio.ratio()) && ratio.ratio() > 0,
                ratio.toString()));
        assertEquals(aotCache ? 6 : 4, report.ratios().stream().filter(Report.Ratio::reference).count(),
                "the machine's limits reported beside the goals: " + measures);
        String written = Files.readString(settings.findings());
        assertTrue(written.contains(begin) && written.contains(end), written);
        assertTrue(written.contains("quick mode"), "a quick run says its figures are not comparable");
        assertTrue(written.contains("### Bill runs") && written.contains("mail backlog"),
                "the bill run's mail backlog: " + written);
        assertTrue(written.contains("### Posting and its mails on the same cores") && written.contains("of that ceiling"),
                "goal 3's ceiling while delivery shares the cores: " + written);
        for (String plot : PLOTS) {
            Path file = settings.plot(plot);
            assertTrue(Files.exists(file), file + " written");
            String svg = Files.readString(file);
            assertTrue(svg.startsWith("<svg") && svg.strip().endsWith("</svg>") && svg.contains("<polyline")
                    == plot.endsWith("latency"), plot + ": " + svg);
            assertTrue(written.contains("](" + file.getFileName() + ")"), "the report links " + file.getFileName());
        }
        return written;
    }
}
