package dev.billingportal.bench;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Round 3's bill-run goal: a month's file of payments — {@code lines} lines over {@code accounts} accounts, each with
 * {@value #USERS} users who want billing notifications — posted through {@code POST /api/v1/operator/bill-runs},
 * against a raw JDBC batch loop writing the same rows in the same chunks and transactions ({@link RawJdbc.BillRunWriter});
 * and the mail backlog the run leaves: from the run done to its last mail accepted by the SMTP sink.
 */
final class BillRunThroughput {
    static final int USERS = 3;
    /** As the portal posts a run: accounts per transaction (PostBillRunsService), chunks side by side (workers). */
    static final int ACCOUNTS_PER_CHUNK = 32;
    static final int WORKERS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    /** An account the run bills. */
    record Account(UUID id, String number) {
    }

    private final int accountCount;
    private final int lineCount;
    private final List<Account> accounts = new ArrayList<>();
    private Duration upload;
    private Duration posting;
    private Duration backlog;
    private long mailedDuringBacklog;
    private RawJdbc.BillRunWriter.Result raw;

    BillRunThroughput(BenchSettings settings) {
        this.accountCount = settings.billRunAccounts();
        this.lineCount = settings.billRunLines();
    }

    /** While the portal is stopped: the accounts and their users, straight into the database (batched JDBC). */
    void setUp(BenchDatabase database) throws SQLException {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection connection = database.connect();
             PreparedStatement account = connection.prepareStatement("INSERT INTO account (id, account_number, name,"
                     + " currency, created_at, last_sequence, balance_minor) VALUES (?, ?, ?, 'CAD', ?, 0, 0)");
             PreparedStatement user = connection.prepareStatement("INSERT INTO portal_user (id, account_id, username,"
                     + " username_key, email, email_key, first_name, last_name, time_zone, billing_notifications,"
                     + " status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'Bench', 'Billed',"
                     + " 'America/Toronto', TRUE, 'ACTIVE', ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (int a = 0; a < accountCount; a++) {
                Account billed = new Account(UUID.randomUUID(), String.format(Locale.ROOT, "BR-%07d", a));
                accounts.add(billed);
                account.setObject(1, billed.id());
                account.setString(2, billed.number());
                account.setString(3, "Bill-run customer " + a);
                account.setObject(4, now);
                account.addBatch();
                for (int u = 0; u < USERS; u++) {
                    String address = "billed" + a + "-" + u + "@bench.example";
                    user.setObject(1, UUID.randomUUID());
                    user.setObject(2, billed.id());
                    user.setString(3, address);
                    user.setString(4, address);
                    user.setString(5, address);
                    user.setString(6, address);
                    user.setObject(7, now);
                    user.setObject(8, now);
                    user.addBatch();
                }
                if (a % 500 == 499 || a == accountCount - 1) {
                    account.executeBatch();
                    user.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /** The run's file: payments of 1.00, the accounts in turn, under keys {@code prefix + line}. */
    String file(String prefix) {
        StringBuilder file = new StringBuilder(lineCount * 110);
        for (int line = 1; line <= lineCount; line++) {
            Account account = accounts.get((line - 1) % accounts.size());
            file.append("{\"accountNumber\":\"").append(account.number()).append("\",\"idempotencyKey\":\"")
                    .append(prefix).append(line).append("\",\"type\":\"PAYMENT\",\"amount\":\"1.00\",\"reference\":\"")
                    .append(prefix).append(line).append("\"}\n");
        }
        return file.toString();
    }

    /** Sends the file, waits until the run is done and then until the sink has every mail it caused. */
    void measure(PortalClient client, SmtpSink sink) throws InterruptedException {
        String file = file("portal-");
        long mailsBefore = sink.accepted();
        long sent = System.nanoTime();
        String run = client.submitBillRun(file);
        long accepted = System.nanoTime();
        JsonObject done = client.awaitBillRun(run, PATIENCE);
        long finished = System.nanoTime();
        long mailedWhilePosting = sink.accepted() - mailsBefore;
        if (!"DONE".equals(done.getString("status")) || done.getInt("posted") != lineCount) {
            throw new IllegalStateException("the bill run ended " + done);
        }
        if (!sink.awaitAccepted(mailsBefore + (long) lineCount * USERS, PATIENCE)) {
            throw new IllegalStateException("only " + (sink.accepted() - mailsBefore) + " of the run's "
                    + (long) lineCount * USERS + " mails arrived");
        }
        upload = Duration.ofNanos(accepted - sent);
        posting = Duration.ofNanos(finished - accepted);
        backlog = Duration.ofNanos(System.nanoTime() - finished);
        mailedDuringBacklog = (long) lineCount * USERS - mailedWhilePosting;
    }

    /** The baseline, while the portal is stopped: the same lines stored as a run, then written by hand. */
    void measureRaw(RawJdbc jdbc) throws Exception {
        List<Account> byId = accounts.stream().sorted(Comparator.comparing(Account::id)).toList();
        raw = jdbc.billRunWriter(file("raw-"), accounts, lineCount).post(byId, ACCOUNTS_PER_CHUNK, WORKERS);
        if (raw.posted() != lineCount) {
            throw new IllegalStateException("the raw loop posted " + raw.posted() + " of " + lineCount + " lines");
        }
    }

    double perSecond() {
        return lineCount / seconds(posting);
    }

    double rawPerSecond() {
        return lineCount / seconds(raw.took());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    void report(Report report) {
        double ratio = perSecond() / rawPerSecond();
        report.ratio("bill-run lines posted per second / raw JDBC batch loop writing the same rows in the same chunks"
                        + " and transactions", Report.rate(perSecond(), "lines"),
                Report.rate(rawPerSecond(), "lines") + " (JDBC)", ratio, "≥ 0.7", ratio >= 0.7);
        long mails = (long) lineCount * USERS;
        report.section("Bill runs", List.of(
                lineCount + " payments over " + accountCount + " accounts (" + lineCount / accountCount
                        + " each, the accounts in turn), " + USERS + " users of each wanting billing notifications;"
                        + " one NDJSON file of " + file("portal-").length() / 1024 + " KiB",
                String.format(Locale.ROOT, "upload, read and checked (the POST until its 202): %d ms; posted (202 →"
                        + " DONE, polled every 50 ms): %d ms, %.1f lines/s — through the API one posting at a time,"
                        + " the last full runs posted 134/s (H2) and 126/s (PostgreSQL)", upload.toMillis(),
                        posting.toMillis(), perSecond()),
                String.format(Locale.ROOT, "raw JDBC batch loop: the same lines stored as a run (not timed), then %d"
                        + " accounts a transaction on %d threads, sorted by id: accounts locked, pending lines and"
                        + " recipients read, each key looked up; the transaction, event, %d deliveries, %d outbox"
                        + " entries and audit entry of each line, the accounts' sequences and balances, the lines"
                        + " settled and the run counted, in JDBC batches, one commit: %d ms, %.1f lines/s",
                        ACCOUNTS_PER_CHUNK, WORKERS, USERS, USERS, raw.took().toMillis(), rawPerSecond()),
                String.format(Locale.ROOT, "mail backlog: of the run's %d mails, %d were still to send when it was"
                        + " done; the last was accepted by the SMTP sink %d ms later: %.1f mails/s meanwhile", mails,
                        mailedDuringBacklog, backlog.toMillis(), mailedDuringBacklog / seconds(backlog))));
    }
}
