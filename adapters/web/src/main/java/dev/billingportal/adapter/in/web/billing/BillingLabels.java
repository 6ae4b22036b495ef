package dev.billingportal.adapter.in.web.billing;

import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.InvoiceLine;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.TransactionLine;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionHeadline;
import java.util.Arrays;

/** Invoices and transactions in the reader's words and formats, for every page that lists them. */
public final class BillingLabels {
    private BillingLabels() {
    }

    public static InvoiceLine invoice(Texts t, Formats formats, InvoiceView view) {
        Invoice invoice = view.invoice();
        String status = view.overdue() ? "OVERDUE" : invoice.status().name();
        return new InvoiceLine(invoice.id().toString(), invoice.invoiceNumber(),
                formats.date(invoice.issueDate()), formats.date(invoice.dueDate()), formats.money(invoice.total()),
                formats.money(invoice.amountDue()), t.get("invoice.status." + status),
                "badge--" + status.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    public static TransactionLine transaction(Texts t, Formats formats, Transaction transaction) {
        return entry(t, formats, HistoryEntry.of(transaction));
    }

    /** A line of the history page, from its read model. */
    public static TransactionLine entry(Texts t, Formats formats, HistoryEntry entry) {
        return line(t, formats, entry, entry.invoiceNumber());
    }

    /** A payment, refund or credit on its invoice's own page, which need not name the invoice again. */
    public static TransactionLine appliedTo(Texts t, Formats formats, Transaction transaction) {
        return line(t, formats, HistoryEntry.of(transaction), null);
    }

    private static TransactionLine line(Texts t, Formats formats, HistoryEntry entry, String invoiceNumber) {
        // What it is about, each part once: the invoice number is often the reference too.
        String[] parts = {invoiceNumber, entry.reference(), entry.description()};
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part != null && !part.isBlank() && !Arrays.asList(parts).subList(0, i).contains(part)) {
                what.append(what.isEmpty() ? "" : " · ").append(part);
            }
        }
        return new TransactionLine(entry.sequence(), formats.localDateTime(entry.postedAt()),
                TransactionHeadline.label(entry.type(), t.language()), what.toString(), formats.money(entry.amount()),
                formats.money(entry.balanceAfter()), entry.effect().isNegative());
    }
}
