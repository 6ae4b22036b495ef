package dev.billingportal.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Kill Bill 0.22.26, the peer a self-hosting provider would pick instead, run the way found to work here: its war under
 * Jetty's runner (both fetched with Maven), its schema loaded from the war's own jars into
 * a PostgreSQL database, one tenant, one account with the external payment method; payments posted and the account
 * timeline read through its REST API.
 */
final class KillBill implements AutoCloseable {
    static final String VERSION = "0.22.26";
    private static final String JETTY = "9.4.57.v20241219";
    /** The modules whose {@code org/killbill/billing/<m>/ddl.sql} make its schema (util's helpers first). */
    private static final List<String> MODULES = List.of("account", "beatrix", "catalog", "entitlement", "invoice",
            "payment", "subscription", "tenant", "usage", "util");
    private static final String API_KEY = "bench";
    private static final String API_SECRET = "bench-secret";
    /**
     * What its OSGi framework (the URL handlers) and Guice's class generation (java.lang and the rest) reach into on
     * Java 17; without them the web application fails to deploy.
     */
    private static final String[] OPENS = {"sun.net.www.protocol.jar", "sun.net.www.protocol.file",
            "sun.net.www.protocol.http", "sun.net.www.protocol.https", "sun.net.www.protocol.ftp",
            "sun.net.www.protocol.mailto", "sun.net.www.protocol.jrt", "java.lang", "java.lang.reflect", "java.util",
            "java.util.concurrent", "java.net", "java.io", "java.text", "java.security"};

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KillBill(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts Kill Bill on {@code jdbcUrl} (an empty PostgreSQL database, user postgres) and makes its tenant. */
    static KillBill start(Path work, String jdbcUrl) throws Exception {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path war = fetch(repository, "org.kill-bill.billing:killbill-profiles-killbill:" + VERSION + ":war",
                repository.resolve("org/kill-bill/billing/killbill-profiles-killbill/" + VERSION
                        + "/killbill-profiles-killbill-" + VERSION + ".war"));
        Path runner = fetch(repository, "org.eclipse.jetty:jetty-runner:" + JETTY, repository.resolve(
                "org/eclipse/jetty/jetty-runner/" + JETTY + "/jetty-runner-" + JETTY + ".jar"));
        loadSchema(war, jdbcUrl);
        Files.createDirectories(work.resolve("bundles"));
        Path properties = work.resolve("killbill.properties");
        Files.writeString(properties, String.join("\n",
                "org.killbill.dao.url=" + jdbcUrl, "org.killbill.dao.user=postgres", "org.killbill.dao.password=",
                "org.killbill.billing.osgi.dao.url=" + jdbcUrl, "org.killbill.billing.osgi.dao.user=postgres",
                "org.killbill.billing.osgi.dao.password=",
                "org.killbill.osgi.bundle.install.dir=" + work.resolve("bundles"),
                "org.killbill.server.updateCheck.skip=true",
                // Its default, 200 000 SHA-512 rounds per tenant-authenticated request, costs ~60 ms each; its docs
                // advise 1 where latency matters.
                "org.killbill.security.shiroNbHashIterations=1", ""));
        int port = Jvm.freePort();
        List<String> command = new ArrayList<>(List.of(java17(), "-Xmx1536m", "-Duser.timezone=UTC",
                // Jetty's runner logs through SLF4J without a binding, which drops a failed deployment's cause.
                "-Dorg.eclipse.jetty.util.log.class=org.eclipse.jetty.util.log.StdErrLog",
                "-Dorg.killbill.server.properties=file://" + properties.toAbsolutePath()));
        for (String open : OPENS) {
            command.addAll(List.of("--add-opens", "java.base/" + open + "=ALL-UNNAMED"));
        }
        command.addAll(List.of("-jar", runner.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--path", "/", war.toString()));
        Path log = work.resolve("killbill.log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        KillBill killBill = new KillBill(process, port);
        try {
            killBill.awaitStarted(log, Duration.ofMinutes(3));
            killBill.createTenant();
            return killBill;
        } catch (Exception | Error failure) {
            killBill.close();
            throw failure;
        }
    }

    /**
     * Kill Bill 0.22 runs on Java 17 (its web application does not deploy on JDK 25, silently): the JDK 17 under
     * {@code /usr/lib/jvm}, or {@code KILLBILL_JAVA}.
     */
    private static String java17() throws IOException {
        String chosen = System.getenv("KILLBILL_JAVA");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.map(jdk -> jdk.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .filter(java -> java.toString().contains("-17-") || java.toString().contains("17-openjdk"))
                    .map(Path::toString)
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Kill Bill needs a JDK 17 under /usr/lib/jvm"
                            + " (apt-get install openjdk-17-jre-headless), or KILLBILL_JAVA"));
        }
    }

    private static Path fetch(Path repository, String artifact, Path file) throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            Process maven = new ProcessBuilder("mvn", "-B", "-q", "dependency:get", "-Dtransitive=false",
                    "-Dartifact=" + artifact).inheritIO().start();
            if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(file)) {
                throw new IllegalStateException("could not fetch " + artifact + " with Maven");
            }
        }
        return file;
    }

    /** util's PostgreSQL helpers, then each module's DDL, read from the jars inside the war. */
    private static void loadSchema(Path war, String jdbcUrl) throws IOException, SQLException {
        Map<String, String> scripts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            scripts.put("util/ddl-postgresql", entry(zip, "util", "org/killbill/billing/util/ddl-postgresql.sql"));
            for (String module : MODULES) {
                scripts.put(module, entry(zip, module, "org/killbill/billing/" + module + "/ddl.sql"));
            }
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                try {
                    statement.execute(script.getValue());
                } catch (SQLException failure) {
                    throw new SQLException("Kill Bill's " + script.getKey() + " DDL failed: " + failure.getMessage(),
                            failure);
                }
            }
        }
    }

    private static String entry(ZipFile war, String module, String path) throws IOException {
        ZipEntry jar = war.getEntry("WEB-INF/lib/killbill-" + module + "-" + VERSION + ".jar");
        if (jar == null) {
            throw new IllegalStateException("the war has no killbill-" + module + " jar");
        }
        try (InputStream bytes = war.getInputStream(jar);
             ZipInputStream inner = new ZipInputStream(new ByteArrayInputStream(bytes.readAllBytes()))) {
            for (ZipEntry file = inner.getNextEntry(); file != null; file = inner.getNextEntry()) {
                if (file.getName().equals(path)) {
                    return new String(inner.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("killbill-" + module + " has no " + path);
    }

    private void awaitStarted(Path log, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kill Bill exited: " + tail(log));
            }
            if (Files.size(log) > 200_000_000L) { // its OSGi retry loop writes ~1.5 GB a minute when it cannot start
                throw new IllegalStateException("Kill Bill is failing to start: " + tail(log));
            }
            // Its own "has started" comes before Jetty opens the port: ready when both are so.
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("Kill Bill server has started")
                    && listening()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Kill Bill did not start within " + timeout + ": " + tail(log));
    }

    private boolean listening() {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("127.0.0.1", base.getPort()), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        return text.substring(Math.max(0, text.length() - 3_000));
    }

    private void createTenant() {
        send(admin("/1.0/kb/tenants").POST(HttpRequest.BodyPublishers.ofString(
                "{\"apiKey\":\"" + API_KEY + "\",\"apiSecret\":\"" + API_SECRET + "\"}")), 201);
    }

    /** A new account with the external payment method as its default; its id. */
    String newAccount(String name) {
        HttpResponse<String> created = send(tenant("/1.0/kb/accounts").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"" + name + "\",\"currency\":\"USD\"}")), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String accountId = location.substring(location.lastIndexOf('/') + 1);
        send(tenant("/1.0/kb/accounts/" + accountId + "/paymentMethods?isDefault=true").POST(
                HttpRequest.BodyPublishers.ofString("{\"pluginName\":\"__EXTERNAL_PAYMENT__\",\"pluginInfo\":{}}")),
                201);
        return accountId;
    }

    /** A payment of 1.00 (a PURCHASE through the external payment method). */
    void postPayment(String accountId) {
        send(tenant("/1.0/kb/accounts/" + accountId + "/payments").POST(HttpRequest.BodyPublishers.ofString(
                "{\"transactionType\":\"PURCHASE\",\"amount\":1.00,\"currency\":\"USD\"}")), 201);
    }

    /** The account's timeline: its invoices, payments and events, all of them (Kill Bill does not page it). */
    void timeline(String accountId) {
        send(tenant("/1.0/kb/accounts/" + accountId + "/timeline").GET(), 200);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Killbill-CreatedBy", "bench")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder tenant(String path) {
        return admin(path).header("X-Killbill-ApiKey", API_KEY).header("X-Killbill-ApiSecret", API_SECRET);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
