package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.MailDeliveryFailure;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.Recipient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one delivery's e-mail, at most once. The delivery row is locked for the whole attempt and its
 * status checked first, so a message delivered twice — even to two workers at once — mails once.
 * If sending fails, everything the attempt wrote (an invitation token, say) is rolled back and the
 * failure is recorded in a fresh transaction.
 */
public final class DeliverNotificationService implements DeliverNotificationUseCase {
    private final UnitOfWork unitOfWork;
    private final Deliveries notifications;
    private final PortalUsers users;
    private final Operators operators;
    private final MailComposer composer;
    private final Mailer mailer;
    private final Clock clock;
    private final int maxAttempts;

    /** @param maxAttempts how many times the queue delivers a message before the delivery is given up */
    public DeliverNotificationService(UnitOfWork unitOfWork, Deliveries notifications, PortalUsers users,
                                      Operators operators, MailComposer composer, Mailer mailer, Clock clock,
                                      int maxAttempts) {
        this.unitOfWork = unitOfWork;
        this.notifications = notifications;
        this.users = users;
        this.operators = operators;
        this.composer = composer;
        this.mailer = mailer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public DeliveryOutcome deliver(DeliverNotificationCommand command) {
        DeliveryId id = command.delivery();
        int deliveryCount = command.deliveryCount();
        try {
            return unitOfWork.inTransaction(() -> attempt(id));
        } catch (MailDeliveryFailure failure) {
            return unitOfWork.inTransaction(() -> recordFailure(id, failure, deliveryCount));
        }
    }

    private DeliveryOutcome attempt(DeliveryId id) {
        Optional<Delivery> found = notifications.lockForDelivery(id);
        if (found.isEmpty() || !found.get().isPending()) {
            return DeliveryOutcome.NOTHING_TO_DO;
        }
        Delivery delivery = found.get();
        NotificationEvent event = notifications.event(delivery.eventId())
                .orElseThrow(() -> new IllegalStateException("Delivery " + id + " has no event"));
        Instant now = clock.instant();
        MailComposer.Composition composition = switch (delivery.recipient()) {
            case Recipient.PortalUserRecipient user -> composer.compose(delivery, event, users.find(user.user())
                    .orElseThrow(() -> new IllegalStateException("Delivery " + id + " has no recipient")), now);
            case Recipient.OperatorRecipient operator -> composer.compose(delivery, event,
                    operators.find(operator.operator())
                            .orElseThrow(() -> new IllegalStateException("Delivery " + id + " has no recipient")), now);
        };
        switch (composition) {
            case MailComposer.Composition.NothingToSend nothing -> {
                delivery.failed(nothing.reason(), false);
                notifications.update(delivery);
                return DeliveryOutcome.FAILED;
            }
            case MailComposer.Composition.Mail mail -> {
                mailer.send(mail.mail());
                delivery.sent(clock.instant());
                notifications.update(delivery);
                return DeliveryOutcome.SENT;
            }
        }
    }

    private DeliveryOutcome recordFailure(DeliveryId id, MailDeliveryFailure failure, int deliveryCount) {
        Optional<Delivery> found = notifications.lockForDelivery(id);
        if (found.isEmpty() || !found.get().isPending()) {
            return DeliveryOutcome.NOTHING_TO_DO;
        }
        Delivery delivery = found.get();
        DeliveryOutcome outcome;
        if (failure.permanent()) {
            delivery.failed("Rejected: " + failure.getMessage(), true);
            outcome = DeliveryOutcome.FAILED;
        } else if (deliveryCount >= maxAttempts) {
            delivery.failed("Gave up after " + deliveryCount + " attempts: " + failure.getMessage(), true);
            outcome = DeliveryOutcome.DEAD_LETTER;
        } else {
            delivery.attemptFailed(failure.getMessage());
            outcome = DeliveryOutcome.RETRY_LATER;
        }
        notifications.update(delivery);
        return outcome;
    }
}
