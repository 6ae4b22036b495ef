package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaTransactionsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private JpaTransactions transactions;
    private JpaLedgers ledgers;
    private AccountId account;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        transactions = new JpaTransactions(unitOfWork);
        ledgers = new JpaLedgers(unitOfWork);
        account = AccountId.random();
        unitOfWork.inTransaction(() -> new JpaAccounts(unitOfWork).add(new Account(account,
                new AccountNumber("ACC-000001"), new AccountName("Acme"), CurrencyCode.CAD, T0)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void post(TransactionType type, long cents, String reference, Instant postedAt) {
        unitOfWork.inTransaction(() -> {
            Ledger ledger = ledgers.lock(account);
            Money amount = new Money(cents, CurrencyCode.CAD);
            Transaction transaction = new Transaction(TransactionId.random(), account, ledger.nextSequence(), type,
                    amount, postedAt, reference, null, null, null, ledger.balance().plus(type.effectOn(amount)),
                    "key-" + ledger.nextSequence(), "f".repeat(64), T0);
            transactions.add(transaction);
            ledgers.save(account, ledger.after(transaction));
        });
    }

    @Test
    void theLedgerAndTheHistoryFollowTheSequence() {
        post(TransactionType.INVOICE, 11300, "BILLRUN-2026-11", T0);
        post(TransactionType.PAYMENT, 5000, "PAY-981", T0.plusSeconds(60));
        post(TransactionType.CREDIT, 300, "GOODWILL 10%_OFF", T0.minusSeconds(3600));

        Ledger ledger = unitOfWork.inTransaction(() -> ledgers.read(account));
        assertEquals(new Ledger(3, new Money(6000, CurrencyCode.CAD)), ledger);

        List<Transaction> all = unitOfWork.inTransaction(() ->
                transactions.newestFirst(account, Transactions.Criteria.all(), OptionalLong.empty(), 10));
        assertEquals(List.of(3L, 2L, 1L), all.stream().map(Transaction::sequence).toList());
        assertEquals(List.of("60.00", "63.00", "113.00"),
                all.stream().map(t -> t.balanceAfter().toString()).toList(), "113.00 - 50.00 - 3.00, newest first");

        List<Transaction> payments = unitOfWork.inTransaction(() -> transactions.newestFirst(account,
                new Transactions.Criteria(Set.of(TransactionType.PAYMENT), Optional.empty(), Optional.empty(),
                        Optional.empty()), OptionalLong.empty(), 10));
        assertEquals(List.of("PAY-981"), payments.stream().map(Transaction::reference).toList());

        List<Transaction> literalPercent = unitOfWork.inTransaction(() -> transactions.newestFirst(account,
                new Transactions.Criteria(Set.of(), Optional.empty(), Optional.empty(), Optional.of("10%_")),
                OptionalLong.empty(), 10));
        assertEquals(List.of("GOODWILL 10%_OFF"), literalPercent.stream().map(Transaction::reference).toList(),
                "% and _ are searched for, not wildcards");
        List<Transaction> noWildcard = unitOfWork.inTransaction(() -> transactions.newestFirst(account,
                new Transactions.Criteria(Set.of(), Optional.empty(), Optional.empty(), Optional.of("%")),
                OptionalLong.empty(), 10));
        assertEquals(1, noWildcard.size());

        List<Transaction> byDate = unitOfWork.inTransaction(() -> transactions.newestFirst(account,
                new Transactions.Criteria(Set.of(), Optional.of(T0), Optional.of(T0.plusSeconds(60)), Optional.empty()),
                OptionalLong.empty(), 10));
        assertEquals(List.of(1L), byDate.stream().map(Transaction::sequence).toList(), "from inclusive, before exclusive");
    }

    /**
     * The API's read path over plain JDBC reads what the ORM reads: for each filter, down the history and back up, the
     * same rows with every column the page shows — outside any unit of work.
     */
    @Test
    void theHistoryOverJdbcReadsTheRowsTheOrmReads() {
        post(TransactionType.INVOICE, 11300, "BILLRUN-2026-11", T0);
        post(TransactionType.PAYMENT, 5000, "PAY-981", T0.plusSeconds(60));
        post(TransactionType.CREDIT, 300, "GOODWILL 10%_OFF", T0.minusSeconds(3600));
        post(TransactionType.REFUND, 125, null, T0.plusNanos(123_456_789));
        JdbcTransactionHistory history = new JdbcTransactionHistory(database.reads());
        List<Transactions.Criteria> filters = List.of(Transactions.Criteria.all(),
                new Transactions.Criteria(Set.of(TransactionType.PAYMENT, TransactionType.CREDIT), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                new Transactions.Criteria(Set.of(), Optional.empty(), Optional.empty(), Optional.of("10%_")),
                new Transactions.Criteria(Set.of(), Optional.of(T0), Optional.of(T0.plusSeconds(60)), Optional.empty()));
        for (Transactions.Criteria criteria : filters) {
            for (OptionalLong before : List.of(OptionalLong.empty(), OptionalLong.of(4), OptionalLong.of(2))) {
                List<Transaction> orm = unitOfWork.inTransaction(() -> transactions.newestFirst(account, criteria,
                        before, 2));
                assertEquals(shown(orm), history.newestFirst(account, criteria, before, 2).stream()
                        .map(JpaTransactionsTest::shown).toList(), criteria + " below " + before);
            }
            for (long after : List.of(0L, 1L, 3L)) {
                List<Transaction> orm = unitOfWork.inTransaction(() -> transactions.oldestFirstAbove(account, criteria,
                        after, 2));
                assertEquals(shown(orm), history.oldestFirstAbove(account, criteria, after, 2).stream()
                        .map(JpaTransactionsTest::shown).toList(), criteria + " above " + after);
            }
        }
        assertEquals(4, history.newestFirst(account, Transactions.Criteria.all(), OptionalLong.empty(), 10).size());
    }

    private static List<String> shown(List<Transaction> transactions) {
        return transactions.stream().map(t -> shown(HistoryEntry.of(t))).toList();
    }

    private static String shown(HistoryEntry entry) {
        return entry.toString();
    }

    @Test
    void aPageReadsOnlyItsOwnRowsWhateverItsDepth() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO account_transaction (id, account_id,"
                     + " sequence, type, amount_minor, currency, posted_at, balance_after_minor, idempotency_key,"
                     + " request_fingerprint, created_at) VALUES (RANDOM_UUID(), ?, ?, 'PAYMENT', 100, 'CAD', ?, 0, ?,"
                     + " 'f', ?)")) {
            for (int sequence = 1; sequence <= 5_000; sequence++) {
                insert.setObject(1, account.value());
                insert.setLong(2, sequence);
                insert.setObject(3, T0.atOffset(java.time.ZoneOffset.UTC));
                insert.setString(4, "bulk-" + sequence);
                insert.setObject(5, T0.atOffset(java.time.ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        String firstPage = plan(TransactionHistorySql.of(account, Transactions.Criteria.all(), OptionalLong.empty(), 51));
        String deepPage = plan(TransactionHistorySql.of(account, Transactions.Criteria.all(), OptionalLong.of(100), 51));

        assertTrue(firstPage.contains("UQ_TRANSACTION_SEQUENCE: ACCOUNT_ID = ?1"), firstPage);
        assertTrue(deepPage.contains("UQ_TRANSACTION_SEQUENCE: ACCOUNT_ID = ?1") && deepPage.contains("SEQUENCE < ?2"),
                deepPage);
        // One page (51 rows) and at most one row past it, at any depth: not the 5 000 below the cursor.
        assertTrue(rowsRead(firstPage) <= 52, "the newest 51 of 5 000, not all of them: " + firstPage);
        assertTrue(rowsRead(deepPage) <= 52, "as many at depth 4 900 as on the first page: " + deepPage);
        assertTrue(firstPage.contains("/* index sorted */") && deepPage.contains("/* index sorted */"),
                "read in index order, no sort step");

        // "Newer" from deep in the history walks the same index upwards, as cheaply.
        String wayBack = plan(TransactionHistorySql.above(account, Transactions.Criteria.all(), 100, 51));
        assertTrue(wayBack.contains("UQ_TRANSACTION_SEQUENCE_UP: ACCOUNT_ID = ?1") && wayBack.contains("SEQUENCE > ?2"),
                wayBack);
        assertTrue(rowsRead(wayBack) <= 52, "the 51 above sequence 100, not the 4 900 above it: " + wayBack);
        assertTrue(wayBack.contains("/* index sorted */"), "read in index order, no sort step: " + wayBack);
    }

    /** The plan H2 followed, with the number of rows it read ({@code scanCount}). */
    private String plan(TransactionHistorySql query) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                explain.setObject(i + 1, query.parameters().get(i));
            }
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return result.getString(1).replaceAll("\\s+", " ");
            }
        }
    }

    private static long rowsRead(String plan) {
        java.util.regex.Matcher scan = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertTrue(scan.find(), plan);
        return Long.parseLong(scan.group(1));
    }
}
