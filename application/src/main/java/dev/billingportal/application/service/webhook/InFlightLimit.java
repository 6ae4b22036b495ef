package dev.billingportal.application.service.webhook;

import dev.billingportal.domain.webhook.WebhookEndpointId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many attempts one endpoint may have in flight in this process. A worker that finds the endpoint at its limit
 * does not wait for it: it defers the message and takes the next one, so an endpoint that hangs for its full 15 s on
 * every call holds at most this many workers, and every other endpoint's messages go on (spec §13: one endpoint's
 * failures never delay another's messages).
 */
final class InFlightLimit {
    private final int perEndpoint;
    private final ConcurrentMap<WebhookEndpointId, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightLimit(int perEndpoint) {
        if (perEndpoint < 1) {
            throw new IllegalArgumentException("an endpoint may have at least one attempt in flight");
        }
        this.perEndpoint = perEndpoint;
    }

    /** Takes a place for an attempt to {@code endpoint}; false when it has none free. */
    boolean tryTake(WebhookEndpointId endpoint) {
        boolean[] taken = {false};
        inFlight.compute(endpoint, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perEndpoint) {
                return now;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(WebhookEndpointId endpoint) {
        inFlight.computeIfPresent(endpoint, (id, count) -> count <= 1 ? null : count - 1);
    }
}
