package dev.billingportal.application.port.in.webhook;

/**
 * The webhook scheduler of the worker processes: queues the messages whose next attempt is due, and those whose
 * lease ran out with nothing settled (a lost queue message, a killed worker).
 */
public interface QueueDueWebhooksUseCase {

    /** Queues one batch of due messages; returns how many. */
    int queueDue();
}
