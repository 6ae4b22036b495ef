package dev.billingportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the bench starts as a separate process — the packaged portal or the bare Helidon hello application —
 * with the time from launch until a URL first answered 200, and its resident memory read from {@code /proc}.
 */
final class MeasuredProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long readyNanos;

    private MeasuredProcess(Process process, Path log, long readyNanos) {
        this.process = process;
        this.log = log;
        this.readyNanos = readyNanos;
    }

    /**
     * Launches {@code command} in {@code workingDir} with {@code environment} added and waits until
     * {@code readyUrl} answers 200 (polled every 10 ms, so the figure is at most 10 ms late).
     */
    static MeasuredProcess start(List<String> command, Path workingDir, Map<String, String> environment,
                                 URI readyUrl, Duration timeout) {
        try {
            Files.createDirectories(workingDir);
            Path log = workingDir.resolve("process-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SERVER_"));
            builder.environment().putAll(environment);
            long launched = System.nanoTime();
            Process process = builder.start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            long deadline = launched + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + ": " + Files.readString(log));
                }
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(readyUrl)
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return new MeasuredProcess(process, log, System.nanoTime() - launched);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            process.destroyForcibly();
            throw new IllegalStateException("not ready within " + timeout + ": " + Files.readString(log));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    long pid() {
        return process.pid();
    }

    Duration startupTime() {
        return Duration.ofNanos(readyNanos);
    }

    /** Resident set size in bytes ({@code VmRSS} in {@code /proc/<pid>/status}). */
    long residentBytes() {
        return statusBytes("VmRSS:");
    }

    /**
     * The part of the resident set backed by files ({@code RssFile}): the jars and an AOT cache mapped in, pages
     * the kernel can drop and that processes mapping the same file share.
     */
    long residentFileBytes() {
        return statusBytes("RssFile:");
    }

    private long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("no " + field + " for " + process.pid());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A graceful stop (SIGTERM), waiting for the process to end. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
