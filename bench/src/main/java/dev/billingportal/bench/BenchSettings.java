package dev.billingportal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much the bench does: the full run that docs/performance.md records, or the quick run CI keeps working;
 * with {@code --jfr} the portal's workload run is recorded with Java Flight Recorder (profile settings) into the
 * work directory, for finding where a missed goal's time goes; with {@code --only} some of the measures, to
 * check one fix against its own baseline without waiting for the rest.
 */
record BenchSettings(boolean quick, long transactions, long depth, int historySamples, int warmup,
                     int postingThreads, Duration postingTime, int mailRecipients, int mailPosts,
                     Duration latencyTime, int startups, int requestsBeforeMemory, Path output, Path workDir,
                     boolean flightRecording, Set<Measure> measures, BenchDatabase.Kind database) {
    /** Users of each posting account, all wanting billing notifications: each posting is mailed to each. */
    static final int POSTING_RECIPIENTS = 3;

    /** The groups of measures a run can be limited to ({@code --only history,mail}). */
    enum Measure {
        STARTUP, HISTORY, POSTING, MAIL, PAGES, WEBHOOKS, BILL_RUNS;

        static Set<Measure> parse(String list) {
            Set<Measure> measures = EnumSet.noneOf(Measure.class);
            for (String name : list.split(",")) {
                try {
                    measures.add(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException("unknown measure " + name + " (known: startup, history,"
                            + " posting, mail, pages, webhooks, bill-runs)");
                }
            }
            return measures;
        }
    }

    /** The bill run's file: the month of 100 000 payments; a quick run keeps its shape, 10 per account. */
    int billRunLines() {
        return quick ? 2_000 : 100_000;
    }

    int billRunAccounts() {
        return billRunLines() / 10;
    }

    boolean measures(Measure measure) {
        return measures.contains(measure);
    }

    /** Whether every measure runs. */
    boolean complete() {
        return measures.size() == Measure.values().length;
    }

    /**
     * Where the findings go: only a full run of every measure stands as the record in {@code output}; a quick
     * run (small data, no wait for the JIT) or a partial one is for checking the harness or a fix, and is
     * written to the work directory.
     */
    Path findings() {
        String suffix = onPostgreSql() ? "-postgresql" : "";
        if (quick) {
            return workDir.resolve("performance" + suffix + "-quick.md");
        }
        return complete() ? output : workDir.resolve("performance" + suffix + "-partial.md");
    }

    boolean onPostgreSql() {
        return database == BenchDatabase.Kind.POSTGRESQL;
    }

    /** Where the run's plots go: beside the findings, named for the database. */
    Path plot(String name) {
        Path findings = findings().toAbsolutePath();
        return findings.getParent().resolve("performance-" + database.name().toLowerCase(Locale.ROOT) + "-" + name
                + ".svg");
    }

    /** Options may arrive one per argument or several in one (as Maven passes {@code -Dbench.args}). */
    static BenchSettings parse(String[] arguments) {
        String[] args = Arrays.stream(arguments).flatMap(argument -> Arrays.stream(argument.trim().split("\\s+")))
                .filter(argument -> !argument.isEmpty()).toArray(String[]::new);
        boolean quick = false;
        boolean flightRecording = false;
        Set<Measure> measures = EnumSet.allOf(Measure.class);
        Long transactions = null;
        Path output = Path.of("docs", "performance.md");
        Path workDir = Path.of("target", "bench-work");
        BenchDatabase.Kind database = BenchDatabase.Kind.H2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jfr" -> flightRecording = true;
                case "--transactions" -> transactions = Long.parseLong(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--work-dir" -> workDir = Path.of(args[++i]);
                case "--only" -> measures = Measure.parse(args[++i]);
                case "--db" -> database = switch (args[++i].toLowerCase(Locale.ROOT)) {
                    case "h2" -> BenchDatabase.Kind.H2;
                    case "postgresql" -> BenchDatabase.Kind.POSTGRESQL;
                    default -> throw new IllegalArgumentException("unknown database " + args[i]
                            + " (known: h2, postgresql)");
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --quick, --db h2|postgresql, --transactions N, --output FILE, --work-dir DIR, --jfr,"
                        + " --only startup,history,posting,mail,pages,webhooks,bill-runs)");
            }
        }
        if (quick) {
            return new BenchSettings(true, transactions == null ? 210_000 : transactions, 200_000, 200, 100, 4,
                    Duration.ofSeconds(5), 4, 40, Duration.ofSeconds(5), 1, 1_000, output, workDir, flightRecording, measures,
                    database);
        }
        return new BenchSettings(false, transactions == null ? 10_000_000 : transactions, 200_000, 2_000, 1_000, 4,
                Duration.ofSeconds(30), 10, 300, Duration.ofSeconds(60), 3, 1_000, output, workDir, flightRecording,
                measures, database);
    }
}
