package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import java.time.Clock;

/**
 * Re-drives a failed delivery: pending again, with a new outbox entry in the same transaction, so the relay
 * hands it to the workers as if new — nothing is sent twice, because only a FAILED delivery qualifies.
 */
public final class RetryNotificationService implements RetryNotificationUseCase {
    private final UnitOfWork unitOfWork;
    private final Deliveries notifications;
    private final Runnable relayWakeUp;
    private final Clock clock;

    public RetryNotificationService(UnitOfWork unitOfWork, Deliveries notifications, Runnable relayWakeUp,
                                    Clock clock) {
        this.unitOfWork = unitOfWork;
        this.notifications = notifications;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
    }

    @Override
    public void retry(RetryNotificationCommand command) {
        if (!(command.actor() instanceof Actor.Operator)) {
            throw new AccessDenied("Only the provider's billing team re-drives deliveries.");
        }
        unitOfWork.inTransaction(() -> {
            DeliveryId id = command.delivery();
            Delivery delivery = notifications.lockForDelivery(id)
                    .orElseThrow(() -> new NotFound("The notification"));
            delivery.retry();
            notifications.update(delivery);
            notifications.requeue(id, clock.instant());
            unitOfWork.afterCommit(relayWakeUp);
        });
    }
}
