package dev.billingportal.adapter.out.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * A standalone Artemis broker made by {@code deploy/artemis/create-broker.sh} (from the apache-artemis distribution)
 * and run as a process of its own ({@code bin/artemis run}), loopback only, so that tests can kill it (SIGKILL),
 * restart it, or take its configuration away.
 */
public final class StandaloneBroker implements AutoCloseable {
    public static final String USER = "portal";
    public static final String PASSWORD = "broker-test-password";
    private static final Path SCRIPT = script();

    private final Path instance;
    private final int port;
    private Process process;
    private Path log;

    private StandaloneBroker(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** A broker instance in {@code instance} listening on {@code port}; {@code options} as the script takes them. */
    public static StandaloneBroker create(Path instance, int port, String... options) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), instance.toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--memory", "256M"));
        command.addAll(List.of(options));
        run(command, Map.of("ARTEMIS_PASSWORD", PASSWORD));
        return new StandaloneBroker(instance, port);
    }

    /** The portal's environment to use this broker (or a pair: pass the pair's URL instead). */
    public Map<String, String> portalEnvironment() {
        return portalEnvironment(url());
    }

    public static Map<String, String> portalEnvironment(String url) {
        return Map.of("PORTAL_JMS_MODE", "remote", "PORTAL_JMS_URL", url,
                "PORTAL_JMS_USER", USER, "PORTAL_JMS_PASSWORD", PASSWORD);
    }

    /** The broker's process id (its JVM: {@code bin/artemis} execs it); for CPU accounting. */
    public long pid() {
        return process.pid();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Messages in {@code queue} (waiting or being delivered), as the broker counts them. */
    public long depth(String queue) {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url());
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(USER, PASSWORD, false, true, true, false, 0)) {
            return session.queueQuery(SimpleString.of(queue)).getMessageCount();
        } catch (Exception failure) {
            throw new IllegalStateException("Could not ask the broker about " + queue, failure);
        }
    }

    /** Takes away the portal's settings: the broker is left with the distribution's stock configuration. */
    public void withStockConfiguration() {
        try {
            Files.move(properties(), instance.resolve("etc").resolve("broker.properties.portal"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Gives the portal's settings back (the broker applies them at its next start). */
    public void withPortalConfiguration() {
        try {
            Files.move(instance.resolve("etc").resolve("broker.properties.portal"), properties());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Path properties() {
        return instance.resolve("etc").resolve("broker.properties");
    }

    /** Starts the broker and waits until its log says {@code ready} (the active server's message by default). */
    public StandaloneBroker start() {
        return start("AMQ221007"); // Server is now active
    }

    /** A backup of a pair: ready when it has announced itself and waits for the primary to fail. */
    public StandaloneBroker startBackup() {
        return start("AMQ221031"); // backup announced
    }

    private StandaloneBroker start(String readyCode) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        try {
            log = Files.createTempFile(instance.getParent(), instance.getFileName() + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin").resolve("artemis").toString(), "run")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome());
            process = builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        awaitLog(readyCode, Duration.ofSeconds(60));
        return this;
    }

    /** Waits until the broker's log holds {@code text} (e.g. a backup's "AMQ221010" when it becomes active). */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The broker exited with " + process.exitValue() + ":\n" + output());
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("The broker's log did not show " + text + " within " + timeout + ":\n" + output());
    }

    /** A crash (SIGKILL): the journal is left as it was. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** A graceful stop (SIGTERM). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public String output() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException failure) {
            return "(no output: " + failure + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The shipped script, found from wherever the test or bench runs (a module's folder or the project's). */
    private static Path script() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path script = folder.resolve("deploy").resolve("artemis").resolve("create-broker.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("deploy/artemis/create-broker.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static String javaHome() {
        return Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();
    }

    private static void run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            builder.environment().put("JAVA_HOME", javaHome());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
