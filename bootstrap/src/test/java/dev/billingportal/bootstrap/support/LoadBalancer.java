package dev.billingportal.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy}) with the shipped {@code deploy/haproxy/haproxy.cfg}, in the foreground, on a
 * loopback port, balancing two api processes.
 */
public final class LoadBalancer implements AutoCloseable {
    private static final Path CONFIG = Path.of("..", "deploy", "haproxy", "haproxy.cfg").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private LoadBalancer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static LoadBalancer start(Path workingDir, int port, int api1, int api2) {
        try {
            Files.createDirectories(workingDir);
            Path log = Files.createTempFile(workingDir, "haproxy-", ".log");
            ProcessBuilder builder = new ProcessBuilder(executable(), "-db", "-f", CONFIG.toString())
                    .directory(workingDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PORTAL_API_1", "127.0.0.1:" + api1);
            builder.environment().put("PORTAL_API_2", "127.0.0.1:" + api2);
            builder.environment().put("PORTAL_LB_PORT", Integer.toString(port));
            LoadBalancer balancer = new LoadBalancer(builder.start(), log, port);
            balancer.awaitListening(Duration.ofSeconds(20));
            return balancer;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String executable() {
        return List.of("/usr/sbin/haproxy", "/usr/bin/haproxy").stream().filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "These tests need HAProxy: apt-get install haproxy (./portal.sh test installs it)"));
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Await.sleep(Duration.ofMillis(100));
            }
        }
        throw new AssertionError("HAProxy did not listen within " + timeout + ":\n" + output());
    }

    public Api api() {
        return new Api(URI.create("http://127.0.0.1:" + port));
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
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
