package dev.billingportal.application.port.in.access;

import java.time.Duration;

/** A new session's token, shown once and stored only as a hash; {@code expiresIn} is its absolute lifetime. */
public record SessionToken(String token, Duration expiresIn) {
    @Override
    public String toString() {
        return "SessionToken[hidden, expiresIn=" + expiresIn + "]";
    }
}
