package dev.billingportal.domain.billing;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Objects;
import java.util.UUID;

public record InvoiceId(UUID value) {
    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    /** An invoice id as text: a UUID. */
    public static InvoiceId parse(String raw) {
        try {
            return new InvoiceId(UUID.fromString(raw));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidValue("must be an invoice id (a UUID)");
        }
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
