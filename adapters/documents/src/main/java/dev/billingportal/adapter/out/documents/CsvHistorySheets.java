package dev.billingportal.adapter.out.documents;

import dev.billingportal.application.port.out.HistorySheets;
import dev.billingportal.domain.billing.Transaction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The history as CSV (Apache Commons CSV, RFC 4180 with a header row, UTF-8): machine-readable values — instants in
 * UTC (ISO 8601), amounts as the API writes them ({@code 123.45}) with their currency — for every reader alike, so a
 * file opens the same in any spreadsheet whoever downloaded it, from the API or from the page.
 */
public final class CsvHistorySheets implements HistorySheets {
    static final String[] COLUMNS = {"sequence", "postedAt", "type", "amount", "currency", "reference",
            "description", "invoiceNumber", "balanceAfter", "id"};

    @Override
    public Writer start(OutputStream out) {
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter printer = unchecked(() -> new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get()));
        return new Writer() {
            @Override
            public void row(Transaction t) {
                unchecked(() -> {
                    printer.printRecord(t.sequence(), t.postedAt(), t.type(), t.amount(), t.amount().currency(),
                            t.reference(), t.description(), t.invoiceNumber(), t.balanceAfter(), t.id());
                    return null;
                });
            }

            @Override
            public void finish() {
                unchecked(() -> {
                    printer.flush();
                    return null;
                });
            }
        };
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private static <T> T unchecked(Io<T> action) {
        try {
            return action.run();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
