package dev.billingportal.domain.billing;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a transaction does to the balance (spec §2): balance = invoices + refunds − payments − credits. */
public enum TransactionType {
    INVOICE(1), PAYMENT(-1), REFUND(1), CREDIT(-1);

    private final int sign;

    TransactionType(int sign) {
        this.sign = sign;
    }

    public static TransactionType parse(String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new InvalidValue("must be one of " + Arrays.stream(values()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The change to the balance that a transaction of this type and amount makes. */
    public Money effectOn(Money amount) {
        return sign > 0 ? amount : amount.negate();
    }
}
