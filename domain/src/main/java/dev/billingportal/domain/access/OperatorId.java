package dev.billingportal.domain.access;

import java.util.Objects;
import java.util.UUID;

/** A person on the provider's billing team (spec §11). */
public record OperatorId(UUID value) {
    public OperatorId {
        Objects.requireNonNull(value, "value");
    }

    public static OperatorId random() {
        return new OperatorId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
