package dev.billingportal.domain.user;

import java.util.Objects;
import java.util.UUID;

public record PortalUserId(UUID value) {
    public PortalUserId {
        Objects.requireNonNull(value, "value");
    }

    public static PortalUserId random() {
        return new PortalUserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
