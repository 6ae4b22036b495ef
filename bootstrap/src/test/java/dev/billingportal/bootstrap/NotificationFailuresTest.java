package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.messaging.EmbeddedBroker;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §6 when things break: a mail server answering 451 or not there at all, one recipient refused for good,
 * the broker stopped mid-stream. Every mail arrives exactly once when things recover; a refused one fails at
 * once and can be re-driven.
 */
@HelidonTest
class NotificationFailuresTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static volatile ScriptedSmtpServer smtp = new ScriptedSmtpServer(SMTP_PORT);
    private static final ScriptedInbox INBOX = new ScriptedInbox(() -> smtp);

    private Api api;
    private Billing billing;
    private Onboarding onboarding;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of(
                // Retries fast enough for a test, and enough of them to outlast every outage below.
                "portal.notifications.retry.initial-delay-ms", "200",
                "portal.notifications.retry.multiplier", "1.5",
                "portal.notifications.retry.max-delay-ms", "1000",
                "portal.notifications.max-attempts", "100",
                "portal.outbox.stuck-after-ms", "1500"));
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        billing = new Billing(api);
        onboarding = new Onboarding(api, INBOX);
        smtp.replyToAllRecipients(null);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static List<MimeMessage> payments(String address) {
        return INBOX.to(address).stream().filter(message -> subject(message).startsWith("Payment posted")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Set<String> messageIds(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException failure) {
                throw new IllegalStateException(failure);
            }
        }).collect(Collectors.toSet());
    }

    private void postPayments(Member member, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(201, billing.post(member.accountId(), Billing.payment("1.00", null, "P" + i)).status());
        }
    }

    private static void assertExactlyOnce(String address, int expected) {
        Await.until(Duration.ofSeconds(90), () -> payments(address).size() >= expected,
                expected + " mails to " + address);
        Await.sleep(Duration.ofSeconds(2));
        List<MimeMessage> received = payments(address);
        assertEquals(expected, received.size(), "no mail twice");
        assertEquals(expected, messageIds(received).size(), "each its own delivery");
    }

    @Test
    void fiftyEventsDuringA451OutageAreAllDeliveredExactlyOnceAfterwards() {
        Member ann = onboarding.newAccount(unique("ann"));
        smtp.replyToAllRecipients("451 4.3.0 Try again later");

        postPayments(ann, 50);
        Await.sleep(Duration.ofSeconds(2));
        assertEquals(0, payments(ann.username()).size());
        Db db = Db.ofRunningPortal();
        assertTrue(db.number("SELECT COUNT(*) FROM notification WHERE recipient_user_id = ? AND status = 'PENDING'"
                + " AND attempts > 0", UUID.fromString(ann.userId())) > 0, "attempts were made and counted");

        smtp.replyToAllRecipients(null);
        assertExactlyOnce(ann.username(), 50);
    }

    @Test
    void fiftyEventsWhileNoMailServerListensAreAllDeliveredExactlyOnceAfterwards() {
        Member ann = onboarding.newAccount(unique("ann"));
        smtp.close();
        try {
            postPayments(ann, 50);
            Await.sleep(Duration.ofSeconds(2));
        } finally {
            smtp = new ScriptedSmtpServer(SMTP_PORT);
        }
        assertExactlyOnce(ann.username(), 50);
    }

    @Test
    void aRecipientRefusedFor550FailsAtOnceTheOthersGetTheirsOnceAndARedriveDelivers() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member bob = onboarding.addMember(ann, unique("bob"), "America/Vancouver", true);
        smtp.replyToRecipient(bob.username(), "550 5.1.1 No such mailbox");

        postPayments(ann, 1);
        assertExactlyOnce(ann.username(), 1);
        JsonObject failed = Await.result(Duration.ofSeconds(10), () -> api
                .get("/api/v1/operator/notifications?status=FAILED", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getString("recipientEmail").equals(bob.username())).findFirst(), "Bob's failure");
        assertEquals(1, failed.getInt("attempts"), "no retries for a permanent rejection");
        assertTrue(failed.getString("lastError").contains("550"), failed.toString());
        assertEquals(0, payments(bob.username()).size());

        smtp.replyToRecipient(bob.username(), "250 2.1.5 OK");
        Api.Reply retry = api.post("/api/v1/operator/notifications/" + failed.getString("id") + "/retry",
                TestPortal.OPERATOR_TOKEN, "");
        assertEquals(202, retry.status(), retry.body());

        assertExactlyOnce(bob.username(), 1);
        assertEquals(1, payments(ann.username()).size(), "Ann's was not repeated");
        Await.until(Duration.ofSeconds(10), () -> api.get("/api/v1/accounts/" + ann.accountId() + "/notifications",
                ann.token()).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getString("id").equals(failed.getString("id")))
                .anyMatch(item -> item.getString("status").equals("SENT") && item.getInt("attempts") == 2),
                "the re-driven delivery is SENT after its second attempt");
        assertEquals(409, api.post("/api/v1/operator/notifications/" + failed.getString("id") + "/retry",
                TestPortal.OPERATOR_TOKEN, "").status(), "only failed deliveries are re-driven");
    }

    @Test
    void theBrokerStoppedAndStartedMidStreamLosesNothingAndReadinessShowsTheStuckRelay() {
        Member ann = onboarding.newAccount(unique("ann"));
        EmbeddedBroker broker = CDI.current().select(Portal.class).get().messaging().orElseThrow()
                .embeddedBroker().orElseThrow();

        postPayments(ann, 25);
        broker.stop();
        try {
            postPayments(ann, 25);
            Await.until(Duration.ofSeconds(15), () -> api.get("/health/ready", null).status() == 503,
                    "readiness reports the stuck relay");
            assertTrue(api.get("/health/ready", null).body().contains("\"outbox-relay\""));
            assertTrue(api.get("/health/ready", null).body().contains("\"notification-workers\""));
        } finally {
            broker.start();
        }
        long restarted = System.nanoTime();
        // R6: the consumers are back within 10 s of the broker (readiness includes them listening).
        Await.until(Duration.ofSeconds(10), () -> CDI.current().select(Portal.class).get().listener().orElseThrow()
                .isListening(), "the notification workers listen again");
        System.out.println("R6: notification workers back " + (System.nanoTime() - restarted) / 1_000_000
                + " ms after the broker restarted");

        assertExactlyOnce(ann.username(), 50);
        Await.until(Duration.ofSeconds(30), () -> api.get("/health/ready", null).status() == 200, "ready again");
    }
}
