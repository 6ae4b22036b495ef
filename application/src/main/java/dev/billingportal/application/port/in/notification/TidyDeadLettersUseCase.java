package dev.billingportal.application.port.in.notification;

public interface TidyDeadLettersUseCase {

    /**
     * Keeps the dead-letter queue to what operators must look at: it removes the dead-lettered messages of
     * deliveries that are no longer FAILED (re-driven, sent, queued again by the sweeper, or gone with retention).
     * Returns how many it removed.
     */
    int tidy();
}
