package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.Transaction;

public interface PostTransactionUseCase {

    /** The posted transaction; {@code replayed} when the idempotency key had already posted it. */
    record Posted(Transaction transaction, boolean replayed) {
    }

    /**
     * Posts a transaction (spec §5): the next sequence number, the running balance, an invoice or its
     * settlement, and the "transaction posted" notifications, in one transaction. The same idempotency key
     * with the same request returns the original; with a different request it is a {@code RuleViolation}.
     */
    Posted post(PostTransactionCommand command);
}
