package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.common.Dates;
import dev.billingportal.domain.failure.FieldChecks;
import java.time.LocalDate;
import java.util.List;

/** The invoice an {@code INVOICE} posting carries, as sent: text, {@code null} for what was left out. */
public record InvoiceInput(String invoiceNumber, String issueDate, String dueDate, String periodStart,
                           String periodEnd, List<Line> lines, List<Tax> taxes) {

    public record Line(String description, String quantity, String unitPrice, String amount) {
    }

    public record Tax(String name, String rate, String amount) {
    }

    /**
     * The draft described, every invalid field reported into {@code checks}; null when one is invalid. Whether
     * its figures add up is checked later, against the account's currency.
     */
    InvoiceDraft draft(FieldChecks checks) {
        String number = checks.required("invoiceNumber", invoiceNumber, InvoiceDraft::invoiceNumber);
        LocalDate issued = checks.required("issueDate", issueDate, Dates::date);
        LocalDate due = checks.required("dueDate", dueDate, Dates::date);
        LocalDate start = checks.optional("periodStart", periodStart, Dates::date).orElse(null);
        LocalDate end = checks.optional("periodEnd", periodEnd, Dates::date).orElse(null);
        List<InvoiceDraft.LineDraft> lineDrafts = checks.list("lines", lines, (line, raw) ->
                new InvoiceDraft.LineDraft(line.required("description", raw.description(), InvoiceDraft::lineDescription),
                        line.required("quantity", raw.quantity(), Decimal::parse),
                        line.required("unitPrice", raw.unitPrice(), Decimal::parse),
                        line.required("amount", raw.amount(), Decimal::parse)));
        List<InvoiceDraft.TaxDraft> taxDrafts = checks.list("taxes", taxes == null ? List.of() : taxes, (tax, raw) ->
                new InvoiceDraft.TaxDraft(tax.required("name", raw.name(), InvoiceDraft::taxName),
                        tax.required("rate", raw.rate(), Decimal::parse),
                        tax.required("amount", raw.amount(), Decimal::parse)));
        if (checks.failed()) {
            return null;
        }
        // The dates' order is a rule of the draft itself; it reports under this invoice's own path.
        return new InvoiceDraft(number, issued, due, start, end, lineDrafts, taxDrafts);
    }
}
