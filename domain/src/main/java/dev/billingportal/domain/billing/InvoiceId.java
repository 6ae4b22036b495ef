package dev.billingportal.domain.billing;

import java.util.Objects;
import java.util.UUID;

public record InvoiceId(UUID value) {
    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
