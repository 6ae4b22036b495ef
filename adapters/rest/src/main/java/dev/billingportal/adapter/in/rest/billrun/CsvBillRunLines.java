package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A bill run's CSV file (spec §14), read record by record. The first row names the columns ({@link #COLUMNS}, in any
 * order; others are ignored). A transaction is one row, or — an invoice with several line items — consecutive rows
 * with the same {@code idempotencyKey}: the first carries the transaction's columns, each carries at most one line
 * item and one tax. A line's number is its row's, the header being 1. An empty cell is a value left out.
 */
final class CsvBillRunLines implements Iterator<BillRunLineInput> {
    /** The transaction's own columns: on a transaction's first row; a later row of it leaves them empty or equal. */
    static final List<String> TRANSACTION = List.of("accountNumber", "accountId", "idempotencyKey", "type", "amount",
            "currency", "postedAt", "reference", "description", "invoiceId", "invoiceNumber", "issueDate",
            "dueDate", "periodStart", "periodEnd");
    static final List<String> LINE = List.of("lineDescription", "lineQuantity", "lineUnitPrice", "lineAmount");
    static final List<String> TAX = List.of("taxName", "taxRate", "taxAmount");
    static final Set<String> COLUMNS = Set.copyOf(concat(TRANSACTION, LINE, TAX));

    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> header;
    private long row = 1;
    private Row pending;

    /** One record, with its row number. */
    private record Row(long number, CSVRecord record) {
    }

    CsvBillRunLines(Reader reader) {
        CSVParser parser;
        try {
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true).get().parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            throw unreadable(unreadable, 1);
        }
        header = parser.getHeaderMap();
        List<String> missing = List.of("type", "amount", "idempotencyKey").stream()
                .filter(column -> !header.containsKey(column)).toList();
        if (missing.isEmpty() && !header.containsKey("accountNumber") && !header.containsKey("accountId")) {
            missing = List.of("accountNumber");
        }
        if (!missing.isEmpty()) {
            throw InvalidInput.field("body", "lacks the column(s) " + String.join(", ", missing)
                    + " in its first row");
        }
        records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = read();
        }
        return pending != null;
    }

    @Override
    public BillRunLineInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row first = pending;
        List<Row> rows = new ArrayList<>(List.of(first));
        pending = null;
        String key = cell(first.record(), "idempotencyKey");
        while (key != null && (pending = read()) != null && key.equals(cell(pending.record(), "idempotencyKey"))) {
            rows.add(pending);
            pending = null;
        }
        return transaction(rows);
    }

    private Row read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            row++;
            return new Row(row, record);
        } catch (UncheckedIOException | IllegalStateException unreadable) {
            throw unreadable(unreadable, row + 1);
        }
    }

    private BillRunLineInput transaction(List<Row> rows) {
        CSVRecord first = rows.getFirst().record();
        List<FieldError> errors = new ArrayList<>();
        if (!first.isConsistent()) {
            errors.add(FieldError.of("line", "has " + first.size() + " columns where the first row has "
                    + header.size()));
        }
        List<InvoiceInput.Line> lines = new ArrayList<>();
        List<InvoiceInput.Tax> taxes = new ArrayList<>();
        for (Row row : rows) {
            CSVRecord record = row.record();
            if (row != rows.getFirst()) {
                for (String column : TRANSACTION) {
                    String value = cell(record, column);
                    if (value != null && !value.equals(cell(first, column))) {
                        errors.add(FieldError.of(column, "differs on row " + row.number()
                                + " from the transaction's first row"));
                    }
                }
            }
            if (LINE.stream().anyMatch(column -> cell(record, column) != null)) {
                lines.add(new InvoiceInput.Line(cell(record, "lineDescription"), cell(record, "lineQuantity"),
                        cell(record, "lineUnitPrice"), cell(record, "lineAmount")));
            }
            if (TAX.stream().anyMatch(column -> cell(record, column) != null)) {
                taxes.add(new InvoiceInput.Tax(cell(record, "taxName"), cell(record, "taxRate"),
                        cell(record, "taxAmount")));
            }
        }
        boolean invoice = cell(first, "invoiceNumber") != null || !lines.isEmpty()
                || List.of("issueDate", "dueDate", "periodStart", "periodEnd").stream()
                .anyMatch(column -> cell(first, column) != null);
        InvoiceInput invoiceInput = invoice ? new InvoiceInput(cell(first, "invoiceNumber"),
                cell(first, "issueDate"), cell(first, "dueDate"), cell(first, "periodStart"),
                cell(first, "periodEnd"), lines, taxes) : null;
        TransactionInput transaction = new TransactionInput(cell(first, "type"), cell(first, "amount"),
                cell(first, "currency"), cell(first, "postedAt"), cell(first, "reference"),
                cell(first, "description"), cell(first, "invoiceId"), invoiceInput);
        return new BillRunLineInput(rows.getFirst().number(), cell(first, "accountNumber"),
                cell(first, "accountId"), cell(first, "idempotencyKey"), transaction, errors);
    }

    /** A cell's text; null when the column is absent, the row short, or the cell empty. */
    private String cell(CSVRecord record, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isEmpty() ? null : value;
    }

    private static InvalidInput unreadable(Exception failure, long row) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return InvalidInput.field("body", "is not valid UTF-8 (row " + row + ")");
            }
            if (cause instanceof InputTooLarge tooLarge) {
                throw tooLarge;
            }
        }
        return InvalidInput.field("body", "is not valid CSV from row " + row + ": " + failure.getMessage());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
