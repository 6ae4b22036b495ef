package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.messaging.StandaloneBroker;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal against a standalone broker made by {@code deploy/artemis/create-broker.sh} (spec §10): one with the
 * distribution's stock settings (no backoff, dead letters elsewhere) is refused — DOWN with the reason, nothing sent —
 * until it has the portal's; one with them applies the redelivery delay a failed mail waits.
 */
class StandaloneBrokerIT {
    @TempDir
    Path workingDir;

    private Map<String, String> environment(StandaloneBroker broker, int smtpPort) {
        Map<String, String> environment = new HashMap<>(broker.portalEnvironment());
        environment.putAll(Map.of(
                "PORTAL_ROLE", "all",
                "PORTAL_DATA_DIR", workingDir.resolve("portal").toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_OUTBOX_POLL_INTERVAL_MS", "200"));
        return environment;
    }

    @Test
    void aBrokerWithTheStockConfigurationIsRefusedAndNothingIsSentUntilItHasThePortalsSettings() {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer();
             StandaloneBroker broker = StandaloneBroker.create(workingDir.resolve("broker"), PortalProcess.freePort())) {
            broker.withStockConfiguration();
            broker.start();
            int port = PortalProcess.freePort();
            try (PortalProcess portal = PortalProcess.launch(workingDir.resolve("run"), port,
                    environment(broker, smtp.port()))) {
                Api api = portal.api();
                Await.until(Duration.ofSeconds(60), () -> readiness(api)
                        .contains("redeliveryDelay is 0, the portal needs 20000"), "DOWN with the reason");
                Api.Reply ready = api.get("/health/ready", null);
                assertEquals(503, ready.status(), ready.body());
                assertTrue(ready.body().contains("deadLetterAddress is DLQ, the portal needs billing.notifications.dlq"),
                        ready.body());
                assertTrue(ready.body().contains("the queue billing.notifications is missing"), ready.body());

                String username = "stock-" + UUID.randomUUID() + "@example.com";
                Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                        OperatorAccountsTest.account(username));
                assertEquals(201, created.status(), created.body());
                Await.sleep(Duration.ofSeconds(3));
                assertEquals(0, smtp.received().size(), "nothing sent through a broker that would not retry it");
                assertTrue(portal.output().contains("Not publishing or consuming notifications"), portal.output());

                broker.stop();
                broker.withPortalConfiguration();
                broker.start();
                portal.awaitReady(Duration.ofSeconds(60));
                Await.until(Duration.ofSeconds(30), () -> smtp.received().size() == 1, "the invitation, once fixed");
                Await.sleep(Duration.ofSeconds(1));
                assertEquals(1, smtp.received().size(), "and only once");
                assertTrue(smtp.received().get(0).recipients().toString().contains(username));
            }
        }
    }

    /** {@code /health/ready}'s body; empty while the portal is not listening yet. */
    private static String readiness(Api api) {
        try {
            return api.get("/health/ready", null).body();
        } catch (UncheckedIOException notListeningYet) {
            return "";
        }
    }

    @Test
    void aMailThatFailedTemporarilyWaitsTheRedeliveryDelayTheBrokerApplies() throws IOException {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer();
             StandaloneBroker broker = StandaloneBroker.create(workingDir.resolve("broker"), PortalProcess.freePort())) {
            // A portal configured with its own retry policy needs the broker's figures changed to match.
            Path properties = workingDir.resolve("broker").resolve("etc").resolve("broker.properties");
            Files.writeString(properties, Files.readString(properties)
                    .replace(".redeliveryDelay=20000", ".redeliveryDelay=2000")
                    .replace(".redeliveryMultiplier=3.0", ".redeliveryMultiplier=1.0")
                    .replace(".maxRedeliveryDelay=600000", ".maxRedeliveryDelay=2000")
                    .replace(".maxDeliveryAttempts=12", ".maxDeliveryAttempts=8"));
            broker.start();
            Map<String, String> environment = environment(broker, smtp.port());
            environment.putAll(Map.of(
                    "PORTAL_NOTIFICATIONS_RETRY_INITIAL_DELAY_MS", "2000",
                    "PORTAL_NOTIFICATIONS_RETRY_MULTIPLIER", "1.0",
                    "PORTAL_NOTIFICATIONS_RETRY_MAX_DELAY_MS", "2000",
                    "PORTAL_NOTIFICATIONS_MAX_ATTEMPTS", "4"));
            try (PortalProcess portal = PortalProcess.start(workingDir.resolve("run"), PortalProcess.freePort(),
                    environment)) {
                String username = "retry-" + UUID.randomUUID() + "@example.com";
                Api.Reply created = portal.api().post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                        OperatorAccountsTest.account(username));
                assertEquals(201, created.status(), created.body());
                String accountId = created.json().getString("id");
                Await.until(Duration.ofSeconds(30), () -> smtp.received().size() == 1, "the invitation");
                smtp.replyToAllRecipients("451 4.3.0 Try again later");
                long posted = System.nanoTime();
                assertEquals(201, new Billing(portal.api()).post(accountId, Billing.payment("5.00", null, "P1"))
                        .status());
                Await.sleep(Duration.ofMillis(1200));
                smtp.replyToAllRecipients(null);
                Await.until(Duration.ofSeconds(30), () -> smtp.received().size() == 2, "the payment, on a retry");
                Duration waited = Duration.ofNanos(System.nanoTime() - posted);
                assertTrue(waited.compareTo(Duration.ofMillis(1900)) >= 0,
                        "the retry waited the broker's 2 s redelivery delay, not milliseconds: " + waited);
            }
        }
    }
}
