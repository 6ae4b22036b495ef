package dev.billingportal.domain.notification;

import java.util.Objects;
import java.util.UUID;

/** Identifies one delivery: one event to one recipient. The mail's Message-ID derives from it. */
public record NotificationId(UUID value) {
    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
