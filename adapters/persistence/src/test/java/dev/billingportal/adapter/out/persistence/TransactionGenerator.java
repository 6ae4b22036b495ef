package dev.billingportal.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills an existing account with transactions straight through JDBC, fast: batched inserts that continue
 * the account's sequence and running balance, and the ledger updated to match — the same rows posting would
 * write, minus notifications. For tests and benchmarks that need a long history (100 000 rows for the CSV
 * test, 10 million for the benchmarks); never part of the product.
 */
public final class TransactionGenerator {
    private static final int BATCH = 5_000;
    private static final int COMMIT_EVERY = 100_000;
    private static final String[] TYPES = {"PAYMENT", "REFUND", "CREDIT", "PAYMENT"};

    private TransactionGenerator() {
    }

    /** What was generated: the account's last sequence number and balance (minor units) afterwards. */
    public record Result(long lastSequence, long balanceMinor) {
    }

    /**
     * Appends {@code count} transactions to {@code account}, {@code spacing} apart in business time, the first
     * at {@code firstPostedAt}.
     */
    public static Result append(DataSource dataSource, UUID account, long count, Instant firstPostedAt,
                                Duration spacing) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long sequence;
            long balance;
            String currency;
            try (PreparedStatement ledger = connection.prepareStatement(
                    "SELECT last_sequence, balance_minor, currency FROM account WHERE id = ? FOR UPDATE")) {
                ledger.setObject(1, account);
                try (ResultSet row = ledger.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("No account " + account);
                    }
                    sequence = row.getLong(1);
                    balance = row.getLong(2);
                    currency = row.getString(3);
                }
            }
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account_transaction (id,"
                    + " account_id, sequence, type, amount_minor, currency, posted_at, reference, description,"
                    + " balance_after_minor, idempotency_key, request_fingerprint, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < count; i++) {
                    sequence++;
                    String type = TYPES[(int) (sequence % TYPES.length)];
                    long amount = 100 + (sequence * 37 % 50_000);
                    balance += type.equals("REFUND") ? amount : -amount;
                    insert.setObject(1, new UUID(sequence, account.getLeastSignificantBits() ^ sequence));
                    insert.setObject(2, account);
                    insert.setLong(3, sequence);
                    insert.setString(4, type);
                    insert.setLong(5, amount);
                    insert.setString(6, currency);
                    insert.setObject(7, firstPostedAt.plus(spacing.multipliedBy(i)).atOffset(ZoneOffset.UTC));
                    insert.setString(8, "GEN-" + sequence);
                    insert.setString(9, sequence % 3 == 0 ? "Generated, \"quoted\" line " + sequence : null);
                    insert.setLong(10, balance);
                    insert.setString(11, "generated-" + sequence);
                    insert.setString(12, "0".repeat(64));
                    insert.setObject(13, now);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == count) {
                        insert.executeBatch();
                    }
                    if ((i + 1) % COMMIT_EVERY == 0 || i + 1 == count) {
                        updateLedger(connection, account, sequence, balance);
                        connection.commit();
                    }
                }
            }
            return new Result(sequence, balance);
        }
    }

    private static void updateLedger(Connection connection, UUID account, long sequence, long balance)
            throws SQLException {
        try (PreparedStatement ledger = connection.prepareStatement(
                "UPDATE account SET last_sequence = ?, balance_minor = ? WHERE id = ?")) {
            ledger.setLong(1, sequence);
            ledger.setLong(2, balance);
            ledger.setObject(3, account);
            ledger.executeUpdate();
        }
    }
}
