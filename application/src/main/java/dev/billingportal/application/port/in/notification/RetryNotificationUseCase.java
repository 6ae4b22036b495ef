package dev.billingportal.application.port.in.notification;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.notification.DeliveryId;

public interface RetryNotificationUseCase {

    /** An operator re-drives a FAILED delivery: it is pending again and queued anew. */
    void retry(Actor actor, DeliveryId notification);
}
