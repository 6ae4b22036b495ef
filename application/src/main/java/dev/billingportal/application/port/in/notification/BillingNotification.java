package dev.billingportal.application.port.in.notification;

import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationEvent;

/** A billing notification as the account's users see it: the e-mail to one recipient, and the event it told of. */
public record BillingNotification(Delivery delivery, NotificationEvent event) {
}
