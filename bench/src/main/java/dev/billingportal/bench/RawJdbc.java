package dev.billingportal.bench;

import dev.billingportal.adapter.out.persistence.JdbcSessionReads;
import dev.billingportal.adapter.out.persistence.TransactionHistorySql;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The portal's work done by hand on the portal's database, without the portal: the history's keyset query; a
 * posting's rows (the same rows, checks and locks the portal's posting has, in one transaction); a delivery's status
 * row committed per mail; and, as reference lines of the machine's limits, a bare insert + commit. Straight over
 * JDBC in the bench's JVM, while the portal is stopped (the embedded H2 database is one process's at a time).
 */
final class RawJdbc implements AutoCloseable {
    /** As the portal asks for a page of 50: one row more, to know whether another page follows. */
    static final int ROWS = 51;

    private final BenchDatabase database;
    private final Connection reader;
    private final PreparedStatement history;
    private final PreparedStatement session;

    RawJdbc(BenchDatabase database) throws SQLException {
        this.database = database;
        this.reader = database.connect();
        TransactionHistorySql query = TransactionHistorySql.entries(new AccountId(new UUID(0, 0)),
                Transactions.Criteria.all(), OptionalLong.of(Long.MAX_VALUE), ROWS);
        // Bound by position below, without rebuilding the query each time: the baseline is the database's work.
        if (query.parameters().size() != 2 || !(query.parameters().get(0) instanceof UUID)
                || !(query.parameters().get(1) instanceof Long)) {
            throw new IllegalStateException("the history query's parameters changed: " + query.parameters());
        }
        this.history = reader.prepareStatement(query.sql());
        this.session = reader.prepareStatement(JdbcSessionReads.SQL);
    }

    /**
     * The session check a request makes before its page, in the portal's SQL, read as the portal reads it; whether a
     * live user's session was found.
     */
    boolean sessionRead(String tokenHash) throws SQLException {
        session.setString(1, tokenHash);
        try (ResultSet row = session.executeQuery()) {
            if (!row.next()) {
                return false;
            }
            long checksum = row.getObject(1, UUID.class).hashCode() + row.getObject(2, UUID.class).hashCode()
                    + row.getString(3).length() + row.getString(4).length()
                    + row.getObject(5, OffsetDateTime.class).getNano() + row.getObject(6, OffsetDateTime.class).getNano();
            keep(checksum);
            return true;
        }
    }

    /**
     * Reads one page below {@code beforeSequence} and every column of it — the columns the portal's history read
     * model reads, in its SQL — as the portal maps them; returns the rows.
     */
    int historyPage(UUID account, long beforeSequence) throws SQLException {
        history.setObject(1, account);
        history.setLong(2, beforeSequence);
        int rows = 0;
        long checksum = 0;
        try (ResultSet page = history.executeQuery()) {
            while (page.next()) {
                rows++;
                checksum += page.getObject(1, UUID.class).hashCode() + page.getLong(2) + page.getString(3).length()
                        + page.getLong(4) + page.getString(5).length()
                        + page.getObject(6, OffsetDateTime.class).getNano() + length(page.getString(7))
                        + length(page.getString(8)) + length(page.getString(10)) + page.getLong(11);
                page.getObject(9, UUID.class);
            }
        }
        keep(checksum);
        return rows;
    }

    /** Uses what was read, so the JIT cannot drop the reads; the condition is never true in practice. */
    private static void keep(long checksum) {
        if (checksum == 42) {
            System.out.print("");
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /** A connection of its own, for one inserting thread. */
    Inserter inserter(UUID account) throws SQLException {
        return new Inserter(database.connect(), account);
    }

    /** A connection of its own, for one posting thread. */
    Poster poster(UUID account) throws SQLException {
        return new Poster(database.connect(), account, database.kind() == BenchDatabase.Kind.POSTGRESQL);
    }

    /** A connection of its own, for one mail-sending thread. */
    DeliveryRecorder deliveryRecorder(List<UUID> deliveries) throws SQLException {
        return new DeliveryRecorder(database.connect(), deliveries);
    }

    /** Every webhook message of {@code account}'s endpoints, with its endpoint's URL, for the raw webhook loop. */
    List<String[]> webhookMessages(UUID account) throws SQLException {
        List<String[]> messages = new ArrayList<>();
        try (PreparedStatement select = reader.prepareStatement("SELECT m.id, e.url FROM webhook_message m"
                + " JOIN webhook_endpoint e ON e.id = m.endpoint_id WHERE e.account_id = ?")) {
            select.setObject(1, account);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return messages;
    }

    /** Every delivery of {@code account}'s billing notifications, for the raw mail loop to record against. */
    List<UUID> deliveries(UUID account) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = reader.prepareStatement("SELECT id FROM notification WHERE account_id = ?")) {
            select.setObject(1, account);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /**
     * A payment posted by hand, with what makes the portal's posting correct and nothing of the portal's own: the
     * account row locked (sequence and running balance decided one posting at a time), the idempotency key looked
     * up, the recipients read; then the transaction, the account's new sequence and balance, the billing event, a
     * delivery and an outbox entry per recipient, in one transaction, one commit. Statements prepared once; on a
     * database server the per-recipient rows go in one batch each, as the portal's EclipseLink batches them there.
     */
    static final class Poster implements AutoCloseable {
        private final Connection connection;
        private final UUID account;
        private final boolean batches;
        private final PreparedStatement lock;
        private final PreparedStatement earlier;
        private final PreparedStatement recipients;
        private final PreparedStatement transaction;
        private final PreparedStatement ledger;
        private final PreparedStatement event;
        private final PreparedStatement delivery;
        private final PreparedStatement outbox;

        private Poster(Connection connection, UUID account, boolean batches) throws SQLException {
            this.connection = connection;
            this.account = account;
            this.batches = batches;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement("SELECT currency, last_sequence, balance_minor, name, account_number"
                    + " FROM account WHERE id = ? FOR UPDATE");
            earlier = connection.prepareStatement("SELECT id, request_fingerprint FROM account_transaction"
                    + " WHERE account_id = ? AND idempotency_key = ?");
            recipients = connection.prepareStatement("SELECT id, email FROM portal_user WHERE account_id = ?"
                    + " AND status <> 'DELETED' AND billing_notifications = TRUE");
            transaction = connection.prepareStatement("INSERT INTO account_transaction (id, account_id, sequence,"
                    + " type, amount_minor, currency, posted_at, reference, description, balance_after_minor,"
                    + " idempotency_key, request_fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ledger = connection.prepareStatement("UPDATE account SET last_sequence = ?, balance_minor = ? WHERE id = ?");
            event = connection.prepareStatement("INSERT INTO notification_event (id, kind, account_id, occurred_at,"
                    + " facts) VALUES (?, ?, ?, ?, ?)");
            delivery = connection.prepareStatement("INSERT INTO notification (id, event_id, kind, account_id,"
                    + " recipient_user_id, recipient_email, status, attempts, created_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)");
            outbox = connection.prepareStatement("INSERT INTO outbox_entry (id, notification_id, created_at)"
                    + " VALUES (?, ?, ?)");
        }

        /** Posts payment {@code n} (1.00) and commits; returns how many deliveries it recorded. */
        int post(long n) throws SQLException {
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            String key = "raw-" + n;
            lock.setObject(1, account);
            String currency;
            long sequence;
            long balance;
            String name;
            String number;
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no account " + account);
                }
                currency = row.getString(1);
                sequence = row.getLong(2) + 1;
                balance = row.getLong(3) - 100;
                name = row.getString(4);
                number = row.getString(5);
            }
            earlier.setObject(1, account);
            earlier.setString(2, key);
            try (ResultSet row = earlier.executeQuery()) {
                if (row.next()) {
                    throw new IllegalStateException("idempotency key " + key + " already used");
                }
            }
            List<UUID> users = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            recipients.setObject(1, account);
            try (ResultSet rows = recipients.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getObject(1, UUID.class));
                    emails.add(rows.getString(2));
                }
            }
            transaction.setObject(1, UUID.randomUUID());
            transaction.setObject(2, account);
            transaction.setLong(3, sequence);
            transaction.setString(4, "PAYMENT");
            transaction.setLong(5, 100);
            transaction.setString(6, currency);
            transaction.setObject(7, now);
            transaction.setString(8, "RAW-" + n);
            transaction.setString(9, null);
            transaction.setLong(10, balance);
            transaction.setString(11, key);
            transaction.setString(12, "0".repeat(64));
            transaction.setObject(13, now);
            transaction.executeUpdate();
            ledger.setLong(1, sequence);
            ledger.setLong(2, balance);
            ledger.setObject(3, account);
            ledger.executeUpdate();
            UUID eventId = UUID.randomUUID();
            event.setObject(1, eventId);
            event.setString(2, "TRANSACTION_POSTED");
            event.setObject(3, account);
            event.setObject(4, now);
            event.setString(5, facts(name, number, currency, now, balance, n));
            event.executeUpdate();
            List<UUID> deliveries = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                UUID id = UUID.randomUUID();
                deliveries.add(id);
                delivery.setObject(1, id);
                delivery.setObject(2, eventId);
                delivery.setString(3, "TRANSACTION_POSTED");
                delivery.setObject(4, account);
                delivery.setObject(5, users.get(i));
                delivery.setString(6, emails.get(i));
                delivery.setObject(7, now);
                execute(delivery);
            }
            flush(delivery);
            for (UUID id : deliveries) {
                outbox.setObject(1, UUID.randomUUID());
                outbox.setObject(2, id);
                outbox.setObject(3, now);
                execute(outbox);
            }
            flush(outbox);
            connection.commit();
            return deliveries.size();
        }

        private void execute(PreparedStatement statement) throws SQLException {
            if (batches) {
                statement.addBatch();
            } else {
                statement.executeUpdate();
            }
        }

        private void flush(PreparedStatement statement) throws SQLException {
            if (batches) {
                statement.executeBatch();
            }
        }

        /** The event's facts as the portal keeps them: the transaction's figures and the account's name, as JSON. */
        static String facts(String name, String number, String currency, OffsetDateTime now, long balance,
                                    long n) {
            return "{\"transactionType\":\"PAYMENT\",\"amount\":\"1.00\",\"currency\":\"" + currency
                    + "\",\"postedAt\":\"" + now.toInstant() + "\",\"balanceAfter\":\""
                    + java.math.BigDecimal.valueOf(balance, 2).toPlainString() + "\",\"reference\":\"RAW-"
                    + n + "\",\"accountName\":\"" + name + "\",\"accountNumber\":\"" + number + "\"}";
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The raw bill-run loop over {@code lines} lines of {@code file} (NDJSON), its run and lines stored first. */
    BillRunWriter billRunWriter(String file, List<BillRunThroughput.Account> accounts, int lines) throws SQLException {
        return new BillRunWriter(database, file, accounts, lines);
    }

    /**
     * A bill run's lines posted by hand, as the portal posts a run and with nothing of the portal's own: chunks of
     * accounts side by side, each one transaction that locks its accounts in id order, reads their pending lines and
     * recipients, looks each key up, and writes each line's rows — the transaction, its billing event, a delivery and an
     * outbox entry per recipient, the audit entry —, the accounts' sequences and balances, the lines settled and the
     * run counted, every statement in JDBC batches, one commit.
     */
    static final class BillRunWriter {
        /** What the loop did: lines posted and how long it took. */
        record Result(long posted, java.time.Duration took) {
        }

        private final BenchDatabase database;
        private final UUID run = UUID.randomUUID();

        private BillRunWriter(BenchDatabase database, String file, List<BillRunThroughput.Account> accounts, int lines)
                throws SQLException {
            this.database = database;
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            try (Connection connection = database.connect();
                 PreparedStatement runRow = connection.prepareStatement("INSERT INTO bill_run (id, status, line_count,"
                         + " posted, replayed, failed, created_by_type, created_by, created_at) VALUES"
                         + " (?, 'POSTING', ?, 0, 0, 0, 'INSTALLATION', 'Installation key', ?)");
                 PreparedStatement lineRow = connection.prepareStatement("INSERT INTO bill_run_line (run_id, line,"
                         + " account_id, idempotency_key, request) VALUES (?, ?, ?, ?, ?)")) {
                connection.setAutoCommit(false);
                runRow.setObject(1, run);
                runRow.setLong(2, lines);
                runRow.setObject(3, now);
                runRow.executeUpdate();
                String[] texts = file.split("\n");
                for (int line = 1; line <= lines; line++) {
                    lineRow.setObject(1, run);
                    lineRow.setLong(2, line);
                    lineRow.setObject(3, accounts.get((line - 1) % accounts.size()).id());
                    lineRow.setString(4, "raw-" + line);
                    lineRow.setString(5, texts[line - 1]);
                    lineRow.addBatch();
                    if (line % 1_000 == 0 || line == lines) {
                        lineRow.executeBatch();
                    }
                }
                connection.commit();
            }
        }

        /** Posts every line, {@code perChunk} accounts a transaction on {@code threads} threads. */
        Result post(List<BillRunThroughput.Account> byId, int perChunk, int threads) throws Exception {
            java.util.concurrent.atomic.AtomicLong posted = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            try {
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        try (Chunks chunks = new Chunks(database.connect(), run)) {
                            for (int start = next.getAndAdd(perChunk); start < byId.size();
                                 start = next.getAndAdd(perChunk)) {
                                posted.addAndGet(chunks.post(byId.subList(start, Math.min(byId.size(),
                                        start + perChunk))));
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return new Result(posted.get(), java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** One thread's connection and statements for the raw bill-run loop. */
    private static final class Chunks implements AutoCloseable {
        private final Connection connection;
        private final UUID run;
        private final PreparedStatement lock;
        private final PreparedStatement pending;
        private final PreparedStatement recipients;
        private final PreparedStatement earlier;
        private final PreparedStatement transaction;
        private final PreparedStatement event;
        private final PreparedStatement delivery;
        private final PreparedStatement outbox;
        private final PreparedStatement audit;
        private final PreparedStatement ledger;
        private final PreparedStatement settle;
        private final PreparedStatement count;

        Chunks(Connection connection, UUID run) throws SQLException {
            this.connection = connection;
            this.run = run;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement("SELECT currency, last_sequence, balance_minor, name, account_number"
                    + " FROM account WHERE id = ? FOR UPDATE");
            pending = connection.prepareStatement("SELECT line, idempotency_key, request FROM bill_run_line"
                    + " WHERE run_id = ? AND account_id = ? AND outcome IS NULL ORDER BY line");
            recipients = connection.prepareStatement("SELECT id, email FROM portal_user WHERE account_id = ?"
                    + " AND status <> 'DELETED' AND billing_notifications = TRUE");
            earlier = connection.prepareStatement("SELECT id FROM account_transaction"
                    + " WHERE account_id = ? AND idempotency_key = ?");
            transaction = connection.prepareStatement("INSERT INTO account_transaction (id, account_id, sequence,"
                    + " type, amount_minor, currency, posted_at, reference, description, balance_after_minor,"
                    + " idempotency_key, request_fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            event = connection.prepareStatement("INSERT INTO notification_event (id, kind, account_id, occurred_at,"
                    + " facts) VALUES (?, ?, ?, ?, ?)");
            delivery = connection.prepareStatement("INSERT INTO notification (id, event_id, kind, account_id,"
                    + " recipient_user_id, recipient_email, status, attempts, created_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)");
            outbox = connection.prepareStatement("INSERT INTO outbox_entry (id, notification_id, created_at,"
                    + " bill_run_id) VALUES (?, ?, ?, ?)");
            audit = connection.prepareStatement("INSERT INTO audit_event (id, account_id, occurred_at, actor_type,"
                    + " actor_label, action, subject_type, subject_id, subject_label, changes, reason,"
                    + " customer_visible, provider_visible) VALUES (?, ?, ?, 'INSTALLATION', 'Installation key',"
                    + " 'TRANSACTION_POSTED', 'TRANSACTION', ?, ?, '[]', ?, TRUE, TRUE)");
            ledger = connection.prepareStatement("UPDATE account SET last_sequence = ?, balance_minor = ? WHERE id = ?");
            settle = connection.prepareStatement("UPDATE bill_run_line SET outcome = 'POSTED'"
                    + " WHERE run_id = ? AND account_id = ? AND outcome IS NULL");
            count = connection.prepareStatement("UPDATE bill_run SET posted = posted + ? WHERE id = ?");
        }

        /** One chunk, one transaction; returns the lines posted. */
        long post(List<BillRunThroughput.Account> chunk) throws SQLException {
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            long posted = 0;
            for (BillRunThroughput.Account account : chunk) {
                lock.setObject(1, account.id());
                String currency;
                long sequence;
                long balance;
                String name;
                String number;
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no account " + account);
                    }
                    currency = row.getString(1);
                    sequence = row.getLong(2);
                    balance = row.getLong(3);
                    name = row.getString(4);
                    number = row.getString(5);
                }
                List<String> keys = new ArrayList<>();
                pending.setObject(1, run);
                pending.setObject(2, account.id());
                try (ResultSet rows = pending.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        keys.add(rows.getString(2));
                        rows.getString(3);
                    }
                }
                List<UUID> users = new ArrayList<>();
                List<String> emails = new ArrayList<>();
                recipients.setObject(1, account.id());
                try (ResultSet rows = recipients.executeQuery()) {
                    while (rows.next()) {
                        users.add(rows.getObject(1, UUID.class));
                        emails.add(rows.getString(2));
                    }
                }
                for (String key : keys) {
                    earlier.setObject(1, account.id());
                    earlier.setString(2, key);
                    try (ResultSet row = earlier.executeQuery()) {
                        if (row.next()) {
                            throw new IllegalStateException("idempotency key " + key + " already used");
                        }
                    }
                    sequence++;
                    balance -= 100;
                    UUID transactionId = UUID.randomUUID();
                    transaction.setObject(1, transactionId);
                    transaction.setObject(2, account.id());
                    transaction.setLong(3, sequence);
                    transaction.setString(4, "PAYMENT");
                    transaction.setLong(5, 100);
                    transaction.setString(6, currency);
                    transaction.setObject(7, now);
                    transaction.setString(8, key);
                    transaction.setString(9, null);
                    transaction.setLong(10, balance);
                    transaction.setString(11, key);
                    transaction.setString(12, "0".repeat(64));
                    transaction.setObject(13, now);
                    transaction.addBatch();
                    UUID eventId = UUID.randomUUID();
                    event.setObject(1, eventId);
                    event.setString(2, "TRANSACTION_POSTED");
                    event.setObject(3, account.id());
                    event.setObject(4, now);
                    event.setString(5, Poster.facts(name, number, currency, now, balance, sequence));
                    event.addBatch();
                    for (int i = 0; i < users.size(); i++) {
                        UUID id = UUID.randomUUID();
                        delivery.setObject(1, id);
                        delivery.setObject(2, eventId);
                        delivery.setString(3, "TRANSACTION_POSTED");
                        delivery.setObject(4, account.id());
                        delivery.setObject(5, users.get(i));
                        delivery.setString(6, emails.get(i));
                        delivery.setObject(7, now);
                        delivery.addBatch();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setObject(2, id);
                        outbox.setObject(3, now);
                        outbox.setObject(4, run);
                        outbox.addBatch();
                    }
                    audit.setObject(1, UUID.randomUUID());
                    audit.setObject(2, account.id());
                    audit.setObject(3, now);
                    audit.setObject(4, transactionId);
                    audit.setString(5, "PAYMENT " + key + " 1.00 " + currency);
                    audit.setString(6, "Bill run " + run + ", line " + key);
                    audit.addBatch();
                    posted++;
                }
                ledger.setLong(1, sequence);
                ledger.setLong(2, balance);
                ledger.setObject(3, account.id());
                ledger.addBatch();
                settle.setObject(1, run);
                settle.setObject(2, account.id());
                settle.addBatch();
            }
            for (PreparedStatement statement : List.of(transaction, event, delivery, outbox, audit, ledger, settle)) {
                statement.executeBatch();
            }
            count.setLong(1, posted);
            count.setObject(2, run);
            count.executeUpdate();
            connection.commit();
            return posted;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * A delivery's status recorded per mail, as a notification worker must: the delivery row locked and read with
     * its event before the send, marked sent and committed after it.
     */
    static final class DeliveryRecorder implements RawMailLoop.Recording {
        private final Connection connection;
        private final List<UUID> deliveries;
        private final PreparedStatement lock;
        private final PreparedStatement facts;
        private final PreparedStatement sent;
        private UUID current;

        private DeliveryRecorder(Connection connection, List<UUID> deliveries) throws SQLException {
            if (deliveries.isEmpty()) {
                throw new IllegalArgumentException("no deliveries to record against");
            }
            this.connection = connection;
            this.deliveries = deliveries;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement("SELECT event_id, recipient_email, status, attempts FROM notification"
                    + " WHERE id = ? FOR UPDATE");
            facts = connection.prepareStatement("SELECT facts FROM notification_event WHERE id = ?");
            sent = connection.prepareStatement("UPDATE notification SET status = 'SENT', attempts = ?, sent_at = ?,"
                    + " last_error = NULL WHERE id = ?");
        }

        /** Before mail {@code n}: its delivery locked, its recipient and its event's facts read. */
        @Override
        public void claim(long n) throws SQLException {
            current = deliveries.get((int) (n % deliveries.size()));
            UUID eventId;
            lock.setObject(1, current);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no delivery " + current);
                }
                eventId = row.getObject(1, UUID.class);
                row.getString(2);
                row.getString(3);
            }
            facts.setObject(1, eventId);
            try (ResultSet row = facts.executeQuery()) {
                if (!row.next() || row.getString(1).isEmpty()) {
                    throw new IllegalStateException("no facts for event " + eventId);
                }
            }
        }

        /** After the SMTP server accepted mail {@code n}: the delivery marked sent, committed. */
        @Override
        public void sent(long n) throws SQLException {
            sent.setInt(1, 1);
            sent.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
            sent.setObject(3, current);
            sent.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
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
