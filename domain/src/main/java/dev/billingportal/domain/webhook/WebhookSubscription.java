package dev.billingportal.domain.webhook;

import java.util.Objects;
import java.util.Set;

/**
 * What recording an event needs to know of an endpoint (spec §13): which one, what it subscribes to, and whether it
 * is on — not its address or its secrets.
 */
public record WebhookSubscription(WebhookEndpointId endpoint, Set<String> eventTypes, boolean enabled) {
    public WebhookSubscription {
        Objects.requireNonNull(endpoint, "endpoint");
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Whether the endpoint receives {@code type} now. */
    public boolean receives(WebhookEventType type) {
        return enabled && type.isIn(eventTypes);
    }
}
