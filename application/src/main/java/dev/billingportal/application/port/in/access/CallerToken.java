package dev.billingportal.application.port.in.access;

import java.util.Objects;
import java.util.Set;

/** A token a caller presents, and the kinds of caller the adapter that received it accepts. */
public record CallerToken(String token, Set<CallerKind> accepted) {
    public CallerToken {
        Objects.requireNonNull(token, "token");
        accepted = Set.copyOf(accepted);
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("an adapter accepts at least one kind of caller");
        }
    }

    /** Never printed: it is a secret. */
    @Override
    public String toString() {
        return "CallerToken[hidden, accepted=" + accepted + "]";
    }
}
