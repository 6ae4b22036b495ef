package dev.billingportal.application.port.in.webhook;

import dev.billingportal.domain.access.Actor;

/**
 * An operator sends a failed webhook message again (spec §11's "retry a failed notification or webhook"), whichever
 * endpoint it was for: the same {@code webhook-id} and body, with a fresh schedule.
 */
public interface RetryFailedWebhookUseCase {

    /** Queues the message again; one no longer failed (retried by someone else, or delivered) is a state conflict. */
    void retry(Actor actor, String message);
}
