package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

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

    public static final int MAX_REFERENCE_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The billing system's own reference ({@code PAY-981}): one line, at most 100 characters. */
    public static String reference(String raw) {
        return Text.singleLine(raw, 1, MAX_REFERENCE_LENGTH);
    }

    /** What the transaction was for: one line, at most 500 characters. */
    public static String description(String raw) {
        return Text.singleLine(raw, 1, MAX_DESCRIPTION_LENGTH);
    }

    /** The key that makes posting idempotent (spec §5): 1-255 visible ASCII characters, unique per account. */
    public static String idempotencyKey(String raw) {
        if (!IDEMPOTENCY_KEY.matcher(raw).matches()) {
            throw new InvalidValue("must be 1-255 visible ASCII characters");
        }
        return raw;
    }

    /** What this transaction did to the balance. */
    public Money effect() {
        return type.effectOn(amount);
    }
}
