package dev.billingportal.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The machine's own limits on the portal's database file, without the portal: the history's keyset query
 * and a bare insert + commit, straight over JDBC in the bench's JVM. Runs only while the portal is stopped
 * (the embedded H2 database is one process's at a time).
 */
final class RawJdbc implements AutoCloseable {
    /** The history query as the portal's TransactionHistorySql writes it for an unfiltered page. */
    static final String HISTORY = "SELECT id, account_id, sequence, type, amount_minor, currency, posted_at, "
            + "reference, description, invoice_id, invoice_number, balance_after_minor, idempotency_key, "
            + "request_fingerprint, created_at FROM account_transaction WHERE account_id = ? AND sequence < ?"
            + " ORDER BY account_id, sequence DESC FETCH FIRST 50 ROWS ONLY";

    private final String url;
    private final Connection reader;
    private final PreparedStatement history;

    RawJdbc(String url) throws SQLException {
        this.url = url;
        this.reader = DriverManager.getConnection(url, "sa", "");
        this.history = reader.prepareStatement(HISTORY);
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
