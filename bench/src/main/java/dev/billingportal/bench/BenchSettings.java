package dev.billingportal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * How much the bench does: the full run that docs/performance.md records, or the quick run CI keeps working;
 * with {@code --jfr} the portal's workload run is recorded with Java Flight Recorder (profile settings) into the
 * work directory, for finding where a missed goal's time goes.
 */
record BenchSettings(boolean quick, long transactions, long depth, int historySamples, int warmup,
                     int postingThreads, Duration postingTime, int mailRecipients, int mailPosts,
                     Duration latencyTime, int startups, int requestsBeforeMemory, Path output, Path workDir,
                     boolean flightRecording) {

    /** Options may arrive one per argument or several in one (as Maven passes {@code -Dbench.args}). */
    static BenchSettings parse(String[] arguments) {
        String[] args = Arrays.stream(arguments).flatMap(argument -> Arrays.stream(argument.trim().split("\\s+")))
                .filter(argument -> !argument.isEmpty()).toArray(String[]::new);
        boolean quick = false;
        boolean flightRecording = false;
        Long transactions = null;
        Path output = Path.of("docs", "performance.md");
        Path workDir = Path.of("target", "bench-work");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jfr" -> flightRecording = true;
                case "--transactions" -> transactions = Long.parseLong(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--work-dir" -> workDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --quick, --transactions N, --output FILE, --work-dir DIR, --jfr)");
            }
        }
        if (quick) {
            return new BenchSettings(true, transactions == null ? 210_000 : transactions, 200_000, 200, 100, 4,
                    Duration.ofSeconds(5), 4, 40, Duration.ofSeconds(5), 1, 1_000, output, workDir, flightRecording);
        }
        return new BenchSettings(false, transactions == null ? 10_000_000 : transactions, 200_000, 2_000, 1_000, 4,
                Duration.ofSeconds(30), 10, 300, Duration.ofSeconds(60), 3, 1_000, output, workDir, flightRecording);
    }
}
