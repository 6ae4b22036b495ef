package dev.billingportal.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One installation of the packaged portal under test: a data directory, a port, an operator token and the SMTP
 * sink its mail goes to. Started and stopped as a separate process, as an operator runs it, with the same JVM
 * options as the hello application it is compared with.
 */
final class PortalInstance {
    static final String OPERATOR_TOKEN = "bench-operator-token-0123456789abcdef";

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final int smtpPort;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;

    PortalInstance(Path jar, Path dataDir, int port, int smtpPort, List<String> jvmOptions) {
        this(jar, dataDir, port, smtpPort, jvmOptions, Map.of());
    }

    /** With {@code environment} added: a role, a database server, a remote broker. */
    PortalInstance(Path jar, Path dataDir, int port, int smtpPort, List<String> jvmOptions,
                   Map<String, String> environment) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.smtpPort = smtpPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
    }

    /** The bench's secrets key (base64 of 32 bytes); a real installation generates or configures its own. */
    static final String SECRETS_KEY = "YmVuY2gtc2VjcmV0cy1rZXktMDEyMzQ1Njc4OWFiY2Q=";

    MeasuredProcess start() {
        return start(List.of());
    }

    /** Starts with {@code extraOptions} after the common JVM options (a flight recording, say). */
    MeasuredProcess start(List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.addAll(jvmOptions);
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        // No rate limits: the bench sends thousands of requests a second from one address, and measures the portal's
        // work, not its refusals.
        Map<String, String> all = new HashMap<>(Map.of(
                        "PORTAL_RATE_LIMIT_PER_ADDRESS", "0",
                        "PORTAL_RATE_LIMIT_PER_SESSION", "0",
                        "SERVER_PORT", Integer.toString(port),
                        "PORTAL_DATA_DIR", dataDir.toString(),
                        "PORTAL_OPERATOR_TOKEN", OPERATOR_TOKEN,
                        "PORTAL_MAIL_TRANSPORT", "smtp",
                        "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                        "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort)));
        // The bench's webhook receiver listens on plain HTTP on loopback, which a real portal refuses (spec §13).
        all.put("PORTAL_WEBHOOKS_INSECURE_HOSTS", "127.0.0.1");
        all.put("PORTAL_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
        // One secrets key for every instance: the scale-out bench runs several processes on one database.
        all.put("PORTAL_SECRETS_KEY", SECRETS_KEY);
        all.putAll(environment);
        return MeasuredProcess.start(command, dataDir.getParent(), all,
                URI.create("http://127.0.0.1:" + port + "/health/ready"), Duration.ofMinutes(3));
    }

    Path dataDir() {
        return dataDir;
    }

    PortalClient client() {
        return new PortalClient(port, OPERATOR_TOKEN);
    }
}
