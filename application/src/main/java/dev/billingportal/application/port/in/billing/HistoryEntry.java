package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.time.Instant;

/**
 * One line of a history page as the API shows it — a read model, filled straight from the page's query: only the
 * columns the page shows, none of a transaction's bookkeeping (its idempotency key, its request's fingerprint).
 */
public record HistoryEntry(TransactionId id, long sequence, TransactionType type, Money amount, Instant postedAt,
                           String reference, String description, InvoiceId invoiceId, String invoiceNumber,
                           Money balanceAfter) {

    /** What this transaction did to the balance, as {@link Transaction#effect()} says. */
    public Money effect() {
        return type.effectOn(amount);
    }

    /** The entry a posted transaction shows as. */
    public static HistoryEntry of(Transaction t) {
        return new HistoryEntry(t.id(), t.sequence(), t.type(), t.amount(), t.postedAt(), t.reference(),
                t.description(), t.invoiceId(), t.invoiceNumber(), t.balanceAfter());
    }
}
