package dev.billingportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working: the quick mode runs every measurement end to end against the packaged portal
 * and writes its report. It asserts that each measure was taken and reported — never how fast anything was:
 * timings on a shared machine are the bench's business, not a test's.
 */
class BenchQuickIT {
    @Test
    void theQuickRunMeasuresEveryGoalAndWritesTheReport() throws Exception {
        Path output = Path.of("target", "performance-quick.md");
        Files.deleteIfExists(output);
        BenchSettings settings = BenchSettings.parse(new String[] {"--quick", "--output", output.toString(),
                "--work-dir", "target/bench-quick-it"});

        Report report = PerformanceBench.run(settings);
        report.writeTo(output, settings);

        List<String> measures = report.ratios().stream().map(Report.Ratio::what).toList();
        assertEquals(14, measures.size(), measures.toString());
        for (String goal : List.of("startup to ready", "resident memory", "depth ~200000 / first page, p50",
                "depth ~200000 / first page, p99", "raw JDBC keyset query", "raw JDBC insert + commit",
                "raw Jakarta Mail loop", "p99 post → SMTP accepted", "/users page (200 users)", "/ dashboard page",
                "/transactions page at depth ~200000 / its first page, p50",
                "/transactions page at depth ~200000 / its first page, p99",
                "/transactions page at depth ~200000 / the JSON API's same page")) {
            assertTrue(measures.stream().anyMatch(measure -> measure.contains(goal)), goal + " in " + measures);
        }
        report.ratios().forEach(ratio -> assertTrue(Double.isFinite(ratio.ratio()) && ratio.ratio() > 0,
                ratio.toString()));
        String written = Files.readString(output);
        assertTrue(written.contains(Report.BEGIN) && written.contains(Report.END), written);
        assertTrue(written.contains("quick mode"), "a quick run says its figures are not comparable");
    }
}
