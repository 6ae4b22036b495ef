package dev.billingportal.application.port.in.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;

/** Every endpoint's failed webhook messages, for the provider's side (spec §12's {@code /console/notifications}). */
public interface FailedWebhooksQuery {

    /** The failed messages of every account's endpoints and the provider's, newest first. */
    Page<FailedWebhook> list(Actor actor, PageRequest page);

    /** How many messages have failed: the console's count beside the failed notifications. */
    long count(Actor actor);
}
