package dev.billingportal.adapter.in.web;

import java.util.Set;

/**
 * Requests a minute each client address and each session (an API token or a web session) may make, across the API and
 * the pages; 0 switches a limit off. Generous by default: far above what a person or a batch integration does, low
 * enough that one client cannot flood the portal (OWASP API4, unrestricted resource consumption). Behind a load
 * balancer every request comes from the balancer: list its addresses in {@code trustedProxies}
 * ({@code portal.rate-limit.trusted-proxies}) and the client's address is read from {@code X-Forwarded-For}.
 */
public record RateLimits(int perAddressPerMinute, int perSessionPerMinute, Set<String> trustedProxies) {
    public RateLimits {
        if (perAddressPerMinute < 0 || perSessionPerMinute < 0) {
            throw new IllegalArgumentException("portal.rate-limit.* are requests a minute, at least 0");
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }

    public RateLimits(int perAddressPerMinute, int perSessionPerMinute) {
        this(perAddressPerMinute, perSessionPerMinute, Set.of());
    }

    /**
     * The client's address: the peer's, or — when the peer is a trusted load balancer — the last address it added to
     * {@code X-Forwarded-For} (what a client writes there itself comes before it, and is not believed).
     */
    public String clientAddress(String peer, java.util.Optional<String> forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = forwardedFor.get().split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }
}
