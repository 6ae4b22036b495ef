package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.QueueUnavailable;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.testing.InMemoryDeliveries;
import dev.billingportal.testing.InMemoryUnitOfWork;
import dev.billingportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayOutboxServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final InMemoryDeliveries outbox = new InMemoryDeliveries();
    private final List<DeliveryId> queued = new ArrayList<>();
    private final List<Outbox.Webhook> queuedWebhooks = new ArrayList<>();
    private boolean brokerDown;
    private final NotificationQueue queue = (ids, webhooks) -> {
        if (brokerDown) {
            throw new QueueUnavailable("broker down", null);
        }
        queued.addAll(ids);
        queuedWebhooks.addAll(webhooks);
    };
    private final MutableClock clock = new MutableClock(NOW);
    private final RelayOutboxService relay = new RelayOutboxService(new InMemoryUnitOfWork(), outbox, queue, clock, 2,
            Duration.ofSeconds(30));

    private DeliveryId record(int second) {
        NotificationEvent event = new NotificationEvent(EventId.random(), NotificationKind.USER_ADDED,
                java.util.Optional.of(AccountId.random()), NOW.plusSeconds(second), Map.of());
        Delivery delivery = Delivery.pending(event, dev.billingportal.domain.notification.Recipient.of(PortalUserId.random()), new EmailAddress("a@example.com"));
        outbox.record(event, List.of(delivery));
        return delivery.id();
    }

    @Test
    void publishesOldestFirstInBatchesAndMarksThem() {
        DeliveryId first = record(1);
        DeliveryId second = record(2);
        DeliveryId third = record(3);

        assertEquals(2, relay.relayBatch());
        assertEquals(1, relay.relayBatch());
        assertEquals(0, relay.relayBatch());
        assertEquals(List.of(first, second, third), queued);
    }

    @Test
    void webhookMessagesGoToTheirQueueInTheSameBatchAsMails() {
        DeliveryId mail = record(1);
        Outbox.Webhook webhook = new Outbox.Webhook("msg_p5jXN8AQM9LWM0D4loKWxJek", java.util.UUID.randomUUID());
        outbox.enqueue(webhook, NOW.plusSeconds(2));

        assertEquals(2, relay.relayBatch());
        assertEquals(List.of(mail), queued);
        assertEquals(List.of(webhook), queuedWebhooks, "with the lease that queued it");
        assertEquals(0, relay.relayBatch());
    }

    @Test
    void whenTheBrokerIsDownEntriesStayForTheNextRound() {
        DeliveryId waiting = record(1);
        brokerDown = true;

        assertThrows(QueueUnavailable.class, relay::relayBatch);
        assertEquals(1, outbox.unpublishedEntries().size());

        brokerDown = false;
        RelayOutboxService another = new RelayOutboxService(new InMemoryUnitOfWork(), outbox, queue, clock, 2,
                Duration.ofSeconds(30));
        assertEquals(1, another.relayBatch(), "released at once, not held for the lease");
        assertEquals(List.of(waiting), queued);
        queued.clear();
        outbox.requeue(waiting, NOW);
        assertEquals(1, relay.relayBatch());
        assertEquals(List.of(waiting), queued);
    }
}
