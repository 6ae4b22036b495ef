package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import java.util.List;

/** The message queue between the outbox relay and the notification workers. */
public interface NotificationQueue {

    /**
     * Hands the deliveries to the queue, all or none. Throws {@link QueueUnavailable} when the broker
     * cannot take them; the outbox entries then stay unpublished and are tried again.
     */
    void publish(List<DeliveryId> notifications);
}
