package dev.billingportal.application.port.in.notification;

import dev.billingportal.domain.notification.DeliveryId;

public interface DeliverNotificationUseCase {

    /**
     * Sends the delivery's e-mail unless it was sent already (so a redelivered message never mails twice).
     * {@code deliveryCount} is how many times the queue has handed this message over, this time included.
     */
    DeliveryOutcome deliver(DeliveryId notification, int deliveryCount);
}
