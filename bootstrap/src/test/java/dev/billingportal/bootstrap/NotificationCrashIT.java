package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed change never loses its notification, even when the process is killed (SIGKILL): before the relay
 * published it, or while the mail server held the send. After a restart every mail goes out exactly once.
 */
class NotificationCrashIT {
    @TempDir
    Path workingDir;

    private Map<String, String> environment(int smtpPort, String role) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORTAL_DATA_DIR", workingDir.resolve("data").toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_ROLE", role,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_MAIL_SMTP_READ_TIMEOUT_MS", "3000",
                "PORTAL_NOTIFICATIONS_RETRY_INITIAL_DELAY_MS", "300",
                "PORTAL_NOTIFICATIONS_RETRY_MAX_DELAY_MS", "1000"));
        environment.put("PORTAL_NOTIFICATIONS_MAX_ATTEMPTS", "100");
        return environment;
    }

    private static String createAccount(Api api, String username) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                OperatorAccountsTest.account(username));
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private static long mailsTo(GreenMail smtp, String address, String subjectPrefix) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().contains(address)
                        && message.getSubject().startsWith(subjectPrefix);
            } catch (MessagingException failure) {
                throw new IllegalStateException(failure);
            }
        }).count();
    }

    @Test
    void changesCommittedBeforeTheRelayRanAreDeliveredAfterAKillAndARestart() {
        int port = PortalProcess.freePort();
        int smtpPort = PortalProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String username = "killed-" + UUID.randomUUID() + "@example.com";
        try {
            // The api role commits and relays nothing: the outbox holds every notification when it is killed.
            try (PortalProcess api = PortalProcess.start(workingDir, port, environment(smtpPort, "api"))) {
                String accountId = createAccount(api.api(), username);
                for (int i = 0; i < 10; i++) {
                    assertEquals(201, new Billing(api.api()).post(accountId, Billing.payment("1.00", null, "K" + i))
                            .status());
                }
                api.kill();
            }
            assertEquals(0, smtp.getReceivedMessages().length, "nothing was sent before the kill");

            try (PortalProcess restarted = PortalProcess.start(workingDir, port, environment(smtpPort, "all"))) {
                Await.until(Duration.ofSeconds(30), () -> mailsTo(smtp, username, "Payment posted") == 10
                        && mailsTo(smtp, username, "Your invitation") == 1, "every committed notification");
                Await.sleep(Duration.ofSeconds(2));
                assertEquals(10, mailsTo(smtp, username, "Payment posted"));
                assertEquals(1, mailsTo(smtp, username, "Your invitation"));
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aProcessKilledWhileTheMailServerHungDeliversOnceAfterRestart() {
        int port = PortalProcess.freePort();
        int smtpPort = PortalProcess.freePort();
        String username = "hung-" + UUID.randomUUID() + "@example.com";
        try (ScriptedSmtpServer hanging = new ScriptedSmtpServer(smtpPort).silent(true)) {
            try (PortalProcess portal = PortalProcess.start(workingDir, port, environment(smtpPort, "all"))) {
                String accountId = createAccount(portal.api(), username);
                for (int i = 0; i < 5; i++) {
                    new Billing(portal.api()).post(accountId, Billing.payment("2.00", null, "H" + i));
                }
                Await.sleep(Duration.ofSeconds(1)); // workers are now stuck in conversations with the silent server
                portal.kill();
            }
        }
        try (ScriptedSmtpServer working = new ScriptedSmtpServer(smtpPort);
             PortalProcess restarted = PortalProcess.start(workingDir, port, environment(smtpPort, "all"))) {
            Await.until(Duration.ofSeconds(60), () -> working.received().size() == 6, "the invitation and 5 payments");
            Await.sleep(Duration.ofSeconds(2));
            List<ScriptedSmtpServer.Received> received = working.received();
            assertEquals(6, received.size());
            assertEquals(6, received.stream().map(ScriptedSmtpServer.Received::messageId).distinct().count(),
                    "each delivery once");
        }
    }
}
