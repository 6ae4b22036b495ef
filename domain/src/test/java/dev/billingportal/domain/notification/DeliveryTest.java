package dev.billingportal.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private static Delivery pending() {
        NotificationEvent event = new NotificationEvent(EventId.random(), NotificationKind.USER_ADDED,
                java.util.Optional.of(AccountId.random()), NOW, Map.of());
        return Delivery.pending(event, Recipient.of(PortalUserId.random()), new EmailAddress("a@example.com"));
    }

    @Test
    void failedAttemptsCountAndKeepTheDeliveryPendingUntilItIsSent() {
        Delivery delivery = pending();

        delivery.attemptFailed("451 4.3.0 Try again later");
        delivery.attemptFailed("Connection refused");
        delivery.sent(NOW.plusSeconds(30));

        assertEquals(DeliveryStatus.SENT, delivery.status());
        assertEquals(3, delivery.attempts());
        assertEquals(NOW.plusSeconds(30), delivery.sentAt());
        assertNull(delivery.lastError());
    }

    @Test
    void aFailedDeliveryCanBeRetriedAndOnlyThen() {
        Delivery delivery = pending();
        assertThrows(StateConflict.class, delivery::retry);

        delivery.failed("550 5.1.1 No such user", true);
        delivery.retry();

        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertEquals(1, delivery.attempts(), "the count goes on");
    }

    @Test
    void aStalledDeliveryIsQueuedAgainAFewTimesThenGivenUpWithTheReason() {
        Delivery delivery = pending();
        delivery.attemptFailed("Connection reset");

        assertEquals(true, delivery.stalled(2));
        assertEquals(true, delivery.stalled(2));
        assertEquals(2, delivery.stalls());
        assertEquals(DeliveryStatus.PENDING, delivery.status());

        assertEquals(false, delivery.stalled(2));
        assertEquals(DeliveryStatus.FAILED, delivery.status());
        assertEquals("Stalled: queued 3 times and never settled; last error: Connection reset", delivery.lastError());
        assertEquals(1, delivery.attempts(), "a stall is not a mail attempt");
        assertThrows(StateConflict.class, () -> delivery.stalled(2), "only a pending delivery stalls");
    }

    @Test
    void longErrorsAreCut() {
        Delivery delivery = pending();
        delivery.attemptFailed("x".repeat(5000));
        assertEquals(Delivery.MAX_ERROR_LENGTH, delivery.lastError().length());
    }
}
