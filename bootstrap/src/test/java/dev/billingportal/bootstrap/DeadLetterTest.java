package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A mail that keeps failing temporarily is given up after the last attempt, dead-lettered, shown, and re-drivable;
 * once re-driven, its dead letter goes.
 */
@HelidonTest
class DeadLetterTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT);

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of(
                "portal.notifications.retry.initial-delay-ms", "100",
                "portal.notifications.retry.multiplier", "2",
                "portal.notifications.retry.max-delay-ms", "400",
                "portal.notifications.max-attempts", "3",
                "portal.housekeeping.interval", "PT0.5S"));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    private static double metric(Api api, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E-]+)$").matcher(api.get("/metrics", null).body());
        assertTrue(value.find(), name + " on /metrics");
        return Double.parseDouble(value.group(1));
    }

    @Test
    void aMailThatKeepsFailingIsDeadLetteredAfterTheLastAttemptAndCanBeRedriven() {
        Api api = Api.ofRunningServer();
        Member ann = new Onboarding(api, new ScriptedInbox(() -> SMTP))
                .newAccount("ann-" + UUID.randomUUID() + "@example.com");
        SMTP.replyToAllRecipients("451 4.7.1 Greylisted, try again later");

        assertEquals(201, new Billing(api).post(ann.accountId(), Billing.payment("8.00", null, "DLQ")).status());

        JsonObject failed = Await.result(Duration.ofSeconds(30), () -> api
                .get("/api/v1/operator/notifications?status=FAILED", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getString("recipientEmail").equals(ann.username())).findFirst(), "the failure");
        assertEquals(3, failed.getInt("attempts"));
        assertTrue(failed.getString("lastError").startsWith("Gave up after 3 attempts"), failed.toString());
        assertTrue(failed.getString("lastError").contains("451"), failed.toString());
        Await.until(Duration.ofSeconds(10), () -> metric(api, "portal_notifications_deadletter_depth") == 1,
                "the message is in the dead-letter queue");
        Await.until(Duration.ofSeconds(5), () -> metric(api, "portal_notifications_failed") == 1, "counted as failed");

        SMTP.replyToAllRecipients(null);
        assertEquals(202, api.post("/api/v1/operator/notifications/" + failed.getString("id") + "/retry",
                TestPortal.OPERATOR_TOKEN, "").status());
        Await.until(Duration.ofSeconds(20), () -> SMTP.received().stream()
                .filter(mail -> mail.data().contains("Subject: Payment posted")).count() == 1, "the re-driven mail");
        Await.until(Duration.ofSeconds(5), () -> metric(api, "portal_notifications_failed") == 0
                && metric(api, "portal_notifications_sent") >= 2, "metrics follow");
        Await.until(Duration.ofSeconds(10), () -> metric(api, "portal_notifications_deadletter_depth") == 0,
                "the re-driven delivery's dead letter is gone");
        assertEquals(0, metric(api, "portal_outbox_unpublished"));
    }
}
