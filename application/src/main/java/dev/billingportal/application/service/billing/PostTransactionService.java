package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts the provider's transactions (spec §5): the billing and admin roles may (spec §11), and the provider's audit
 * records who posted each, with the reason given. The account's ledger is locked first, so postings to one account
 * are decided one at a time: idempotency keys, sequence numbers and running balances are exact under any
 * concurrency. Everything the posting writes — transaction, invoice or its settlement, ledger, outbox — commits
 * together or not at all.
 */
public final class PostTransactionService implements PostTransactionUseCase {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Ledgers ledgers;
    private final Transactions transactions;
    private final TransactionPosting posting;
    private final Clock clock;

    public PostTransactionService(UnitOfWork unitOfWork, Accounts accounts, Ledgers ledgers, Transactions transactions,
                                  TransactionPosting posting, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.posting = posting;
        this.clock = clock;
    }

    @Override
    public Posted post(PostTransactionCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.POST_BILLING);
        TransactionRequest request = command.request();
        String fingerprint = RequestFingerprint.of(request);
        return unitOfWork.inTransaction(() -> {
            Account account = accounts.find(command.account()).orElseThrow(() -> new NotFound("The account"));
            Ledger ledger = ledgers.lock(account.id());
            Optional<Transaction> earlier = transactions.findByIdempotencyKey(account.id(), command.idempotencyKey());
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(fingerprint)) {
                    throw RuleViolation.field("idempotencyKey",
                            "was already used for a different request; use a new key for a new transaction");
                }
                return new Posted(earlier.get(), true);
            }
            Transaction posted = posting.post(account, ledger, command.idempotencyKey(), fingerprint, request,
                    posting.audienceOf(account.id()), posting.invoiceNumbersOf(account.id()), command.actor().ref(),
                    command.reason(), Optional.empty(), clock.instant());
            return new Posted(posted, false);
        });
    }
}
