package dev.billingportal.application.port.in.notification;

import dev.billingportal.domain.notification.DeliveryId;
import java.util.Objects;

/**
 * The queue hands over one delivery's message; {@code deliveryCount} is how many times it has, this time
 * included (it decides when a temporary failure is given up).
 */
public record DeliverNotificationCommand(DeliveryId delivery, int deliveryCount) {
    public DeliverNotificationCommand {
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryCount < 1) {
            throw new IllegalArgumentException("a message is delivered at least once");
        }
    }
}
