package dev.billingportal.application.port.in.notification;

public interface DeliverNotificationUseCase {

    /** Sends the delivery's e-mail unless it was sent already (so a redelivered message never mails twice). */
    DeliveryOutcome deliver(DeliverNotificationCommand command);
}
