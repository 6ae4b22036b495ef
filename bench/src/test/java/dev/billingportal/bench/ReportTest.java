package dev.billingportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path directory;

    private final BenchSettings settings = BenchSettings.parse(new String[] {"--quick"});

    @Test
    void replacesOnlyWhatIsBetweenItsMarkers() throws Exception {
        Path file = directory.resolve("performance.md");
        Files.writeString(file, "# Performance\n\nNotes before.\n\n" + Report.BEGIN + "\nold figures\n" + Report.END
                + "\n\n## Profiling notes\n\nkept as written\n");
        Report report = new Report();
        report.ratio("a measure", "2 ms", "1 ms", 2.0, "≤ 1.5", false);
        report.section("Raw", List.of("one line"));

        report.writeTo(file, settings);

        String written = Files.readString(file);
        assertTrue(written.startsWith("# Performance\n\nNotes before.\n\n" + Report.BEGIN), written);
        assertTrue(written.endsWith(Report.END + "\n\n## Profiling notes\n\nkept as written\n"), written);
        assertTrue(!written.contains("old figures"), written);
        assertTrue(written.contains("| a measure | 2 ms | 1 ms | 2.00 | ≤ 1.5 | **no** |"), written);
        assertTrue(written.contains("### Raw\n\n- one line\n"), written);
    }

    @Test
    void optionsArriveOneByOneOrAllInOneArgument() {
        BenchSettings together = BenchSettings.parse(new String[] {"--quick --transactions 5000", ""});
        BenchSettings apart = BenchSettings.parse(new String[] {"--quick", "--transactions", "5000"});

        assertEquals(5_000, together.transactions());
        assertEquals(together, apart);
        assertTrue(BenchSettings.parse(new String[0]).transactions() > together.transactions());
    }

    @Test
    void aRunCanBeLimitedToSomeMeasuresAndIsThenNotTheRecord() {
        BenchSettings all = BenchSettings.parse(new String[] {"--quick"});
        BenchSettings some = BenchSettings.parse(new String[] {"--quick", "--only", "mail,History"});

        assertTrue(all.complete());
        assertFalse(some.complete());
        assertTrue(some.measures(BenchSettings.Measure.MAIL) && some.measures(BenchSettings.Measure.HISTORY));
        assertFalse(some.measures(BenchSettings.Measure.POSTING) || some.measures(BenchSettings.Measure.STARTUP));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.parse(new String[] {"--only", "mail,speed"}));
        assertTrue(unknown.getMessage().contains("speed"), unknown.getMessage());
    }

    @Test
    void onlyAFullRunOfEveryMeasureIsWrittenAsTheRecord() {
        String[] elsewhere = {"--output", "docs/p.md", "--work-dir", "w"};
        BenchSettings full = BenchSettings.parse(elsewhere);
        BenchSettings quick = BenchSettings.parse(concat(elsewhere, "--quick"));
        BenchSettings partial = BenchSettings.parse(concat(elsewhere, "--only", "posting"));

        assertEquals(Path.of("docs", "p.md"), full.findings());
        assertEquals(Path.of("w", "performance-quick.md"), quick.findings());
        assertEquals(Path.of("w", "performance-partial.md"), partial.findings());
    }

    @Test
    void thePostgreSqlRunHasItsOwnPartOfTheSameFileAndItsOwnWorkFiles() throws Exception {
        Path file = directory.resolve("performance.md");
        Files.writeString(file, "# Performance\n\n" + Report.BEGIN + "\nH2 figures\n" + Report.END + "\n\n"
                + Report.BEGIN_POSTGRESQL + "\nold PostgreSQL figures\n" + Report.END_POSTGRESQL + "\n\nnotes\n");
        BenchSettings postgresql = BenchSettings.parse(new String[] {"--quick", "--db", "PostgreSQL"});
        Report report = new Report();
        report.database("PostgreSQL 15");
        report.reference("a limit", "2 ms", "1 ms", 2.0);

        report.writeTo(file, postgresql);

        String written = Files.readString(file);
        assertTrue(written.contains(Report.BEGIN + "\nH2 figures\n" + Report.END), written);
        assertFalse(written.contains("old PostgreSQL figures"), written);
        assertTrue(written.contains("## Latest run on PostgreSQL") && written.contains("- Database: PostgreSQL 15"),
                written);
        assertTrue(written.contains("| a limit | 2 ms | 1 ms | 2.00 | reference | — |"), written);
        assertTrue(written.endsWith(Report.END_POSTGRESQL + "\n\nnotes\n"), written);
        assertEquals(Path.of("target", "bench-work", "performance-postgresql-quick.md"), postgresql.findings());
        assertTrue(postgresql.plot("mail").endsWith("performance-postgresql-mail.svg"), postgresql.plot("mail")
                .toString());
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse(new String[] {"--db", "oracle"}));
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more))
                .toArray(String[]::new);
    }
}
