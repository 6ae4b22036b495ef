package dev.billingportal.adapter.in.web;

/**
 * Requests a minute each client address and each session (an API token or a web session) may make, across the API and
 * the pages; 0 switches a limit off. Generous by default: far above what a person or a batch integration does, low
 * enough that one client cannot flood the portal (OWASP API4, unrestricted resource consumption).
 */
public record RateLimits(int perAddressPerMinute, int perSessionPerMinute) {
    public RateLimits {
        if (perAddressPerMinute < 0 || perSessionPerMinute < 0) {
            throw new IllegalArgumentException("portal.rate-limit.* are requests a minute, at least 0");
        }
    }
}
