package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.persistence.TransactionGenerator;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole history as CSV streams with bounded memory: 300 000 transactions through a portal limited to a
 * 76 MB heap. Holding them would need about 166 MB: 116 MB for the 300 000 transactions alone (measured:
 * 100 000 retain 34-39 MB) on top of the ~50 MB the portal needs to start. The limit follows the portal's own live
 * heap, beside which the sign-in's Argon2id (19 MiB) must fit: 64 MB until the provider's side raised it by 2.2-2.4 MB,
 * then 72 MB; webhooks (spec §13) raised it again, from 51.0 MB to 52.7 MB after start and two full GCs at -Xmx72m
 * (their operations in the OpenAPI model and the routes — the webhook HTTP client, whose TLS context loads the trust
 * store, is made at the first attempt, not at start), which left the sign-in too little at 72 MB. The export itself
 * did not change, and 76 MB is still less than half of what holding the rows would take.
 */
class HistoryExportIT {
    private static final int TRANSACTIONS = 300_000;

    @TempDir
    Path workingDir;

    @Test
    void threeHundredThousandTransactionsStreamAsCsvWithinA64MbHeap() throws Exception {
        int port = PortalProcess.freePort();
        Path data = workingDir.resolve("data");
        Map<String, String> environment = Map.of("PORTAL_DATA_DIR", data.toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN);
        String accountId;
        String username = "csv-" + UUID.randomUUID() + "@example.com";
        try (PortalProcess portal = PortalProcess.start(workingDir, port, environment)) {
            Api.Reply created = portal.api().post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                    OperatorAccountsTest.account(username));
            assertEquals(201, created.status(), created.body());
            accountId = created.json().getString("id");
            Await.until(Duration.ofSeconds(15), () -> invitationToken(data) != null, "the invitation file");
            String token = invitationToken(data);
            MailedLinks.awaitLive(portal.api(), "/invitation?token=" + token);
            assertEquals(204, portal.api().post("/api/v1/auth/invitations/accept", null, "{\"token\":\""
                    + token + "\",\"password\":\"correct horse battery staple\"}").status());
            portal.stop();
        }

        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + data.resolve("db").resolve("portal"));
        database.setUser("sa");
        TransactionGenerator.append(database, UUID.fromString(accountId), TRANSACTIONS,
                Instant.parse("2020-01-01T00:00:00Z"), Duration.ofMinutes(5));

        try (PortalProcess portal = PortalProcess.start(workingDir, port, environment, "76m")) {
            Api.Reply login = portal.api().post("/api/v1/auth/login", null,
                    "{\"username\":\"" + username + "\",\"password\":\"correct horse battery staple\"}");
            assertEquals(200, login.status(), login.body());
            String token = login.json().getString("accessToken");

            HttpResponse<InputStream> csv = HttpClient.newHttpClient().send(portal.api()
                            .request("/api/v1/accounts/" + accountId + "/transactions", token)
                            .timeout(Duration.ofMinutes(5)).header("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, csv.statusCode());
            long lines = 0;
            String first = null;
            String last = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (lines == 1) {
                        first = line;
                    }
                    last = line;
                    lines++;
                }
            }

            assertEquals(TRANSACTIONS + 1, lines, "a header and every transaction");
            assertTrue(first.startsWith(TRANSACTIONS + ","), "newest first: " + first);
            assertTrue(last.startsWith("1,"), "down to the first: " + last);
            assertEquals(200, portal.api().get("/health/live", null).status(), "still alive after the export");
            assertFalse(portal.output().contains("OutOfMemoryError"), portal.output());
        }
    }

    private static String invitationToken(Path data) {
        Path mail = data.resolve("mail");
        if (!Files.isDirectory(mail)) {
            return null;
        }
        try (Stream<Path> files = Files.list(mail)) {
            List<Path> eml = files.filter(file -> file.toString().endsWith(".eml")).toList();
            if (eml.isEmpty()) {
                return null;
            }
            try (InputStream in = Files.newInputStream(eml.get(0))) {
                Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)")
                        .matcher(Mailbox.text(new MimeMessage(Session.getInstance(new Properties()), in)));
                return link.find() ? link.group(1) : null;
            }
        } catch (Exception notYet) {
            return null;
        }
    }
}
