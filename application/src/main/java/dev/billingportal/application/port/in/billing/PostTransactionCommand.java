package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.common.Dates;
import dev.billingportal.domain.failure.FieldChecks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider posts a transaction to an account (spec §5) under an idempotency key, with an optional reason for the
 * audit (spec §11). Built from what was sent, it checks every field and what each type must and must not carry; what
 * depends on the account (its currency, its invoices) is checked when posting. The reason is not part of the
 * transaction: a replay with another reason is the same request.
 */
public record PostTransactionCommand(Actor actor, AccountId account, String idempotencyKey,
                                     TransactionRequest request, Optional<Reason> reason) {
    public PostTransactionCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
    }

    /** From what was sent; every invalid field is reported at once ({@code InvalidInput}). */
    public static PostTransactionCommand of(Actor actor, AccountId account, String idempotencyKey,
                                            TransactionInput input) {
        return of(actor, account, idempotencyKey, input, null);
    }

    /** The same, with the reason given ({@code null} for none). */
    public static PostTransactionCommand of(Actor actor, AccountId account, String idempotencyKey,
                                            TransactionInput input, String reason) {
        FieldChecks checks = FieldChecks.start();
        Optional<Reason> why = checks.optional("reason", reason, Reason::new);
        String key = checks.required("idempotencyKey", idempotencyKey, Transaction::idempotencyKey);
        TransactionType type = checks.required("type", input.type(), TransactionType::parse);
        Decimal amount = checks.required("amount", input.amount(), Decimal::parse);
        Optional<CurrencyCode> currency = checks.optional("currency", input.currency(), CurrencyCode::new);
        Optional<Instant> postedAt = checks.optional("postedAt", input.postedAt(), Dates::instant);
        Optional<String> reference = checks.optional("reference", input.reference(), Transaction::reference);
        Optional<String> description = checks.optional("description", input.description(), Transaction::description);
        Optional<InvoiceId> invoiceId = checks.optional("invoiceId", input.invoiceId(), InvoiceId::parse);
        Optional<InvoiceDraft> invoice = Optional.ofNullable(input.invoice())
                .map(raw -> raw.draft(checks.within("invoice")));
        if (type != null) {
            requireShape(checks, type, input);
        }
        checks.orThrow();
        return new PostTransactionCommand(actor, account, key, new TransactionRequest(type, amount, currency,
                postedAt, reference, description, invoiceId, invoice), why);
    }

    /** What each type must and must not carry. */
    private static void requireShape(FieldChecks checks, TransactionType type, TransactionInput input) {
        boolean isInvoice = type == TransactionType.INVOICE;
        if (isInvoice && input.invoice() == null) {
            checks.reject("invoice", "is required for an INVOICE");
        }
        if (!isInvoice && input.invoice() != null) {
            checks.reject("invoice", "is only for an INVOICE; a " + type
                    + " may name the invoice it settles with invoiceId");
        }
        if (isInvoice && input.invoiceId() != null) {
            checks.reject("invoiceId", "is for payments, refunds and credits, not an INVOICE");
        }
    }
}
