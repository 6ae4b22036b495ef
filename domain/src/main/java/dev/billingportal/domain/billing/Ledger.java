package dev.billingportal.domain.billing;

import java.util.Objects;

/**
 * An account's running totals: the sequence number of its last transaction and its balance after it.
 * Posting reads it under a lock, so transactions get gapless sequence numbers and exact balances even when
 * posted concurrently.
 */
public record Ledger(long lastSequence, Money balance) {
    public Ledger {
        Objects.requireNonNull(balance, "balance");
    }

    public long nextSequence() {
        return lastSequence + 1;
    }

    /** The ledger once {@code transaction} (which must be the next one) is posted. */
    public Ledger after(Transaction transaction) {
        if (transaction.sequence() != nextSequence()) {
            throw new IllegalArgumentException("Transaction " + transaction.sequence() + " is not the next one");
        }
        return new Ledger(transaction.sequence(), transaction.balanceAfter());
    }
}
