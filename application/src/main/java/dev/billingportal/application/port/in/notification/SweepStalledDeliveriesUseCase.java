package dev.billingportal.application.port.in.notification;

public interface SweepStalledDeliveriesUseCase {

    /**
     * Queues again, or gives up on, a batch of stalled deliveries: pending, with nothing of them in the outbox and
     * nothing handed to the queue for longer than the broker can keep a message in flight. Returns how many it
     * settled that way; a full batch means more may be waiting.
     */
    int sweepBatch();
}
