package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.Transaction;
import java.util.List;

/** One invoice as its page shows it: the invoice as a reader sees it today, and what was applied to it, in order. */
public record InvoiceDetail(InvoiceView view, List<Transaction> applied) {
    public InvoiceDetail {
        applied = List.copyOf(applied);
    }
}
