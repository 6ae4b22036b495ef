package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A posted transaction: immutable once posted. {@code sequence} numbers an account's transactions
 * gaplessly in posting order; {@code balanceAfter} is the account's balance right after it. {@code postedAt}
 * is the business time, which an operator may back-date — shown and filtered on, but order and balances
 * follow the sequence.
 */
public record Transaction(TransactionId id, AccountId accountId, long sequence, TransactionType type, Money amount,
                          Instant postedAt, String reference, String description, InvoiceId invoiceId,
                          String invoiceNumber, Money balanceAfter, String idempotencyKey, String requestFingerprint,
                          Instant createdAt) {
    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a transaction's amount is positive; its type gives the sign");
        }
    }

    /** What this transaction did to the balance. */
    public Money effect() {
        return type.effectOn(amount);
    }
}
