package dev.billingportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} as the load client: one thread, one kept-alive connection, requests back to back. Its own cost
 * per request is a few microseconds — far below what it measures — where the bench's java.net.http client adds
 * hundreds (docs/performance.md), and reading a large page as a Java string adds more.
 */
final class Wrk {
    private static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The p50 and p99 of one run, in milliseconds. */
    record Run(double p50Millis, double p99Millis) {
    }

    static Run run(String url, Map<String, String> headers, Duration duration) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-t1", "-c1",
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "10s"));
        headers.forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(url);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            if (output.contains("Non-2xx or 3xx responses")) {
                throw new IllegalStateException("wrk saw failed requests on " + url + ": " + output);
            }
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            Matcher matcher = PERCENTILE.matcher(output);
            while (matcher.find()) {
                double millis = Double.parseDouble(matcher.group(2)) * switch (matcher.group(3)) {
                    case "us" -> 0.001;
                    case "ms" -> 1;
                    default -> 1000;
                };
                if (matcher.group(1).equals("50")) {
                    p50 = millis;
                } else {
                    p99 = millis;
                }
            }
            if (Double.isNaN(p50) || Double.isNaN(p99)) {
                throw new IllegalStateException("no latency distribution in wrk's output: " + output);
            }
            return new Run(p50, p99);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static String describe(List<Run> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%.3f", run.p50Millis()))
                .collect(java.util.stream.Collectors.joining(", ", "p50 per round [", "] ms"))
                + runs.stream().map(run -> String.format(Locale.ROOT, "%.3f", run.p99Millis()))
                .collect(java.util.stream.Collectors.joining(", ", ", p99 per round [", "] ms"));
    }
}
