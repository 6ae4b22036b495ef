package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message's life: due at once, retried on the schedule, delivered or failed, resent under the same id. */
class WebhookMessageTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static WebhookMessage message() {
        return WebhookMessage.pending(WebhookEndpointId.random(), WebhookEventType.TRANSACTION_POSTED, "{}", NOW,
                RANDOM);
    }

    @Test
    void aMessageHasAStandardWebhooksIdAndIsDueAtOnce() {
        WebhookMessage message = message();
        assertTrue(message.id().matches("msg_[A-Za-z0-9]{24}"), message.id());
        assertNotEquals(message.id(), message().id());
        assertEquals(Optional.of(NOW), message.nextAttemptAt());
        assertEquals(WebhookMessage.Status.PENDING, message.status());
    }

    @Test
    void failedAttemptsFollowTheScheduleUntilItIsSpent() {
        WebhookMessage message = message();
        message.attemptFailed(NOW, Optional.empty(), false, () -> 0.5);
        assertEquals(Optional.of(NOW.plusSeconds(5)), message.nextAttemptAt());
        message.attemptFailed(NOW, Optional.of(Duration.ofSeconds(30)), false, () -> 0.5);
        assertEquals(Optional.of(NOW.plusSeconds(30)), message.nextAttemptAt(), "Retry-After, within twice 5 min");
        for (int attempt = 3; attempt <= WebhookRetrySchedule.MAX_ATTEMPTS; attempt++) {
            message.attemptFailed(NOW, Optional.empty(), false, () -> 0.5);
        }
        assertEquals(WebhookMessage.Status.FAILED, message.status());
        assertEquals(8, message.attempts());
        assertEquals(Optional.empty(), message.nextAttemptAt());
        assertThrows(IllegalStateException.class, () -> message.delivered(NOW));

        String id = message.id();
        message.resend(NOW.plusSeconds(60));
        assertEquals(WebhookMessage.Status.PENDING, message.status());
        assertEquals(id, message.id(), "the same webhook-id, so a receiver sees a repeat as one");
        message.delivered(NOW.plusSeconds(61));
        assertEquals(Optional.of(NOW.plusSeconds(61)), message.deliveredAt());
        assertEquals(1, message.attempts());
    }

    @Test
    void aFailureOnADisabledEndpointFailsTheMessageAtOnce() {
        WebhookMessage message = message();
        message.attemptFailed(NOW, Optional.empty(), true, () -> 0.5);
        assertEquals(WebhookMessage.Status.FAILED, message.status());
    }

    @Test
    void aMessageWhoseEndpointWasDisabledFailsWithoutAnAttemptAndCanBeResent() {
        WebhookMessage message = message();
        message.endpointDisabled();
        assertEquals(WebhookMessage.Status.FAILED, message.status());
        assertEquals(0, message.attempts());
        assertEquals(Optional.empty(), message.nextAttemptAt());
        assertThrows(IllegalStateException.class, message::endpointDisabled);
        message.resend(NOW.plusSeconds(60));
        assertEquals(WebhookMessage.Status.PENDING, message.status());
        assertEquals(Optional.of(NOW.plusSeconds(60)), message.nextAttemptAt());
    }

    @Test
    void aDeferredMessageIsDueLaterWithNoAttemptCounted() {
        WebhookMessage message = message();
        message.deferred(NOW.plusSeconds(1));
        assertEquals(0, message.attempts());
        assertEquals(WebhookMessage.Status.PENDING, message.status());
        assertEquals(Optional.of(NOW.plusSeconds(1)), message.nextAttemptAt());
        message.delivered(NOW.plusSeconds(2));
        assertThrows(IllegalStateException.class, () -> message.deferred(NOW.plusSeconds(3)));
    }
}
