package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What the services rely on from {@code Transactions}. */
class TransactionsContractTest {

    /** Six transactions, an hour apart: payments with references PAY-1..., and one refund "Refund of PAY-2". */
    private static List<Transaction> history(Stores stores, Account account) {
        List<Transaction> posted = new java.util.ArrayList<>();
        long balance = 0;
        for (int sequence = 1; sequence <= 6; sequence++) {
            TransactionType type = sequence == 4 ? TransactionType.REFUND : TransactionType.PAYMENT;
            Money amount = new Money(1_000L * sequence, account.currency());
            balance += type.effectOn(amount).minor();
            posted.add(new Transaction(TransactionId.random(), account.id(), sequence, type, amount,
                    NOW.plusSeconds(3600L * sequence), sequence == 4 ? null : "PAY-" + sequence,
                    sequence == 4 ? "Refund of pay-2" : null, null, null, new Money(balance, account.currency()),
                    "key-" + sequence, "fingerprint-" + sequence, NOW));
        }
        stores.unitOfWork().inTransaction(() -> posted.forEach(stores.transactions()::add));
        return posted;
    }

    private static List<Long> sequences(Stores stores, Account account, Transactions.Criteria criteria,
                                        OptionalLong before, int limit) {
        return stores.unitOfWork().inTransaction(() -> stores.transactions()
                        .newestFirst(account.id(), criteria, before, limit)).stream()
                .map(Transaction::sequence).toList();
    }

    @EveryStore
    void aTransactionIsFoundAsPostedByIdAndByIdempotencyKey(Stores stores) {
        Account account = account(stores);
        Transaction third = history(stores, account).get(2);

        assertEquals(Optional.of(third), stores.unitOfWork().inTransaction(
                () -> stores.transactions().find(account.id(), third.id())));
        assertEquals(Optional.of(third), stores.unitOfWork().inTransaction(
                () -> stores.transactions().findByIdempotencyKey(account.id(), "key-3")));
        assertTrue(stores.unitOfWork().inTransaction(
                () -> stores.transactions().findByIdempotencyKey(account(stores).id(), "key-3")).isEmpty(),
                "keys are per account");
    }

    @EveryStore
    void theHistoryIsNewestFirstByKeysetPages(Stores stores) {
        Account account = account(stores);
        history(stores, account);
        history(stores, account(stores));

        assertEquals(List.of(6L, 5L, 4L), sequences(stores, account, Transactions.Criteria.all(), OptionalLong.empty(),
                3));
        assertEquals(List.of(3L, 2L, 1L), sequences(stores, account, Transactions.Criteria.all(), OptionalLong.of(4),
                3));
        assertEquals(List.of(), sequences(stores, account, Transactions.Criteria.all(), OptionalLong.of(1), 3));
    }

    @EveryStore
    void criteriaFilterByTypeTimeAndTextInAnyLetterCase(Stores stores) {
        Account account = account(stores);
        history(stores, account);
        Instant second = NOW.plusSeconds(2 * 3600);
        Instant fifth = NOW.plusSeconds(5 * 3600);

        assertEquals(List.of(4L), sequences(stores, account, new Transactions.Criteria(Set.of(TransactionType.REFUND),
                Optional.empty(), Optional.empty(), Optional.empty()), OptionalLong.empty(), 10));
        assertEquals(List.of(4L, 3L, 2L), sequences(stores, account, new Transactions.Criteria(Set.of(),
                Optional.of(second), Optional.of(fifth), Optional.empty()), OptionalLong.empty(), 10),
                "from is inclusive, before exclusive");
        assertEquals(List.of(4L, 2L), sequences(stores, account, new Transactions.Criteria(Set.of(),
                Optional.empty(), Optional.empty(), Optional.of("pay-2")), OptionalLong.empty(), 10),
                "a reference or a description");
        assertEquals(List.of(2L), sequences(stores, account, new Transactions.Criteria(
                Set.of(TransactionType.PAYMENT), Optional.empty(), Optional.empty(), Optional.of("pay-2")),
                OptionalLong.empty(), 10));
    }
}
