package dev.billingportal.application.port.in.notification;

public interface RetryNotificationUseCase {

    /** An operator re-drives a FAILED delivery: it is pending again and queued anew. */
    void retry(RetryNotificationCommand command);
}
