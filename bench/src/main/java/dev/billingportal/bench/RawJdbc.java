package dev.billingportal.bench;

import dev.billingportal.adapter.out.persistence.TransactionHistorySql;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The machine's own limits on the portal's database file, without the portal: the history's keyset query
 * and a bare insert + commit, straight over JDBC in the bench's JVM. Runs only while the portal is stopped
 * (the embedded H2 database is one process's at a time).
 */
final class RawJdbc implements AutoCloseable {
    /** As the portal asks for a page of 50: one row more, to know whether another page follows. */
    static final int ROWS = 51;

    private final String url;
    private final Connection reader;
    private final PreparedStatement history;

    RawJdbc(String url) throws SQLException {
        this.url = url;
        this.reader = DriverManager.getConnection(url, "sa", "");
        TransactionHistorySql query = TransactionHistorySql.of(new AccountId(new UUID(0, 0)),
                Transactions.Criteria.all(), OptionalLong.of(Long.MAX_VALUE), ROWS);
        // Bound by position below, without rebuilding the query each time: the baseline is the database's work.
        if (query.parameters().size() != 2 || !(query.parameters().get(0) instanceof UUID)
                || !(query.parameters().get(1) instanceof Long)) {
            throw new IllegalStateException("the history query's parameters changed: " + query.parameters());
        }
        this.history = reader.prepareStatement(query.sql());
    }

    /** Reads one page below {@code beforeSequence} and every column of it, as the portal maps them; returns the rows. */
    int historyPage(UUID account, long beforeSequence) throws SQLException {
        history.setObject(1, account);
        history.setLong(2, beforeSequence);
        int rows = 0;
        long checksum = 0;
        try (ResultSet page = history.executeQuery()) {
            while (page.next()) {
                rows++;
                checksum += page.getObject(1, UUID.class).hashCode() + page.getLong(3) + page.getString(4).length()
                        + page.getLong(5) + page.getString(6).length()
                        + page.getObject(7, OffsetDateTime.class).getNano() + length(page.getString(8))
                        + length(page.getString(9)) + length(page.getString(11)) + page.getLong(12)
                        + length(page.getString(13)) + page.getObject(15, OffsetDateTime.class).getNano();
                page.getObject(10, UUID.class);
            }
        }
        if (checksum == 42) { // keeps the JIT from dropping the reads; never true in practice
            System.out.print("");
        }
        return rows;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /** A connection of its own, for one inserting thread. */
    Inserter inserter(UUID account) throws SQLException {
        return new Inserter(DriverManager.getConnection(url, "sa", ""), account);
    }

    /** Inserts one transaction row per commit, on its own connection. */
    static final class Inserter implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final UUID account;

        private Inserter(Connection connection, UUID account) throws SQLException {
            this.connection = connection;
            this.account = account;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("INSERT INTO account_transaction (id, account_id, sequence,"
                    + " type, amount_minor, currency, posted_at, reference, description, balance_after_minor,"
                    + " idempotency_key, request_fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void insertAndCommit(long sequence) throws SQLException {
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, account);
            insert.setLong(3, sequence);
            insert.setString(4, "PAYMENT");
            insert.setLong(5, 100);
            insert.setString(6, "CAD");
            insert.setObject(7, now);
            insert.setString(8, "RAW-" + sequence);
            insert.setString(9, null);
            insert.setLong(10, -sequence);
            insert.setString(11, "raw-" + sequence);
            insert.setString(12, "0".repeat(64));
            insert.setObject(13, now);
            insert.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        reader.close();
    }
}
