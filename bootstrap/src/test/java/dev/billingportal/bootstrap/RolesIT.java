package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same artifact in three roles against one database and one broker: {@code all} (hosting the broker),
 * a {@code worker} (relay and notification workers only) and an {@code api} process (HTTP only).
 */
class RolesIT {
    @TempDir
    Path workingDir;

    @Test
    void anApiProcessAndTwoWorkerProcessesShareTheDatabaseAndTheBroker() {
        int smtpPort = PortalProcess.freePort();
        int brokerPort = PortalProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String database = "jdbc:h2:file:" + workingDir.resolve("shared-db").resolve("portal")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        try (PortalProcess all = PortalProcess.start(workingDir.resolve("all"), PortalProcess.freePort(),
                environment("all", database, smtpPort, Map.of("PORTAL_JMS_LISTEN", "tcp://127.0.0.1:" + brokerPort)));
             PortalProcess worker = PortalProcess.start(workingDir.resolve("worker"), PortalProcess.freePort(),
                     environment("worker", database, smtpPort, Map.of("PORTAL_JMS_MODE", "remote",
                             "PORTAL_JMS_URL", "tcp://127.0.0.1:" + brokerPort)));
             PortalProcess api = PortalProcess.start(workingDir.resolve("api"), PortalProcess.freePort(),
                     environment("api", database, smtpPort, Map.of()))) {

            assertEquals(404, worker.api().get("/api/v1/time-zones", null).status(), "workers serve no API");
            assertEquals(404, worker.api().get("/sign-in", null).status(), "nor the web pages");
            assertEquals(200, api.api().get("/sign-in", null).status(), "which the api role serves");
            assertEquals(200, worker.api().get("/health/ready", null).status());
            String username = "roles-" + UUID.randomUUID() + "@example.com";
            var created = api.api().post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                    OperatorAccountsTest.account(username));
            assertEquals(201, created.status(), created.body());
            String accountId = created.json().getString("id");
            for (int i = 0; i < 20; i++) {
                assertEquals(201, new Billing(api.api()).post(accountId, Billing.payment("1.00", null, "R" + i))
                        .status());
            }

            Await.until(Duration.ofSeconds(30), () -> count(smtp, username) == 21, "the invitation and 20 payments");
            Await.sleep(Duration.ofSeconds(2));
            assertEquals(21, count(smtp, username), "each once, whichever worker sent it");
            assertEquals(21, Arrays.stream(smtp.getReceivedMessages()).map(RolesIT::messageId).distinct().count());
            assertEquals(401, all.api().get("/api/v1/accounts/" + accountId + "/transactions", null).status(),
                    "the all process serves the API too (and asks for a session)");
        } finally {
            smtp.stop();
        }
    }

    private static Map<String, String> environment(String role, String database, int smtpPort,
                                                   Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORTAL_ROLE", role,
                "PORTAL_DB_URL", database,
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_OUTBOX_POLL_INTERVAL_MS", "200"));
        environment.put("PORTAL_SECRETS_KEY", TestPortal.SECRETS_KEY); // one key for the processes of one portal
        environment.putAll(extra);
        return environment;
    }

    private static long count(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().contains(address);
            } catch (MessagingException failure) {
                throw new IllegalStateException(failure);
            }
        }).count();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
