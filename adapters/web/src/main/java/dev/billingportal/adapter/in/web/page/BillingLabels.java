package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.view.DashboardView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.Transaction;
import java.util.stream.Stream;

/** Invoices and transactions in the reader's words and formats, for every page that lists them. */
final class BillingLabels {
    private BillingLabels() {
    }

    static DashboardView.InvoiceLine invoice(Texts t, Formats formats, InvoiceView view) {
        Invoice invoice = view.invoice();
        String status = view.overdue() ? "OVERDUE" : invoice.status().name();
        return new DashboardView.InvoiceLine(invoice.id().toString(), invoice.invoiceNumber(),
                formats.date(invoice.issueDate()), formats.date(invoice.dueDate()), formats.money(invoice.total()),
                formats.money(invoice.amountDue()), t.get("invoice.status." + status),
                "badge--" + status.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    static DashboardView.TransactionLine transaction(Texts t, Formats formats, Transaction transaction) {
        String what = String.join(" · ", Stream.of(transaction.invoiceNumber(), transaction.reference(),
                transaction.description()).filter(part -> part != null && !part.isBlank()).distinct().toList());
        return new DashboardView.TransactionLine(formats.dateTime(transaction.postedAt()),
                t.get("transaction.type." + transaction.type().name()), what, formats.money(transaction.amount()),
                formats.money(transaction.balanceAfter()), transaction.effect().isNegative());
    }
}
