package dev.billingportal.application.port.in.billrun;

import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.domain.failure.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * One line of a bill run's file as read (spec §14): its number in the file, where it goes (an account number or an
 * account id; {@code null} for what was left out), its own idempotency key, the transaction as sent, and what the
 * reader could not read (a malformed line, a value of the wrong type) — judged with the line's other errors, each
 * field once.
 */
public record BillRunLineInput(long line, String accountNumber, String accountId, String idempotencyKey,
                               TransactionInput transaction, List<FieldError> unreadable) {
    public BillRunLineInput {
        if (line < 1) {
            throw new IllegalArgumentException("a file's lines are numbered from 1");
        }
        Objects.requireNonNull(transaction, "transaction");
        unreadable = List.copyOf(unreadable);
    }

    /** A line that could not be read at all. */
    public static BillRunLineInput unreadable(long line, FieldError why) {
        return new BillRunLineInput(line, null, null, null, new TransactionInput(null, null, null, null, null, null,
                null, null), List.of(why));
    }
}
