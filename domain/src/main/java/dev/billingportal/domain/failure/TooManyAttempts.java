package dev.billingportal.domain.failure;

import java.time.Duration;

/** Sign-in for this username is throttled after repeated failures. */
public final class TooManyAttempts extends PortalFailure {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many failed sign-in attempts. Try again later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "too-many-attempts";
    }
}
