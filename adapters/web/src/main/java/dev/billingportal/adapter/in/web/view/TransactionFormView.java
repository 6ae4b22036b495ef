package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's form for one transaction (spec §12): its type, then an invoice's number, dates, lines and taxes with
 * the figures the server computed from them, or a payment's, refund's or credit's amount and the invoice it settles;
 * the reason; and the idempotency key that makes a resubmitted form post nothing twice.
 *
 * @param values  what the form holds, by field name ({@code invoice.lines[0].quantity})
 * @param figures the computed figures, by the same names ({@code invoice.lines[0].amount}, {@code subtotal},
 *                {@code invoice.taxes[1].amount}, {@code total}), or absent while a figure cannot be read
 * @param errors  what is wrong, by field name, {@code form} for the whole
 */
public record TransactionFormView(Chrome chrome, String accountPath, String accountName, String currency,
                                  String type, List<OperatorsView.Choice> types, String idempotencyKey,
                                  Map<String, String> values, int lines, int taxes, Map<String, String> figures,
                                  List<OperatorsView.Choice> invoices, Map<String, String> errors) {

    public TransactionFormView {
        types = List.copyOf(types);
        invoices = List.copyOf(invoices);
    }

    public boolean isInvoice() {
        return "INVOICE".equals(type);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String figure(String name) {
        return figures.getOrDefault(name, "—");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** A field name as an element id: {@code invoice.lines[0].quantity} → {@code invoice-lines-0-quantity}. */
    public static String id(String field) {
        return field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    public static String line(int index, String part) {
        return "invoice.lines[" + index + "]." + part;
    }

    public static String tax(int index, String part) {
        return "invoice.taxes[" + index + "]." + part;
    }

    public Optional<String> formError() {
        return Optional.ofNullable(errors.get("form"));
    }
}
