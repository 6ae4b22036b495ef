package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Posted transactions, which never change. */
public interface Transactions {

    /**
     * Which transactions a history shows: of these types (all when empty), posted at or after {@code from}
     * and before {@code before} (business time), whose reference, invoice number or description contains
     * {@code text} (any letter case).
     */
    record Criteria(Set<TransactionType> types, Optional<Instant> from, Optional<Instant> before,
                    Optional<String> text) {
        public Criteria {
            types = Set.copyOf(types);
        }

        public static Criteria all() {
            return new Criteria(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    void add(Transaction transaction);

    Optional<Transaction> find(AccountId account, TransactionId id);

    Optional<Transaction> findByIdempotencyKey(AccountId account, String idempotencyKey);

    /**
     * The request fingerprints of the account's transactions posted under any of {@code idempotencyKeys}, by key: a
     * bill run checks all of an account's lines for replays in one query instead of one each.
     */
    Map<String, String> fingerprintsByKey(AccountId account, Collection<String> idempotencyKeys);

    /** What was invoiced and what was paid (in minor units) between two instants. */
    record Totals(long invoicedMinor, long paidMinor) {
    }

    /**
     * For each period {@code [boundaries[i], boundaries[i+1])} of business time, the sum of the account's invoices and
     * of its payments: one aggregate query over the account's rows in that time, whatever the number of periods.
     */
    List<Totals> totalsBetween(AccountId account, List<Instant> boundaries);

    /** The payments, refunds and credits that name {@code invoice}, in posting order. */
    List<Transaction> appliedTo(AccountId account, InvoiceId invoice);

    /**
     * Up to {@code limit} matching transactions, newest (highest sequence) first, below {@code beforeSequence}
     * if given. Served by the (account, sequence) index, so the cost does not grow with the depth of the page.
     */
    List<Transaction> newestFirst(AccountId account, Criteria criteria, OptionalLong beforeSequence, int limit);

    /**
     * Up to {@code limit} matching transactions above {@code afterSequence}, oldest (lowest sequence) first: the
     * way back up a history ("Newer"), as cheap at any depth as {@link #newestFirst}.
     */
    List<Transaction> oldestFirstAbove(AccountId account, Criteria criteria, long afterSequence, int limit);
}
