package dev.billingportal.domain.billrun;

import java.util.Objects;
import java.util.UUID;

public record BillRunId(UUID value) {
    public BillRunId {
        Objects.requireNonNull(value, "value");
    }

    public static BillRunId random() {
        return new BillRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
