package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Re-drives a failed delivery: pending again, with a new outbox entry in the same transaction, so the relay
 * hands it to the workers as if new — nothing is sent twice, because only a FAILED delivery qualifies. Any role of the
 * provider may (spec §11), and the provider's audit says who did.
 */
public final class RetryNotificationService implements RetryNotificationUseCase {
    private final UnitOfWork unitOfWork;
    private final Deliveries notifications;
    private final AuditLog auditLog;
    private final Runnable relayWakeUp;
    private final Clock clock;

    public RetryNotificationService(UnitOfWork unitOfWork, Deliveries notifications, AuditLog auditLog,
                                    Runnable relayWakeUp, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
    }

    @Override
    public void retry(RetryNotificationCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ASSIST_CUSTOMERS);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            DeliveryId id = command.delivery();
            Delivery delivery = notifications.lockForDelivery(id)
                    .orElseThrow(() -> new NotFound("The notification"));
            delivery.retry();
            notifications.update(delivery);
            notifications.requeue(id, now);
            auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.NOTIFICATION, id.value(),
                            delivery.kind().name() + " to " + delivery.recipientEmail().value()),
                    delivery.accountId(), command.actor(), AuditAction.NOTIFICATION_RETRIED, List.of(), now));
            unitOfWork.afterCommit(relayWakeUp);
        });
    }
}
