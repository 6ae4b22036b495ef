package dev.billingportal.domain.billing;

import java.util.Objects;

/** A tax of an invoice (GST 5, HST 13, QST 9.975...): {@code amount} = subtotal × rate / 100, rounded half-up. */
public record InvoiceTax(String name, Decimal rate, Money amount) {
    public InvoiceTax {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(amount, "amount");
    }
}
