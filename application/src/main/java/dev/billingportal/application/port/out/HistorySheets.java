package dev.billingportal.application.port.out;

import dev.billingportal.domain.billing.Transaction;
import java.io.OutputStream;

/**
 * A transaction history as a file a spreadsheet opens (spec §5: CSV, RFC 4180, with a header row), written row by
 * row as the history is read, so an export of any length needs the memory of one batch.
 */
public interface HistorySheets {

    /** Starts a sheet on {@code out}: the header row now, then the rows handed to the writer. */
    Writer start(OutputStream out);

    interface Writer {
        void row(Transaction transaction);

        /** Writes out what is buffered; the stream stays open, for its owner to close. */
        void finish();
    }
}
