package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.TransactionType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as a posting describes it, each field valid. Amounts are decimals here: whether they carry the
 * right number of minor digits depends on the account's currency, which the posting service knows.
 */
public record TransactionRequest(TransactionType type, Decimal amount, Optional<CurrencyCode> currency,
                                 Optional<Instant> postedAt, Optional<String> reference,
                                 Optional<String> description, Optional<InvoiceId> invoiceId,
                                 Optional<InvoiceDraft> invoice) {
    public TransactionRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoice, "invoice");
    }
}
