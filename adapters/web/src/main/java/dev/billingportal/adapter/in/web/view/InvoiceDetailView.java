package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One invoice's page (spec §9): its figures, lines and taxes as on the PDF, then what was paid or credited on it,
 * and what is still due — everything formatted for the reader.
 */
public record InvoiceDetailView(Chrome chrome, BillingPaths paths, String accountName, String accountNumber, InvoiceLine invoice,
                                Optional<String> period, List<Line> lines, String subtotal, List<Tax> taxes,
                                String total, List<TransactionLine> applied, String paid, String credited,
                                String zone) {

    /** A line of the invoice. */
    public record Line(String description, String quantity, String unitPrice, String amount) {
    }

    /** A tax of the invoice: its name, its rate and its amount. */
    public record Tax(String name, String rate, String amount) {
    }
}
