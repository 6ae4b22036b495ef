package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.InvalidValue;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An endpoint's subscription, its secrets through a rotation, and when it stops receiving. */
class WebhookEndpointTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WebhookUrl URL = WebhookUrl.parse("https://hooks.example.com/billing", Set.of());

    private static WebhookEndpoint endpoint(Set<String> types) {
        return WebhookEndpoint.create(Optional.of(AccountId.random()), URL, "Ledger", types,
                WebhookSecret.generate(RANDOM), NOW);
    }

    @Test
    void anEndpointReceivesWhatItSubscribedToAndStarReceivesEverything() {
        WebhookEndpoint some = endpoint(Set.of("transaction.posted"));
        assertTrue(some.receives(WebhookEventType.TRANSACTION_POSTED));
        assertFalse(some.receives(WebhookEventType.PORTAL_USER_DELETED));
        WebhookEndpoint all = endpoint(Set.of("*"));
        assertTrue(all.receives(WebhookEventType.PORTAL_USER_RESTORED));
        assertFalse(all.receives(WebhookEventType.WEBHOOK_TEST), "the test event is sent on request only");
        assertThrows(InvalidValue.class, () -> endpoint(Set.of()));
        assertThrows(InvalidValue.class, () -> endpoint(Set.of("invoice.paid")));
        assertThrows(InvalidValue.class, () -> endpoint(Set.of("webhook.test")));
    }

    @Test
    void afterARotationBothSecretsSignForADayThenOnlyTheNewOne() {
        WebhookEndpoint endpoint = endpoint(Set.of("*"));
        WebhookSecret first = endpoint.secretsAt(NOW).get(0);
        WebhookSecret second = WebhookSecret.generate(RANDOM);
        endpoint.rotate(second, NOW);
        assertEquals(List.of(second, first), endpoint.secretsAt(NOW.plus(Duration.ofHours(23))));
        assertEquals(List.of(second), endpoint.secretsAt(NOW.plus(Duration.ofHours(24))));
        WebhookSecret third = WebhookSecret.generate(RANDOM);
        endpoint.rotate(third, NOW.plus(Duration.ofHours(1)));
        assertEquals(List.of(third, second), endpoint.secretsAt(NOW.plus(Duration.ofHours(2))),
                "a second rotation ends the first one's overlap");
    }

    @Test
    void aGoneAnswerDisablesAtOnceAndFiveDaysOfFailuresDisableIt() {
        WebhookEndpoint gone = endpoint(Set.of("*"));
        assertTrue(gone.failed(true, NOW));
        assertEquals(Optional.of(WebhookEndpoint.Disabled.GONE), gone.disabled());
        assertFalse(gone.receives(WebhookEventType.TRANSACTION_POSTED));

        WebhookEndpoint failing = endpoint(Set.of("*"));
        assertFalse(failing.failed(false, NOW));
        assertFalse(failing.failed(false, NOW.plus(Duration.ofDays(4))));
        failing.delivered();
        assertFalse(failing.failed(false, NOW.plus(Duration.ofDays(5))), "a success starts the count again");
        assertFalse(failing.failed(false, NOW.plus(Duration.ofDays(9))));
        assertTrue(failing.failed(false, NOW.plus(Duration.ofDays(10))));
        assertEquals(Optional.of(WebhookEndpoint.Disabled.FAILING), failing.disabled());
        assertFalse(failing.failed(false, NOW.plus(Duration.ofDays(11))), "told once");

        failing.update(URL, "Ledger", Set.of("*"), true);
        assertTrue(failing.enabled(), "its owner turns it on again");
        assertFalse(failing.failed(false, NOW.plus(Duration.ofDays(12))), "with five more days");
    }
}
