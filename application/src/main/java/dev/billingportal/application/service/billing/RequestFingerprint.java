package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.billing.InvoiceDraft;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What identifies a posting request for idempotency: every field, written out in one fixed order, hashed.
 * The same request sent twice — whatever its JSON whitespace or key order — has the same fingerprint.
 */
public final class RequestFingerprint {
    private RequestFingerprint() {
    }

    public static String of(TransactionRequest request) {
        StringJoiner canonical = new StringJoiner("\n");
        canonical.add("type=" + request.type());
        canonical.add("amount=" + request.amount());
        canonical.add("currency=" + text(request.currency()));
        canonical.add("postedAt=" + text(request.postedAt()));
        canonical.add("reference=" + text(request.reference()));
        canonical.add("description=" + text(request.description()));
        canonical.add("invoiceId=" + text(request.invoiceId()));
        request.invoice().ifPresent(invoice -> invoice(canonical, invoice));
        return SecretTokens.hash(canonical.toString());
    }

    private static void invoice(StringJoiner canonical, InvoiceDraft invoice) {
        canonical.add("invoice.number=" + invoice.invoiceNumber());
        canonical.add("invoice.issueDate=" + invoice.issueDate());
        canonical.add("invoice.dueDate=" + invoice.dueDate());
        canonical.add("invoice.period=" + invoice.periodStart() + ".." + invoice.periodEnd());
        for (InvoiceDraft.LineDraft line : invoice.lines()) {
            canonical.add("line=" + escape(line.description()) + "|" + line.quantity() + "|" + line.unitPrice() + "|"
                    + line.amount());
        }
        for (InvoiceDraft.TaxDraft tax : invoice.taxes()) {
            canonical.add("tax=" + escape(tax.name()) + "|" + tax.rate() + "|" + tax.amount());
        }
    }

    private static String text(Optional<?> value) {
        return value.map(v -> escape(v.toString())).orElse("-");
    }

    /** Keeps the separators unambiguous, whatever a description contains. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n");
    }
}
