package dev.billingportal.testing;

import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.out.TransactionHistory;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

public final class InMemoryTransactions implements Transactions {
    private final List<Transaction> transactions = new CopyOnWriteArrayList<>();

    @Override
    public void add(Transaction transaction) {
        transactions.add(transaction);
    }

    @Override
    public Optional<Transaction> find(AccountId account, TransactionId id) {
        return transactions.stream().filter(t -> t.accountId().equals(account) && t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Transaction> findByIdempotencyKey(AccountId account, String idempotencyKey) {
        return transactions.stream()
                .filter(t -> t.accountId().equals(account) && t.idempotencyKey().equals(idempotencyKey))
                .findFirst();
    }

    @Override
    public Map<String, String> fingerprintsByKey(AccountId account, Collection<String> idempotencyKeys) {
        return transactions.stream()
                .filter(t -> t.accountId().equals(account) && idempotencyKeys.contains(t.idempotencyKey()))
                .collect(Collectors.toMap(Transaction::idempotencyKey, Transaction::requestFingerprint));
    }

    @Override
    public List<Transaction> newestFirst(AccountId account, Criteria criteria, OptionalLong beforeSequence,
                                         int limit) {
        return matching(account, criteria)
                .filter(t -> t.sequence() < beforeSequence.orElse(Long.MAX_VALUE))
                .sorted(Comparator.comparingLong(Transaction::sequence).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Totals> totalsBetween(AccountId account, List<java.time.Instant> boundaries) {
        List<Totals> totals = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            java.time.Instant from = boundaries.get(i);
            java.time.Instant to = boundaries.get(i + 1);
            long invoiced = 0;
            long paid = 0;
            for (Transaction t : transactions) {
                if (t.accountId().equals(account) && !t.postedAt().isBefore(from) && t.postedAt().isBefore(to)) {
                    if (t.type() == dev.billingportal.domain.billing.TransactionType.INVOICE) {
                        invoiced += t.amount().minor();
                    } else if (t.type() == dev.billingportal.domain.billing.TransactionType.PAYMENT) {
                        paid += t.amount().minor();
                    }
                }
            }
            totals.add(new Totals(invoiced, paid));
        }
        return totals;
    }

    @Override
    public List<Transaction> appliedTo(AccountId account, InvoiceId invoice) {
        return transactions.stream()
                .filter(t -> t.accountId().equals(account) && invoice.equals(t.invoiceId())
                        && t.type() != dev.billingportal.domain.billing.TransactionType.INVOICE)
                .sorted(Comparator.comparingLong(Transaction::sequence))
                .toList();
    }

    @Override
    public List<Transaction> oldestFirstAbove(AccountId account, Criteria criteria, long afterSequence, int limit) {
        return matching(account, criteria)
                .filter(t -> t.sequence() > afterSequence)
                .sorted(Comparator.comparingLong(Transaction::sequence))
                .limit(limit)
                .toList();
    }

    private java.util.stream.Stream<Transaction> matching(AccountId account, Criteria criteria) {
        return transactions.stream()
                .filter(t -> t.accountId().equals(account))
                .filter(t -> criteria.types().isEmpty() || criteria.types().contains(t.type()))
                .filter(t -> criteria.from().map(from -> !t.postedAt().isBefore(from)).orElse(true))
                .filter(t -> criteria.before().map(before -> t.postedAt().isBefore(before)).orElse(true))
                .filter(t -> criteria.text().map(text -> contains(t.reference(), text)
                        || contains(t.invoiceNumber(), text) || contains(t.description(), text)).orElse(true));
    }

    private static boolean contains(String value, String lowerCaseText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    /** The same rows read as the API's history read model. */
    public TransactionHistory history() {
        return new TransactionHistory() {
            @Override
            public List<HistoryEntry> newestFirst(AccountId account, Criteria criteria, OptionalLong beforeSequence,
                                                  int limit) {
                return InMemoryTransactions.this.newestFirst(account, criteria, beforeSequence, limit).stream()
                        .map(HistoryEntry::of).toList();
            }

            @Override
            public List<HistoryEntry> oldestFirstAbove(AccountId account, Criteria criteria, long afterSequence,
                                                       int limit) {
                return InMemoryTransactions.this.oldestFirstAbove(account, criteria, afterSequence, limit).stream()
                        .map(HistoryEntry::of).toList();
            }
        };
    }
}
