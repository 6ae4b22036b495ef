package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import java.util.List;

/** The message queues between the outbox relay and the workers: one for mails, one for webhook messages. */
public interface NotificationQueue {

    /**
     * Hands the deliveries and the webhook messages to their queues, all or none. Throws {@link QueueUnavailable}
     * when the broker cannot take them; the outbox entries then stay unpublished and are tried again.
     */
    void publish(List<DeliveryId> notifications, List<Outbox.Webhook> webhooks);

    /** Hands mails' deliveries alone to the queue, all or none. */
    default void publish(List<DeliveryId> notifications) {
        publish(notifications, List.of());
    }
}
