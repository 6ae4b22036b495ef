package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction posted to an account whose ledger the caller holds locked (spec §5), whoever asked for it — a single
 * posting or a bill run's line: the invoice issued or settled, the transaction with its sequence and running balance,
 * the ledger moved on, the account's users notified, the webhooks recorded and the provider's audit entry, all in the
 * caller's unit of work.
 */
public final class TransactionPosting {
    /**
     * Who hears of the postings to an account: its users with billing notifications on, by mail, and its webhook
     * subscriptions with the provider's. Read once for the account's postings in one unit of work, after its ledger
     * is locked.
     */
    public record Audience(List<PortalUser> recipients, List<WebhookSubscription> webhooks) {
        public Audience {
            recipients = List.copyOf(recipients);
            webhooks = List.copyOf(webhooks);
        }
    }

    /**
     * Which invoice numbers an account has issued, as its postings in one unit of work need to know: asked per invoice
     * ({@link #invoiceNumbersOf(AccountId)}: a single posting), or read at once for the numbers a batch of postings
     * names ({@link #invoiceNumbersOf(AccountId, Collection)}: a bill run's lines for the account). The numbers its
     * postings issue count as taken from then on, written or not.
     */
    public static final class InvoiceNumbers {
        private final AccountId account;
        private final Invoices invoices;
        private final Set<String> known;
        private final Set<String> taken;

        private InvoiceNumbers(AccountId account, Invoices invoices, Set<String> known, Set<String> taken) {
            this.account = account;
            this.invoices = invoices;
            this.known = known;
            this.taken = taken;
        }

        boolean taken(String number) {
            return taken.contains(number) || !known.contains(number) && invoices.numberTaken(account, number);
        }

        void issued(String number) {
            taken.add(number);
        }
    }

    private final Ledgers ledgers;
    private final Transactions transactions;
    private final Invoices invoices;
    private final NotificationRecorder notifications;
    private final WebhookRecorder webhooks;
    private final AuditLog auditLog;
    private final PortalUsers users;

    public TransactionPosting(Ledgers ledgers, Transactions transactions, Invoices invoices,
                              NotificationRecorder notifications, WebhookRecorder webhooks, AuditLog auditLog,
                              PortalUsers users) {
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.invoices = invoices;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.auditLog = auditLog;
        this.users = users;
    }

    /** Who hears of postings to the account now (see {@link Audience}). */
    public Audience audienceOf(AccountId account) {
        return new Audience(users.listByAccount(account, false), webhooks.subscriptionsFor(account));
    }

    /** The account's invoice numbers, each asked of the database when a posting issues it. */
    public InvoiceNumbers invoiceNumbersOf(AccountId account) {
        return new InvoiceNumbers(account, invoices, new HashSet<>(), new HashSet<>());
    }

    /** The account's invoice numbers, those in {@code named} read in one query; any other still asked when issued. */
    public InvoiceNumbers invoiceNumbersOf(AccountId account, Collection<String> named) {
        Set<String> taken = named.isEmpty() ? new HashSet<>() : new HashSet<>(invoices.numbersTaken(account, named));
        return new InvoiceNumbers(account, invoices, new HashSet<>(named), taken);
    }

    /**
     * Posts {@code request} after {@code ledger} (the account's, locked) and returns the transaction; the ledger it
     * leaves is {@code ledger.after(transaction)}. {@code audience}: whom the posting notifies ({@link #audienceOf},
     * read in this unit of work); {@code numbers}: the account's invoice numbers ({@link #invoiceNumbersOf}, this unit
     * of work's).
     * A rule the request breaks against the account throws, and the caller's unit of work writes nothing.
     * {@code billRun}: the run whose line this is, if it is one; the notification mails then wait for the run.
     */
    public Transaction post(Account account, Ledger ledger, String key, String fingerprint, TransactionRequest request,
                            Audience audience, InvoiceNumbers numbers, ActorRef actor, Optional<Reason> reason,
                            Optional<BillRunId> billRun, Instant now) {
        PostingRules.currency(request, account);
        Money amount = PostingRules.amount(request, account);
        Instant postedAt = PostingRules.postedAt(request, now);
        long sequence = ledger.nextSequence();
        TransactionId id = TransactionId.random();
        InvoiceId invoiceId = null;
        String invoiceNumber = null;
        if (request.type() == TransactionType.INVOICE) {
            InvoiceDraft draft = request.invoice().orElseThrow();
            InvoiceArithmetic.Checked figures = InvoiceArithmetic.check(draft, account.currency(), amount);
            if (numbers.taken(draft.invoiceNumber())) {
                throw InvoiceDraft.numberTaken(draft.invoiceNumber());
            }
            Invoice invoice = Invoice.issue(InvoiceId.random(), account.id(), id, sequence, draft, figures, postedAt);
            invoices.add(invoice);
            numbers.issued(invoice.invoiceNumber());
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
                Optional.empty(), audience.recipients(), billRun, now);
        webhooks.transactionPosted(transaction, audience.webhooks(), now);
        auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.TRANSACTION, transaction.id().value(),
                        label(transaction)), Optional.of(account.id()), actor, AuditAction.TRANSACTION_POSTED,
                List.of(), transaction.createdAt()).because(reason));
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
