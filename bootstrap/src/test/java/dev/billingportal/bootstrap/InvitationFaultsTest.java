package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.adapter.out.messaging.EmbeddedBroker;
import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.notification.DeliveryId;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A committed invitation is never lost and never sent twice, whatever the broker does. */
@HelidonTest
class InvitationFaultsTest {
    private static final Mailbox MAILBOX = new Mailbox();

    private Api api;
    private Db db;
    private Messaging messaging;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        db = Db.ofRunningPortal();
        messaging = CDI.current().select(Portal.class).get().messaging().orElseThrow();
    }

    private void createAccount(String username) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                OperatorAccountsTest.account(username));
        assertEquals(201, created.status(), created.body());
    }

    @Test
    void theBrokerBeingDownDelaysTheInvitationButDoesNotLoseIt() {
        EmbeddedBroker broker = messaging.embeddedBroker().orElseThrow();
        broker.stop();
        try {
            createAccount("outage@example.com");

            Await.never(Duration.ofSeconds(2), () -> !MAILBOX.to("outage@example.com").isEmpty(),
                    "mail was sent while the broker was down");
            assertEquals(1, db.number("SELECT COUNT(*) FROM outbox_entry e JOIN notification n"
                    + " ON n.id = e.notification_id WHERE n.recipient_email = ? AND e.published_at IS NULL",
                    "outage@example.com"), "the invitation waits in the outbox");
        } finally {
            broker.start();
        }

        Await.until(Duration.ofSeconds(45), () -> MAILBOX.to("outage@example.com").size() == 1,
                "the invitation is sent once the broker is back");
        Await.never(Duration.ofSeconds(1), () -> MAILBOX.to("outage@example.com").size() > 1, "it was sent twice");
    }

    @Test
    void theSameDeliveryHandedOverAgainSendsNoSecondMail() {
        createAccount("twice@example.com");
        Await.until(Duration.ofSeconds(15), () -> MAILBOX.to("twice@example.com").size() == 1, "the invitation");
        DeliveryId delivery = new DeliveryId(UUID.fromString(
                db.strings("SELECT id FROM notification WHERE recipient_email = ?", "twice@example.com").get(0)));

        messaging.queue().publish(List.of(delivery, delivery));

        Await.until(Duration.ofSeconds(10), () -> messaging.embeddedBroker().orElseThrow()
                .messageCount("billing.notifications") == 0, "the duplicates are consumed");
        Await.never(Duration.ofSeconds(1), () -> MAILBOX.to("twice@example.com").size() > 1, "a second mail was sent");
        assertEquals(List.of("SENT"), db.strings("SELECT status FROM notification WHERE id = ?", delivery.value()));
        assertEquals(1, db.number("SELECT attempts FROM notification WHERE id = ?", delivery.value()));
    }
}
