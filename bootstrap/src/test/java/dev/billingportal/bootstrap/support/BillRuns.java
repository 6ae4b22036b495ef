package dev.billingportal.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Sends bill runs to a portal under test as the billing system would, and checks the ledgers they leave. */
public final class BillRuns {
    public static final String PATH = "/api/v1/operator/bill-runs";
    private static final Set<String> FINISHED = Set.of("REJECTED", "DONE", "FAILED");

    private final Api api;
    private final Db db;

    public BillRuns(Api api, Db db) {
        this.api = api;
        this.db = db;
    }

    /** An account the billing system bills: its id and its number. */
    public record Account(String id, String number) {
    }

    /** {@code count} new accounts, each with an invited first user. */
    public List<Account> accounts(int count) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "billrun-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                    "{\"name\":\"Bill-run customer " + i + "\",\"firstUser\":" + Onboarding.newUser(username, true)
                            + "}");
            assertEquals(201, created.status(), created.body());
            accounts.add(new Account(created.json().getString("id"), created.json().getString("accountNumber")));
        }
        return accounts;
    }

    public Api.Reply send(String contentType, String file) {
        return send(contentType, HttpRequest.BodyPublishers.ofString(file));
    }

    public Api.Reply send(String contentType, HttpRequest.BodyPublisher file) {
        return api.send(api.request(PATH, TestPortal.OPERATOR_TOKEN).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(3)).POST(file));
    }

    public Api.Reply ndjson(String file) {
        return send("application/x-ndjson", file);
    }

    /** The run, once it is REJECTED, DONE or FAILED (polled; at most {@code patience}). */
    public JsonObject finished(String location, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Api.Reply run = api.get(location, TestPortal.OPERATOR_TOKEN);
            assertEquals(200, run.status(), run.body());
            if (FINISHED.contains(run.json().getString("status"))) {
                return run.json();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run did not finish in " + patience + ": " + run.body());
            }
            Await.sleep(Duration.ofMillis(100));
        }
    }

    /** The path of the run an answer names. */
    public static String location(Api.Reply accepted) {
        assertEquals(202, accepted.status(), accepted.body());
        String location = accepted.header("Location").orElseThrow();
        return location.substring(location.indexOf(PATH));
    }

    /** An NDJSON line: a payment of {@code amount} to the account, under {@code key}. */
    public static String payment(Account account, String key, String amount) {
        return "{\"accountNumber\":\"" + account.number() + "\",\"idempotencyKey\":\"" + key
                + "\",\"type\":\"PAYMENT\",\"amount\":\"" + amount + "\",\"reference\":\"" + key + "\"}";
    }

    /** An NDJSON line: the spec's example invoice (113.00) numbered {@code number}, to the account by id. */
    public static String invoice(Account account, String key, String number) {
        String invoice = Billing.invoice(number).replace("\n", "");
        return "{\"accountId\":\"" + account.id() + "\",\"idempotencyKey\":\"" + key + "\","
                + invoice.substring(invoice.indexOf('{') + 1);
    }

    /** The idempotency keys posted to the account, by sequence. */
    public List<String> keysBySequence(Account account) {
        return db.strings("SELECT idempotency_key FROM account_transaction WHERE account_id = ? ORDER BY sequence",
                UUID.fromString(account.id()));
    }

    /**
     * What is wrong with the account's ledger, or "" when nothing: sequences 1..n without a gap, each balance the one
     * before plus the transaction's effect, and the account's balance and last sequence those of its last transaction.
     */
    public String ledgerFaults(Account account) {
        UUID id = UUID.fromString(account.id());
        List<List<String>> rows = db.rows("SELECT sequence, type, amount_minor, balance_after_minor"
                + " FROM account_transaction WHERE account_id = ? ORDER BY sequence", id);
        StringBuilder faults = new StringBuilder();
        long balance = 0;
        long expected = 1;
        for (List<String> row : rows) {
            long sequence = Long.parseLong(row.get(0));
            long amount = Long.parseLong(row.get(2));
            balance += row.get(1).equals("INVOICE") || row.get(1).equals("REFUND") ? amount : -amount;
            if (sequence != expected++) {
                faults.append("sequence ").append(sequence).append(" where ").append(expected - 1).append("; ");
            }
            if (Long.parseLong(row.get(3)) != balance) {
                faults.append("balance after ").append(sequence).append(" is ").append(row.get(3)).append(", not ")
                        .append(balance).append("; ");
            }
        }
        long lastSequence = db.number("SELECT last_sequence FROM account WHERE id = ?", id);
        long accountBalance = db.number("SELECT balance_minor FROM account WHERE id = ?", id);
        if (lastSequence != rows.size() || accountBalance != balance) {
            faults.append("account at sequence ").append(lastSequence).append(" balance ").append(accountBalance)
                    .append(" after ").append(rows.size()).append(" transactions summing to ").append(balance);
        }
        return faults.toString();
    }
}
