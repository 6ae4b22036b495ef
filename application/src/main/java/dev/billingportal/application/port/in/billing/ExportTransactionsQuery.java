package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import java.io.OutputStream;
import java.util.function.Consumer;

public interface ExportTransactionsQuery {

    /**
     * Hands every matching transaction, newest first, to {@code rows} — read in batches, so the whole history
     * is never in memory at once. Access is checked before the first row.
     */
    void export(Actor actor, AccountId account, TransactionFilter filter, Consumer<Transaction> rows);

    /**
     * Writes every matching transaction, newest first, to {@code out} as CSV (spec §5), as it is read. Call
     * {@link #checkExport} first when a failure must still be answerable before the first byte.
     */
    void exportCsv(Actor actor, AccountId account, TransactionFilter filter, OutputStream out);

    /** Checks access and the filter without reading anything, so a response can fail before it starts. */
    void checkExport(Actor actor, AccountId account, TransactionFilter filter);
}
