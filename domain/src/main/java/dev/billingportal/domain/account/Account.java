package dev.billingportal.domain.account;

import java.time.Instant;
import java.util.Objects;

/** A customer's billing account. Created by operators only; its currency never changes. */
public record Account(AccountId id, AccountNumber number, AccountName name, CurrencyCode currency, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
