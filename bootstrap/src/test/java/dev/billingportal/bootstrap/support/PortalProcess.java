package dev.billingportal.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal ({@code target/billing-portal.jar}) running as a separate process, configured only
 * through environment variables, so that tests can restart it, kill it, or watch it refuse to start.
 */
public final class PortalProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "billing-portal.jar").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private PortalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code workingDir} with exactly {@code environment} added; does not wait. */
    public static PortalProcess launch(Path workingDir, int port, Map<String, String> environment) {
        return launch(workingDir, port, environment, "512m");
    }

    /** As {@link #launch(Path, int, Map)}, with a heap limit ({@code -Xmx}) of {@code maxHeap}. */
    public static PortalProcess launch(Path workingDir, int port, Map<String, String> environment, String maxHeap) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run these tests with mvn verify");
        }
        try {
            Files.createDirectories(workingDir);
            Path log = Files.createTempFile(workingDir, "portal-", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-jar", JAR.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Nothing from the test JVM's own configuration leaks in: only what the test passes.
            builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SERVER_"));
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().putAll(environment);
            return new PortalProcess(builder.start(), log, port);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Starts and waits until {@code /health/ready} answers 200. */
    public static PortalProcess start(Path workingDir, int port, Map<String, String> environment) {
        return start(workingDir, port, environment, "512m");
    }

    public static PortalProcess start(Path workingDir, int port, Map<String, String> environment, String maxHeap) {
        PortalProcess portal = launch(workingDir, port, environment, maxHeap);
        portal.awaitReady(Duration.ofSeconds(60));
        return portal;
    }

    public void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The portal exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            Await.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("The portal was not ready within " + timeout + ":\n" + output());
    }

    public Api api() {
        return new Api(URI.create("http://127.0.0.1:" + port));
    }

    /** A graceful stop (SIGTERM), as an operator would do it. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** A crash (SIGKILL): no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The portal did not exit within " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException failure) {
            return "(no output: " + failure + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
