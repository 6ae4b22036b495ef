package dev.billingportal.adapter.out.documents;

import dev.billingportal.application.port.out.BillRunErrorSheets;
import dev.billingportal.domain.billrun.BillRunError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A bill run's bad lines as CSV (RFC 4180, UTF-8, a header row): line, field, message — the API's own words. */
public final class CsvBillRunErrorSheets implements BillRunErrorSheets {
    static final String[] COLUMNS = {"line", "field", "message"};

    @Override
    public void write(List<BillRunError> errors, OutputStream out) {
        try {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
            for (BillRunError error : errors) {
                csv.printRecord(error.line(), error.field(), error.message());
            }
            csv.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
