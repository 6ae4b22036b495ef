package dev.billingportal.domain.notification;

import java.util.Objects;
import java.util.UUID;

/** Identifies one delivery: one event to one recipient. The mail's Message-ID derives from it. */
public record DeliveryId(UUID value) {
    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
