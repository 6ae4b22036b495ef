package dev.billingportal.application.service.billrun;

import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.service.billing.PostingRules;
import dev.billingportal.application.service.billing.RequestFingerprint;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.FieldPath;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks a bill run's lines, in file order, before anything is posted (spec §14): each line against §5's rules and its
 * account's state, with a single posting's own messages ({@link PostTransactionCommand}, {@link PostingRules}), and
 * against the lines before it — an invoice number issued twice, a payment beyond what the file's earlier lines leave
 * due, an idempotency key reused for another request. A line whose key was already posted with the same request is
 * valid as it stands: posting it will count it as replayed. Runs within the caller's transaction; one instance per
 * file. The keys and invoice numbers a slice of lines names are read an account at a time ({@link #startSlice}),
 * not a line at a time: a query per account and slice.
 */
final class BillRunValidation {
    /** A line that may be posted: to {@code account}, as {@code command}. */
    record Valid(long line, Account account, PostTransactionCommand command) {
    }

    private record AccountInvoice(AccountId account, InvoiceId invoice) {
    }

    /** A line seen earlier in the file under an idempotency key; {@code posted}: the key was posted before. */
    private record Seen(long line, String fingerprint, boolean posted) {
    }

    /** How a line names its account: by number or by id, as written. */
    private record Reference(boolean byNumber, String value) {
    }

    /** What a slice's lines name under one account reference. */
    private record Named(Set<String> keys, Set<String> invoiceNumbers) {
        Named() {
            this(new HashSet<>(), new HashSet<>());
        }

        void add(Named other) {
            keys.addAll(other.keys());
            invoiceNumbers.addAll(other.invoiceNumbers());
        }
    }

    /** What was read for an account's lines of the slice: which keys and numbers were asked, and what was found. */
    private record Read(Set<String> keysAsked, Map<String, String> fingerprints, Set<String> numbersAsked,
                        Set<String> numbersTaken) {
    }

    private final Accounts accounts;
    private final Invoices invoices;
    private final Transactions transactions;
    private final Actor actor;
    private final Instant now;
    private final Map<String, Optional<Account>> byNumber = new HashMap<>();
    private final Map<UUID, Optional<Account>> byId = new HashMap<>();
    /** The invoices the file's lines settle, as those lines leave them, by the account that named them. */
    private final Map<AccountInvoice, Optional<Invoice>> settled = new HashMap<>();
    private final Map<AccountId, Set<String>> invoiceNumbers = new HashMap<>();
    private final Map<AccountId, Map<String, Seen>> keys = new HashMap<>();
    private final Map<Reference, Named> sliceNames = new HashMap<>();
    /** What the slice's lines name by the account they resolve to; resolved at the slice's first read. */
    private Map<AccountId, Named> sliceNamesByAccount;
    private final Map<AccountId, Read> sliceReads = new HashMap<>();

    BillRunValidation(Accounts accounts, Invoices invoices, Transactions transactions, Actor actor, Instant now) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.transactions = transactions;
        this.actor = actor;
        this.now = now;
    }

    /**
     * The slice of lines to be checked next: the keys and invoice numbers they name are read an account at a time,
     * as the account's first line is checked, whether its lines name it by number or by id. (Without a slice
     * started, a line asks on its own.)
     */
    void startSlice(List<BillRunLineInput> slice) {
        sliceNames.clear();
        sliceNamesByAccount = null;
        sliceReads.clear();
        for (BillRunLineInput line : slice) {
            for (Reference reference : references(line)) {
                Named named = sliceNames.computeIfAbsent(reference, ignored -> new Named());
                if (line.idempotencyKey() != null) {
                    named.keys().add(line.idempotencyKey());
                }
                if (line.transaction().invoice() != null && line.transaction().invoice().invoiceNumber() != null) {
                    named.invoiceNumbers().add(line.transaction().invoice().invoiceNumber());
                }
            }
        }
    }

    private static List<Reference> references(BillRunLineInput line) {
        List<Reference> references = new ArrayList<>(2);
        if (line.accountNumber() != null) {
            references.add(new Reference(true, line.accountNumber()));
        }
        if (line.accountId() != null) {
            references.add(new Reference(false, line.accountId()));
        }
        return references;
    }

    /** The account with this number, looked up once a file. */
    private Optional<Account> account(AccountNumber number) {
        return byNumber.computeIfAbsent(number.value(), ignored -> accounts.findByNumber(number));
    }

    /** The account with this id, looked up once a file. */
    private Optional<Account> account(UUID id) {
        return byId.computeIfAbsent(id, ignored -> accounts.find(new AccountId(id)));
    }

    /** The account a reference names, if any (the line's own check reports one that names none). */
    private Optional<Account> resolve(Reference reference) {
        try {
            return reference.byNumber() ? account(AccountNumber.parse(reference.value()))
                    : account(UUID.fromString(reference.value()));
        } catch (InvalidValue | IllegalArgumentException malformed) {
            return Optional.empty(); // the line's own check reports it
        }
    }

    /** What the slice's lines naming the account, whichever way, found posted before. */
    private Read read(AccountId account) {
        if (sliceNamesByAccount == null) {
            sliceNamesByAccount = new HashMap<>();
            sliceNames.forEach((reference, named) -> resolve(reference).ifPresent(found -> sliceNamesByAccount
                    .computeIfAbsent(found.id(), ignored -> new Named()).add(named)));
        }
        return sliceReads.computeIfAbsent(account, ignored -> {
            Named named = sliceNamesByAccount.getOrDefault(account, new Named());
            return new Read(named.keys(), named.keys().isEmpty() ? Map.of()
                    : transactions.fingerprintsByKey(account, named.keys()), named.invoiceNumbers(),
                    named.invoiceNumbers().isEmpty() ? Set.of() : invoices.numbersTaken(account,
                            named.invoiceNumbers()));
        });
    }

    /** The fingerprint of the request posted before under the key, if one was. */
    private Optional<String> postedBefore(AccountId account, String key) {
        Read read = read(account);
        return read.keysAsked().contains(key) ? Optional.ofNullable(read.fingerprints().get(key))
                : transactions.findByIdempotencyKey(account, key).map(Transaction::requestFingerprint);
    }

    private boolean numberTaken(AccountId account, String number) {
        Read read = read(account);
        return read.numbersAsked().contains(number) ? read.numbersTaken().contains(number)
                : invoices.numberTaken(account, number);
    }

    /** The line's errors (none: {@code valid} is its posting), each field once. */
    List<BillRunError> check(BillRunLineInput input, Consumer<Valid> valid) {
        if (input.unreadable().stream().anyMatch(error -> error.field().toString().equals("line"))) {
            // Not read at all (not JSON, not an object): its fields would only all be missing.
            return input.unreadable().stream().map(error -> new BillRunError(input.line(), name(error.field()),
                    error.message())).toList();
        }
        List<FieldError> errors = new ArrayList<>(input.unreadable());
        Optional<Account> account = account(input, errors);
        PostTransactionCommand command = null;
        try {
            command = PostTransactionCommand.of(actor, account.map(Account::id).orElseGet(AccountId::random),
                    input.idempotencyKey(), input.transaction());
        } catch (InvalidInput invalid) {
            invalid.errors().stream().filter(error -> notReported(errors, error.field())).forEach(errors::add);
        }
        if (command != null && account.isPresent() && errors.isEmpty()) {
            againstTheAccount(input.line(), account.get(), command, errors);
        }
        if (errors.isEmpty()) {
            valid.accept(new Valid(input.line(), account.orElseThrow(), command));
            return List.of();
        }
        return errors.stream().map(error -> new BillRunError(input.line(), name(error.field()), error.message()))
                .toList();
    }

    private Optional<Account> account(BillRunLineInput input, List<FieldError> errors) {
        Optional<Account> byNumberFound = Optional.empty();
        if (input.accountNumber() != null) {
            try {
                AccountNumber number = AccountNumber.parse(input.accountNumber());
                byNumberFound = account(number);
                if (byNumberFound.isEmpty()) {
                    errors.add(FieldError.of("accountNumber", "is not an account's number"));
                }
            } catch (InvalidValue malformed) {
                errors.add(FieldError.of("accountNumber", "is not an account number"));
            }
        }
        Optional<Account> byIdFound = Optional.empty();
        if (input.accountId() != null) {
            try {
                UUID id = UUID.fromString(input.accountId());
                byIdFound = account(id);
                if (byIdFound.isEmpty()) {
                    errors.add(FieldError.of("accountId", "is not an account's id"));
                }
            } catch (IllegalArgumentException malformed) {
                errors.add(FieldError.of("accountId", "is not an id"));
            }
        }
        if (input.accountNumber() == null && input.accountId() == null) {
            errors.add(FieldError.of("accountNumber", "is required (or accountId)"));
        }
        if (byNumberFound.isPresent() && byIdFound.isPresent() && !byNumberFound.get().equals(byIdFound.get())) {
            errors.add(FieldError.of("accountId", "names another account than accountNumber"));
            return Optional.empty();
        }
        return byNumberFound.isPresent() ? byNumberFound : byIdFound;
    }

    /** The rules a posting meets against its account, and against the file's earlier lines. */
    private void againstTheAccount(long line, Account account, PostTransactionCommand command,
                                   List<FieldError> errors) {
        TransactionRequest request = command.request();
        String fingerprint = RequestFingerprint.of(request);
        Map<String, Seen> accountKeys = keys.computeIfAbsent(account.id(), ignored -> new HashMap<>());
        Seen earlier = accountKeys.get(command.idempotencyKey());
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                errors.add(FieldError.of("idempotencyKey", earlier.posted()
                        ? "was already used for a different request; use a new key for a new transaction"
                        : "was already used on line " + earlier.line() + " for a different request"));
            }
            return; // the same request again: posted once, then replayed
        }
        Optional<String> posted = postedBefore(account.id(), command.idempotencyKey());
        if (posted.isPresent()) {
            if (!posted.get().equals(fingerprint)) {
                errors.add(FieldError.of("idempotencyKey",
                        "was already used for a different request; use a new key for a new transaction"));
            } else {
                accountKeys.put(command.idempotencyKey(), new Seen(line, fingerprint, true));
            }
            return; // posted before: a replay, judged when it was posted
        }
        try {
            PostingRules.currency(request, account);
            Money amount = PostingRules.amount(request, account);
            PostingRules.postedAt(request, now);
            if (request.type() == TransactionType.INVOICE) {
                InvoiceDraft draft = request.invoice().orElseThrow();
                InvoiceArithmetic.check(draft, account.currency(), amount);
                Set<String> numbers = invoiceNumbers.computeIfAbsent(account.id(), ignored -> new HashSet<>());
                if (numbers.contains(draft.invoiceNumber())
                        || numberTaken(account.id(), draft.invoiceNumber())) {
                    throw InvoiceDraft.numberTaken(draft.invoiceNumber());
                }
                numbers.add(draft.invoiceNumber());
            } else if (request.invoiceId().isPresent()) {
                Invoice invoice = settled.computeIfAbsent(new AccountInvoice(account.id(),
                                request.invoiceId().get()), key -> invoices.find(key.account(), key.invoice()))
                        .orElseThrow(() -> RuleViolation.field("invoiceId", "is not an invoice of this account"));
                invoice.apply(request.type(), amount);
            }
            accountKeys.put(command.idempotencyKey(), new Seen(line, fingerprint, false));
        } catch (InvalidInput failure) {
            errors.addAll(failure.errors());
        } catch (RuleViolation failure) {
            errors.addAll(failure.errors());
        } catch (StateConflict failure) {
            errors.addAll(failure.errors().isEmpty() ? List.of(FieldError.of("line", failure.getMessage()))
                    : failure.errors());
        }
    }

    private static boolean notReported(List<FieldError> errors, FieldPath field) {
        return errors.stream().noneMatch(error -> error.field().contains(field));
    }

    private static String name(FieldPath field) {
        String text = field.toString();
        return text.isEmpty() ? "line" : text;
    }
}
