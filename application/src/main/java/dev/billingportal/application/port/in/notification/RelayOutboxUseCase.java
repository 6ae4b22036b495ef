package dev.billingportal.application.port.in.notification;

public interface RelayOutboxUseCase {

    /**
     * Publishes the oldest committed, unpublished outbox entries to the queue and marks them published.
     * Returns how many; throws {@code QueueUnavailable} (and publishes nothing) if the broker is down.
     */
    int relayBatch();
}
