package dev.billingportal.domain.billing;

import java.util.Objects;

/** A line of an invoice: {@code amount} = quantity × unit price, rounded half-up to the cent. */
public record InvoiceLine(String description, Decimal quantity, Money unitPrice, Money amount) {
    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }
}
