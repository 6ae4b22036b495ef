package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Published outbox entries go after a day, settled notifications and their events after the billing records' 400. */
class RetentionServiceTest {
    private static final Duration KEEP_ENTRIES = Duration.ofDays(1);
    private static final Duration KEEP_NOTIFICATIONS = Duration.ofDays(400);
    private static final java.time.Period KEEP_AUDIT = java.time.Period.ofYears(7);
    private final InMemoryPortal portal = new InMemoryPortal();
    private static final Duration KEEP_WEBHOOKS = Duration.ofDays(90);
    private final RetentionService retention = new RetentionService(portal.stores.unitOfWork(), portal.stores.outbox(),
            portal.stores.deliveries(), portal.stores.auditLog(), portal.stores.webhookMessages(), portal.clock,
            KEEP_ENTRIES, KEEP_NOTIFICATIONS, KEEP_AUDIT, KEEP_WEBHOOKS, 2);
    private final Account account = portal.account();

    private void publishAll() {
        UUID relay = UUID.randomUUID();
        Outbox outbox = portal.stores.outbox();
        outbox.markPublished(relay, outbox.claim(relay, 100, portal.clock.instant(), Duration.ofSeconds(30)),
                portal.clock.instant());
    }

    @Test
    void publishedEntriesGoAfterTheirKeepInBatchesAndUnpublishedOnesNever() {
        for (String name : List.of("Ann", "Bob", "Cy", "Di", "Ed")) {
            portal.invitationTo(account, name);
        }
        publishAll();
        portal.invitationTo(account, "Flo"); // stays unpublished: the broker is down, say

        portal.clock.advance(KEEP_ENTRIES);
        assertEquals(0, retention.purge(), "kept for a day");
        portal.clock.advance(Duration.ofSeconds(1));
        assertEquals(5, retention.purge(), "five entries, in batches of two");
        assertEquals(1, portal.stores.outbox().unpublishedEntries().size());
        assertEquals(6, portal.stores.deliveries().deliveries().size(), "the deliveries themselves stay");
    }

    @Test
    void settledNotificationsAndTheirEventsGoAfterTheirRetentionPendingOnesNever() {
        Delivery sent = portal.invitationTo(account, "Ann");
        sent.sent(portal.clock.instant());
        portal.stores.deliveries().update(sent);
        Delivery failed = portal.invitationTo(account, "Bob");
        failed.failed("550", true);
        portal.stores.deliveries().update(failed);
        Delivery pending = portal.invitationTo(account, "Cy");
        publishAll();

        portal.clock.advance(KEEP_NOTIFICATIONS);
        retention.purge(); // the published entries go; nothing else is old enough
        assertEquals(3, portal.stores.deliveries().deliveries().size());

        portal.clock.advance(Duration.ofSeconds(1));
        assertEquals(2 + 2, retention.purge(), "two deliveries and their two events");
        assertEquals(List.of(pending.id()), portal.stores.deliveries().deliveries().stream().map(Delivery::id).toList());
        assertEquals(DeliveryStatus.PENDING, portal.stores.deliveries().deliveries().get(0).status());
        assertEquals(1, portal.stores.deliveries().events().size(), "the pending delivery's event stays");
    }

    @Test
    void notificationsAreNeverKeptShorterThanOutboxEntries() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionService(portal.stores.unitOfWork(),
                portal.stores.outbox(), portal.stores.deliveries(), portal.stores.auditLog(),
                portal.stores.webhookMessages(), portal.clock, Duration.ofDays(2), Duration.ofDays(1), KEEP_AUDIT,
                KEEP_WEBHOOKS, 10));
    }

    @Test
    void settledWebhookMessagesLeaveTheLogAfterTheirRetentionPendingOnesNever() {
        var endpoint = dev.billingportal.domain.webhook.WebhookEndpoint.create(java.util.Optional.of(account.id()),
                dev.billingportal.domain.webhook.WebhookUrl.parse("https://hooks.example.com/b", java.util.Set.of()),
                "", java.util.Set.of("*"), dev.billingportal.domain.webhook.WebhookSecret.generate(
                        new java.security.SecureRandom()), portal.clock.instant());
        portal.stores.webhookEndpoints().add(endpoint);
        var delivered = dev.billingportal.domain.webhook.WebhookMessage.pending(endpoint.id(),
                dev.billingportal.domain.webhook.WebhookEventType.WEBHOOK_TEST, "{}", portal.clock.instant(),
                new java.security.SecureRandom());
        var pending = dev.billingportal.domain.webhook.WebhookMessage.pending(endpoint.id(),
                dev.billingportal.domain.webhook.WebhookEventType.WEBHOOK_TEST, "{}", portal.clock.instant(),
                new java.security.SecureRandom());
        portal.stores.webhookMessages().record(List.of(delivered, pending), portal.clock.instant(),
                Duration.ofMinutes(2));
        delivered.delivered(portal.clock.instant());
        portal.stores.webhookMessages().update(delivered);

        portal.clock.advance(KEEP_WEBHOOKS);
        retention.purge();
        assertEquals(2, portal.stores.webhookMessages().newestFirst(endpoint.id(), java.util.Optional.empty(), 10)
                .size(), "kept for their 90 days");
        portal.clock.advance(Duration.ofSeconds(1));
        retention.purge();
        assertEquals(List.of(pending.id()), portal.stores.webhookMessages().newestFirst(endpoint.id(),
                java.util.Optional.empty(), 10).stream().map(dev.billingportal.domain.webhook.WebhookMessage::id)
                .toList(), "the delivered one went; the pending one stays");
    }
}
