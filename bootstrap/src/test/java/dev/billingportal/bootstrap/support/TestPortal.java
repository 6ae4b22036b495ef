package dev.billingportal.bootstrap.support;

import dev.billingportal.adapter.out.persistence.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Configuration of a portal under test: its own data directory, a random HTTP port, a known operator
 * token, mail over SMTP to a test server on loopback, and retries fast enough for tests. Its database is the
 * embedded H2 in the data directory, or, in the build's PostgreSQL test run, a database of its own on a private
 * PostgreSQL server ({@link TestPostgres}).
 */
public final class TestPortal {
    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789abcdef";
    /** The secrets key the processes of one test portal share (base64 of 32 bytes), as a scaled-out portal must. */
    public static final String SECRETS_KEY = "dGVzdC1zZWNyZXRzLWtleS0wMTIzNDU2Nzg5YWJjZGU=";

    private TestPortal() {
    }

    public static ConfigSource config(int smtpPort, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("server.port", "0");
        values.put("server.host", "127.0.0.1");
        values.put("portal.data-dir", newDataDir().toString());
        values.put("portal.base-url", "http://portal.test");
        values.put("portal.operator.token", OPERATOR_TOKEN);
        values.put("portal.mail.transport", "smtp");
        values.put("portal.mail.smtp.host", "127.0.0.1");
        values.put("portal.mail.smtp.port", Integer.toString(smtpPort));
        values.put("portal.mail.smtp.connect-timeout-ms", "2000");
        values.put("portal.mail.smtp.read-timeout-ms", "5000");
        values.put("portal.mail.smtp.write-timeout-ms", "5000");
        values.put("portal.mail.from", "billing@portal.test");
        values.put("portal.notifications.retry.initial-delay-ms", "200");
        values.put("portal.notifications.retry.multiplier", "2");
        values.put("portal.notifications.retry.max-delay-ms", "1000");
        values.put("portal.notifications.max-attempts", "5");
        values.put("portal.outbox.poll-interval-ms", "200");
        if (TestPostgres.requested()) { // the build's second test run: the same tests on PostgreSQL
            values.put("portal.db.url", TestPostgres.newDatabase());
            values.put("portal.db.user", "postgres");
        }
        values.putAll(overrides);
        return new MapConfigSource(values, 500);
    }

    /**
     * Webhooks to a receiver of the test's own on loopback (plain HTTP, which a real portal refuses), and due retries
     * queued every 200 ms rather than every second.
     */
    public static final Map<String, String> WEBHOOKS_ON_LOOPBACK = Map.of(
            "portal.webhooks.insecure-hosts", "127.0.0.1",
            "portal.webhooks.allowed-networks", "127.0.0.1/32",
            "portal.webhooks.scheduler-interval-ms", "200");

    /**
     * A new data directory, deleted when the test JVM exits: a full test run makes hundreds (databases, broker
     * journals), some gigabytes in all, which would otherwise stay in the temporary directory run after run.
     */
    public static Path newDataDir() {
        try {
            Path dir = Files.createTempDirectory("portal-test-");
            synchronized (DATA_DIRS) {
                if (DATA_DIRS.isEmpty()) {
                    Runtime.getRuntime().addShutdownHook(new Thread(TestPortal::deleteDataDirs, "delete-data-dirs"));
                }
                DATA_DIRS.add(dir);
            }
            return dir;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static final List<Path> DATA_DIRS = new ArrayList<>();

    private static void deleteDataDirs() {
        synchronized (DATA_DIRS) {
            for (Path dir : DATA_DIRS) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                } catch (IOException | UncheckedIOException gone) {
                    // best effort: the JVM is exiting
                }
            }
        }
    }

    /** Exactly these values as a configuration source (the portal's defaults fill in the rest). */
    public static ConfigSource source(Map<String, String> values) {
        return new MapConfigSource(Map.copyOf(values), 500);
    }

    /**
     * A portal under test on {@code port} rather than a random one, for a test that must know the portal's address
     * before it starts (its {@code portal.base-url}): outranks the test framework's own {@code server.port=0} (1000).
     */
    public static ConfigSource onPort(int port, int smtpPort, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(config(smtpPort, overrides).getProperties());
        values.put("server.port", Integer.toString(port));
        return new MapConfigSource(Map.copyOf(values), 1100);
    }

    /** At 500, outranks microprofile-config.properties (100) and system properties (400). */
    private record MapConfigSource(Map<String, String> values, int ordinal) implements ConfigSource {
        @Override
        public Map<String, String> getProperties() {
            return values;
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "test-portal";
        }

        @Override
        public int getOrdinal() {
            return ordinal;
        }
    }
}
