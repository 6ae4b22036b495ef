package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void anAccountsFingerprintsAreFoundByKeyManyAtOnce(Stores stores) {
        Account account = account(stores);
        history(stores, account);
        Account other = account(stores);
        history(stores, other);
        List<String> keys = new ArrayList<>(List.of("key-2", "key-5", "never-used", "key-2"));
        for (int i = 0; i < 1_200; i++) {
            keys.add("unused-" + i); // past one query's worth of keys
        }
        keys.add("key-6");

        assertEquals(Map.of("key-2", "fingerprint-2", "key-5", "fingerprint-5", "key-6", "fingerprint-6"),
                stores.unitOfWork().inTransaction(() -> stores.transactions().fingerprintsByKey(account.id(), keys)));
        assertEquals(Map.of(), stores.unitOfWork().inTransaction(
                () -> stores.transactions().fingerprintsByKey(account(stores).id(), keys)), "keys are per account");
        assertEquals(Map.of(), stores.unitOfWork().inTransaction(
                () -> stores.transactions().fingerprintsByKey(account.id(), List.of())));
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
    void theWayBackUpIsOldestFirstAboveASequence(Stores stores) {
        Account account = account(stores);
        history(stores, account);
        history(stores, account(stores));
        Transactions.Criteria payments = new Transactions.Criteria(Set.of(TransactionType.PAYMENT), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertEquals(List.of(2L, 3L, 4L), above(stores, account, Transactions.Criteria.all(), 1, 3));
        assertEquals(List.of(5L, 6L), above(stores, account, Transactions.Criteria.all(), 4, 3));
        assertEquals(List.of(3L, 5L), above(stores, account, payments, 2, 2), "criteria hold on the way up too");
        assertEquals(List.of(), above(stores, account, Transactions.Criteria.all(), 6, 3));
    }

    @EveryStore
    void whatWasAppliedToAnInvoiceIsItsPaymentsRefundsAndCreditsInPostingOrder(Stores stores) {
        Account account = account(stores);
        Invoice invoice = invoice(account, "INV-1");
        Invoice other = invoice(account, "INV-2");
        stores.unitOfWork().inTransaction(() -> {
            stores.invoices().add(invoice);
            stores.invoices().add(other);
            stores.transactions().add(posted(account, 1, TransactionType.INVOICE, invoice));
            stores.transactions().add(posted(account, 2, TransactionType.PAYMENT, invoice));
            stores.transactions().add(posted(account, 3, TransactionType.PAYMENT, null));
            stores.transactions().add(posted(account, 4, TransactionType.PAYMENT, other));
            stores.transactions().add(posted(account, 5, TransactionType.CREDIT, invoice));
            stores.transactions().add(posted(account, 6, TransactionType.REFUND, invoice));
        });

        assertEquals(List.of(2L, 5L, 6L), stores.unitOfWork().inTransaction(() -> stores.transactions()
                .appliedTo(account.id(), invoice.id())).stream().map(Transaction::sequence).toList());
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() -> stores.transactions()
                .appliedTo(account(stores).id(), invoice.id())), "another account sees nothing of it");
    }

    @EveryStore
    void totalsSumInvoicesAndPaymentsPerPeriodOfBusinessTime(Stores stores) {
        Account account = account(stores);
        history(stores, account); // payments of 10.00 × sequence, an hour apart from NOW + 1 h; the 4th a refund
        Invoice invoice = invoice(account, "INV-T");
        stores.unitOfWork().inTransaction(() -> {
            stores.invoices().add(invoice);
            stores.transactions().add(posted(account, 7, TransactionType.INVOICE, invoice)); // NOW + 7 s
        });
        history(stores, account(stores)); // another account's, at the same times

        List<Transactions.Totals> totals = stores.unitOfWork().inTransaction(() -> stores.transactions()
                .totalsBetween(account.id(), List.of(NOW, NOW.plusSeconds(9_000), NOW.plusSeconds(36_000),
                        NOW.plusSeconds(72_000))));

        assertEquals(List.of(new Transactions.Totals(100, 3_000), new Transactions.Totals(0, 14_000),
                new Transactions.Totals(0, 0)), totals, "the refund is neither; each period half-open");
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() -> stores.transactions()
                .totalsBetween(account.id(), List.of(NOW))));
    }

    private static Invoice invoice(Account account, String number) {
        LocalDate issued = LocalDate.of(2026, 11, 1);
        InvoiceDraft draft = new InvoiceDraft(number, issued, issued.plusDays(29), null, null,
                List.of(new InvoiceDraft.LineDraft("Hosted PBX seat", Decimal.parse("1"), Decimal.parse("10.00"),
                        Decimal.parse("10.00"))), List.of());
        return Invoice.issue(InvoiceId.random(), account.id(), TransactionId.random(), 1, draft,
                InvoiceArithmetic.check(draft, account.currency(), new Money(1_000, account.currency())), NOW);
    }

    private static Transaction posted(Account account, long sequence, TransactionType type, Invoice invoice) {
        Money amount = new Money(100, account.currency());
        return new Transaction(type == TransactionType.INVOICE ? invoice.transactionId() : TransactionId.random(),
                account.id(), sequence, type, amount, NOW.plusSeconds(sequence), "REF-" + sequence, null,
                invoice == null ? null : invoice.id(), invoice == null ? null : invoice.invoiceNumber(), amount,
                "key-" + sequence, "fingerprint-" + sequence, NOW);
    }

    private static List<Long> above(Stores stores, Account account, Transactions.Criteria criteria, long after,
                                    int limit) {
        return stores.unitOfWork().inTransaction(() -> stores.transactions()
                        .oldestFirstAbove(account.id(), criteria, after, limit)).stream()
                .map(Transaction::sequence).toList();
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

    /** The history's read path returns, row for row and column for column, what the ORM's history returns. */
    @EveryStore
    void theHistoryReadPathReadsTheSameRowsBothWays(Stores stores) {
        Account account = account(stores);
        history(stores, account);
        history(stores, account(stores));
        List<Transactions.Criteria> filters = List.of(Transactions.Criteria.all(),
                new Transactions.Criteria(Set.of(TransactionType.REFUND, TransactionType.PAYMENT), Optional.empty(),
                        Optional.empty(), Optional.of("PAY-")),
                new Transactions.Criteria(Set.of(), Optional.of(NOW.plusSeconds(2 * 3600)),
                        Optional.of(NOW.plusSeconds(5 * 3600)), Optional.empty()));
        for (Transactions.Criteria criteria : filters) {
            for (OptionalLong before : List.of(OptionalLong.empty(), OptionalLong.of(5), OptionalLong.of(1))) {
                assertEquals(entries(stores.unitOfWork().inTransaction(() -> stores.transactions()
                                .newestFirst(account.id(), criteria, before, 2))),
                        stores.transactionHistory().newestFirst(account.id(), criteria, before, 2),
                        criteria + " below " + before);
            }
            for (long after : List.of(0L, 3L, 6L)) {
                assertEquals(entries(stores.unitOfWork().inTransaction(() -> stores.transactions()
                                .oldestFirstAbove(account.id(), criteria, after, 2))),
                        stores.transactionHistory().oldestFirstAbove(account.id(), criteria, after, 2),
                        criteria + " above " + after);
            }
        }
    }

    private static List<HistoryEntry> entries(List<Transaction> transactions) {
        return transactions.stream().map(HistoryEntry::of).toList();
    }
}
