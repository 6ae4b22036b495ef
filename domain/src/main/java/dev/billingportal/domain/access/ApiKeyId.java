package dev.billingportal.domain.access;

import java.util.Objects;
import java.util.UUID;

/** A named API key: one integration's credential on the operator API (spec §11). */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
