package dev.billingportal.application.port.in.notification;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.notification.DeliveryId;
import java.util.Objects;

/** An operator re-drives one failed delivery. */
public record RetryNotificationCommand(Actor actor, DeliveryId delivery) {
    public RetryNotificationCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(delivery, "delivery");
    }
}
