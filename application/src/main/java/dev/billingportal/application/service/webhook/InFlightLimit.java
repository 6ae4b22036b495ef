package dev.billingportal.application.service.webhook;

import dev.billingportal.domain.webhook.WebhookEndpointId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How many attempts one endpoint may have in flight in this process. A worker that finds the endpoint at its limit
 * waits a moment at most ({@link #awaitPlace}), outside any transaction — an endpoint answering in milliseconds frees a
 * place well within it — and then defers the message and takes the next one, so an endpoint that hangs for its full
 * 15 s on every call holds at most this many workers, and every other endpoint's messages go on (spec §13: one
 * endpoint's failures never delay another's messages).
 */
final class InFlightLimit {
    private final int perEndpoint;
    private final Map<WebhookEndpointId, Integer> inFlight = new HashMap<>();

    InFlightLimit(int perEndpoint) {
        if (perEndpoint < 1) {
            throw new IllegalArgumentException("an endpoint may have at least one attempt in flight");
        }
        this.perEndpoint = perEndpoint;
    }

    /** Takes a place for an attempt to {@code endpoint}; false when it has none free. */
    synchronized boolean tryTake(WebhookEndpointId endpoint) {
        int now = inFlight.getOrDefault(endpoint, 0);
        if (now >= perEndpoint) {
            return false;
        }
        inFlight.put(endpoint, now + 1);
        return true;
    }

    synchronized void release(WebhookEndpointId endpoint) {
        inFlight.computeIfPresent(endpoint, (id, count) -> count <= 1 ? null : count - 1);
        notifyAll();
    }

    /**
     * Waits up to {@code patience} until {@code endpoint} has a free place (without taking it: another worker may be
     * first); true if it has one.
     */
    synchronized boolean awaitPlace(WebhookEndpointId endpoint, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (inFlight.getOrDefault(endpoint, 0) >= perEndpoint) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
