package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.PortalUsers;
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
    /** Back-dating is normal; a transaction far in the future is a mistake. */

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Ledgers ledgers;
    private final Transactions transactions;
    private final Invoices invoices;
    private final PortalUsers users;
    private final NotificationRecorder notifications;
    private final WebhookRecorder webhooks;
    private final AuditLog auditLog;
    private final Clock clock;

    public PostTransactionService(UnitOfWork unitOfWork, Accounts accounts, Ledgers ledgers, Transactions transactions,
                                  Invoices invoices, PortalUsers users, NotificationRecorder notifications,
                                  WebhookRecorder webhooks, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.invoices = invoices;
        this.users = users;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.auditLog = auditLog;
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
            Transaction posted = post(account, ledger, command.idempotencyKey(), fingerprint, request);
            auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.TRANSACTION, posted.id().value(),
                            label(posted)), Optional.of(account.id()), command.actor(), AuditAction.TRANSACTION_POSTED,
                    List.of(), posted.createdAt()).because(command.reason()));
            return new Posted(posted, false);
        });
    }

    private Transaction post(Account account, Ledger ledger, String key, String fingerprint, TransactionRequest request) {
        PostingRules.currency(request, account);
        Money amount = PostingRules.amount(request, account);
        Instant now = clock.instant();
        Instant postedAt = PostingRules.postedAt(request, now);
        long sequence = ledger.nextSequence();
        TransactionId id = TransactionId.random();
        InvoiceId invoiceId = null;
        String invoiceNumber = null;
        if (request.type() == TransactionType.INVOICE) {
            InvoiceDraft draft = request.invoice().orElseThrow();
            InvoiceArithmetic.Checked figures = InvoiceArithmetic.check(draft, account.currency(), amount);
            if (invoices.numberTaken(account.id(), draft.invoiceNumber())) {
                throw InvoiceDraft.numberTaken(draft.invoiceNumber());
            }
            Invoice invoice = Invoice.issue(InvoiceId.random(), account.id(), id, sequence, draft, figures, postedAt);
            invoices.add(invoice);
            invoiceId = invoice.id();
            invoiceNumber = invoice.invoiceNumber();
        } else if (request.invoiceId().isPresent()) {
            Invoice invoice = invoices.lock(account.id(), request.invoiceId().get())
                    .orElseThrow(() -> RuleViolation.field("invoiceId", "is not an invoice of this account"));
            invoice.apply(request.type(), amount);
            invoices.update(invoice);
            invoiceId = invoice.id();
            invoiceNumber = invoice.invoiceNumber();
        }
        Money balanceAfter = ledger.balance().plus(request.type().effectOn(amount));
        Transaction transaction = new Transaction(id, account.id(), sequence, request.type(), amount, postedAt,
                request.reference().orElse(null), request.description().orElse(null), invoiceId, invoiceNumber,
                balanceAfter, key, fingerprint, now);
        transactions.add(transaction);
        ledgers.save(account.id(), ledger.after(transaction));
        notifications.billing(NotificationKind.TRANSACTION_POSTED, account, facts(transaction, request),
                Optional.empty(), users.listByAccount(account.id(), false), now);
        webhooks.transactionPosted(transaction, now);
        return transaction;
    }

    /** How the audit names a posting: {@code INVOICE INV-2026-0042 113.00 CAD}. */
    private static String label(Transaction transaction) {
        String number = transaction.invoiceNumber() != null ? " " + transaction.invoiceNumber()
                : transaction.reference() != null ? " " + transaction.reference() : "";
        return transaction.type().name() + number + " " + transaction.amount() + " "
                + transaction.amount().currency().value();
    }

    private static Map<String, String> facts(Transaction transaction, TransactionRequest request) {
        Map<String, String> facts = new HashMap<>();
        facts.put(EventFacts.TRANSACTION_TYPE, transaction.type().name());
        facts.put(EventFacts.AMOUNT, transaction.amount().toString());
        facts.put(EventFacts.CURRENCY, transaction.amount().currency().value());
        facts.put(EventFacts.POSTED_AT, transaction.postedAt().toString());
        facts.put(EventFacts.BALANCE_AFTER, transaction.balanceAfter().toString());
        if (transaction.reference() != null) {
            facts.put(EventFacts.REFERENCE, transaction.reference());
        }
        if (transaction.description() != null) {
            facts.put(EventFacts.DESCRIPTION, transaction.description());
        }
        if (transaction.invoiceNumber() != null) {
            facts.put(EventFacts.INVOICE_NUMBER, transaction.invoiceNumber());
        }
        request.invoice().ifPresent(draft -> facts.put(EventFacts.DUE_DATE, draft.dueDate().toString()));
        return facts;
    }
}
