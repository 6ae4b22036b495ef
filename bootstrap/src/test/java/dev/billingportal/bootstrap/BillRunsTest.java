package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.BillRuns;
import dev.billingportal.bootstrap.support.BillRuns.Account;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §14: a month's postings in one file — checked whole, then each line posted exactly once, in order. */
@HelidonTest
@AddBean(TestClock.class)
class BillRunsTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Api api;
    private Db db;
    private BillRuns runs;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of("portal.bill-runs.poll-interval-ms", "200"));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        TestClock.CLOCK.set(Instant.parse("2026-11-25T13:00:00Z"));
        api = Api.ofRunningServer();
        db = Db.ofRunningPortal();
        runs = new BillRuns(api, db);
    }

    private long transactionsOf(List<Account> accounts) {
        return accounts.stream().mapToLong(account -> db.number("SELECT COUNT(*) FROM account_transaction"
                + " WHERE account_id = ?", UUID.fromString(account.id()))).sum();
    }

    /** Line {@code n} of a month's file: every tenth an invoice, the others payments, the accounts in turn. */
    private static String monthLine(List<Account> accounts, String prefix, int n) {
        Account account = accounts.get((n - 1) % accounts.size());
        return n % 10 == 1 ? BillRuns.invoice(account, prefix + n, "INV-" + prefix + n)
                : BillRuns.payment(account, prefix + n, "1.00");
    }

    @Test
    void oneBadLineAmongTenThousandRejectsTheFileThenTheFixedFileIsPostedOnceAndAgainOnlyReplayed() {
        List<Account> accounts = runs.accounts(50);
        List<String> lines = IntStream.rangeClosed(1, 10_000).mapToObj(n -> monthLine(accounts, "nov-", n))
                .collect(Collectors.toCollection(ArrayList::new));
        String good = lines.get(7_411);
        lines.set(7_411, good.replace("\"amount\":\"1.00\"", "\"amount\":\"0.00\""));

        Api.Reply rejected = runs.ndjson(String.join("\n", lines) + "\n");
        JsonObject report = runs.finished(BillRuns.location(rejected), PATIENCE);
        assertEquals("REJECTED", report.getString("status"));
        assertEquals(10_000, report.getInt("lines"));
        assertEquals(1, report.getJsonArray("errors").size(), report.toString());
        JsonObject error = report.getJsonArray("errors").getJsonObject(0);
        assertEquals(7_412, error.getInt("line"));
        assertEquals("amount", error.getString("field"));
        assertEquals("must be greater than zero; the type gives the sign", error.getString("message"));
        assertEquals(0, report.getInt("posted"));
        assertEquals(0, transactionsOf(accounts), "nothing posted");

        lines.set(7_411, good);
        String fixed = String.join("\n", lines) + "\n";
        Api.Reply accepted = runs.ndjson(fixed);
        assertTrue(List.of("POSTING", "DONE").contains(accepted.json().getString("status")), accepted.body());
        JsonObject done = runs.finished(BillRuns.location(accepted), PATIENCE);
        assertEquals("DONE", done.getString("status"), done.toString());
        assertEquals(10_000, done.getInt("posted"));
        assertEquals(0, done.getInt("replayed"));
        assertEquals("Installation key", done.getString("createdBy"));
        assertTrue(done.containsKey("finishedAt"), done.toString());
        assertEquals(10_000, transactionsOf(accounts), "each line once");
        for (int a = 0; a < accounts.size(); a++) {
            Account account = accounts.get(a);
            assertEquals("", runs.ledgerFaults(account));
            int first = a + 1;
            assertEquals(IntStream.iterate(first, n -> n <= 10_000, n -> n + accounts.size())
                    .mapToObj(n -> "nov-" + n).toList(), runs.keysBySequence(account), "file order per account");
        }

        JsonObject again = runs.finished(BillRuns.location(runs.ndjson(fixed)), PATIENCE);
        assertEquals("DONE", again.getString("status"));
        assertEquals(0, again.getInt("posted"));
        assertEquals(10_000, again.getInt("replayed"));
        assertEquals(10_000, transactionsOf(accounts), "nothing posted twice");
    }

    @Test
    void twoRunsOverTheSameAccountsAtOnceKeepEachAccountsOrderAndBalance() {
        List<Account> accounts = runs.accounts(10);
        String first = IntStream.rangeClosed(1, 600).mapToObj(n -> monthLine(accounts, "a-", n))
                .collect(Collectors.joining("\n"));
        String second = IntStream.rangeClosed(1, 600).mapToObj(n -> monthLine(accounts, "b-", n))
                .collect(Collectors.joining("\n"));
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() -> runs.ndjson(first));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() -> runs.ndjson(second));
        JsonObject doneOne = runs.finished(BillRuns.location(one.join()), PATIENCE);
        JsonObject doneTwo = runs.finished(BillRuns.location(two.join()), PATIENCE);
        assertEquals(List.of("DONE", 600, "DONE", 600), List.of(doneOne.getString("status"), doneOne.getInt("posted"),
                doneTwo.getString("status"), doneTwo.getInt("posted")));
        for (Account account : accounts) {
            assertEquals("", runs.ledgerFaults(account));
            List<String> keys = runs.keysBySequence(account);
            assertEquals(120, keys.size());
            for (String run : List.of("a-", "b-")) {
                List<Integer> order = keys.stream().filter(key -> key.startsWith(run))
                        .map(key -> Integer.parseInt(key.substring(2))).toList();
                assertEquals(order.stream().sorted().toList(), order, run + " lines in file order");
            }
        }
    }

    /**
     * A chunk writes its lines' rows together, so its own queries do not see what it posted since it last wrote: a key
     * sent twice in the file must still be a replay the second time, and an invoice settled by two of its lines must
     * count both payments.
     */
    @Test
    void aKeySentTwiceIsPostedOnceAndTwoPaymentsOfOneInvoiceBothCount() {
        Account account = runs.accounts(1).getFirst();
        Api.Reply invoice = new Billing(api).post(account.id(), Billing.invoice("INV-TWICE"));
        assertEquals(201, invoice.status(), invoice.body());
        String invoiceId = invoice.json().getString("invoiceId");
        String file = Stream.of(
                        settling(BillRuns.payment(account, "p1", "40.00"), invoiceId),
                        settling(BillRuns.payment(account, "p1", "40.00"), invoiceId),
                        BillRuns.payment(account, "p2", "1.00"),
                        settling(BillRuns.payment(account, "p3", "30.00"), invoiceId),
                        settling(BillRuns.payment(account, "p4", "20.00"), invoiceId))
                .collect(Collectors.joining("\n"));
        JsonObject done = runs.finished(BillRuns.location(runs.ndjson(file)), PATIENCE);
        assertEquals(List.of("DONE", 4, 1), List.of(done.getString("status"), done.getInt("posted"),
                done.getInt("replayed")), done.toString());
        assertEquals(List.of("invoice", "p1", "p2", "p3", "p4"), runs.keysBySequence(account).stream()
                .map(key -> key.startsWith("p") ? key : "invoice").toList());
        assertEquals(9_000, db.number("SELECT paid_minor FROM invoice WHERE id = ?", UUID.fromString(invoiceId)),
                "40.00 + 30.00 + 20.00 paid on the invoice");
        assertEquals("", runs.ledgerFaults(account));
    }

    private static String settling(String paymentLine, String invoiceId) {
        return paymentLine.substring(0, paymentLine.length() - 1) + ",\"invoiceId\":\"" + invoiceId + "\"}";
    }

    @Test
    void csvAndNdjsonPostTheSameTransactions() {
        List<Account> byCsv = runs.accounts(2);
        List<Account> byJson = runs.accounts(2);
        StringBuilder csv = new StringBuilder("accountNumber,idempotencyKey,type,amount,reference,invoiceNumber,"
                + "issueDate,dueDate,lineDescription,lineQuantity,lineUnitPrice,lineAmount,taxName,taxRate,taxAmount\n");
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Account c = byCsv.get(i);
            Account j = byJson.get(i);
            csv.append(c.number()).append(",inv,INVOICE,169.50,\"Nov, services\",INV-1,2026-11-01,2026-11-30,"
                    + "Hosted PBX seat,10,10.00,100.00,HST,13,19.50\n");
            csv.append(",inv,,,,,,,\"SIP trunk \"\"premium\"\"\",1,50.00,50.00,,,\n");
            csv.append(c.number()).append(",pay,PAYMENT,69.50,PAY-1,,,,,,,,,,\n");
            ndjson.append("{\"accountNumber\":\"").append(j.number()).append("\",\"idempotencyKey\":\"inv\","
                    + "\"type\":\"INVOICE\",\"amount\":\"169.50\",\"reference\":\"Nov, services\",\"invoice\":{"
                    + "\"invoiceNumber\":\"INV-1\",\"issueDate\":\"2026-11-01\",\"dueDate\":\"2026-11-30\","
                    + "\"lines\":[{\"description\":\"Hosted PBX seat\",\"quantity\":\"10\",\"unitPrice\":\"10.00\","
                    + "\"amount\":\"100.00\"},{\"description\":\"SIP trunk \\\"premium\\\"\",\"quantity\":\"1\","
                    + "\"unitPrice\":\"50.00\",\"amount\":\"50.00\"}],"
                    + "\"taxes\":[{\"name\":\"HST\",\"rate\":\"13\",\"amount\":\"19.50\"}]}}\n");
            ndjson.append(BillRuns.payment(j, "pay", "69.50").replace("\"reference\":\"pay\"",
                    "\"reference\":\"PAY-1\"")).append('\n');
        }
        JsonObject fromCsv = runs.finished(BillRuns.location(runs.send("text/csv", csv.toString())), PATIENCE);
        JsonObject fromJson = runs.finished(BillRuns.location(runs.ndjson(ndjson.toString())), PATIENCE);
        assertEquals(List.of("DONE", 4), List.of(fromCsv.getString("status"), fromCsv.getInt("lines")),
                fromCsv.toString());
        assertEquals(List.of("DONE", 4), List.of(fromJson.getString("status"), fromJson.getInt("lines")));
        for (int i = 0; i < 2; i++) {
            assertEquals(posted(byJson.get(i)), posted(byCsv.get(i)));
            assertEquals(invoiceLines(byJson.get(i)), invoiceLines(byCsv.get(i)));
            assertEquals("", runs.ledgerFaults(byCsv.get(i)));
        }
        assertEquals(List.of(List.of("1", "INVOICE", "16950", "Nov, services", "INV-1", "16950"),
                Arrays.asList("2", "PAYMENT", "6950", "PAY-1", null, "10000")), posted(byCsv.getFirst()));
    }

    private List<List<String>> posted(Account account) {
        return db.rows("SELECT sequence, type, amount_minor, reference, invoice_number, balance_after_minor"
                + " FROM account_transaction WHERE account_id = ? ORDER BY sequence", UUID.fromString(account.id()));
    }

    private List<List<String>> invoiceLines(Account account) {
        return db.rows("SELECT l.position, l.description, l.quantity, l.unit_price_minor, l.amount_minor"
                + " FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.account_id = ?"
                + " ORDER BY l.position", UUID.fromString(account.id()));
    }

    @Test
    void malformedLinesAreLineErrorsNeverAServerError() {
        Account account = runs.accounts(1).getFirst();
        String ndjson = BillRuns.payment(account, "k1", "1.00") + "\n"
                + "{\"accountNumber\":\"" + account.number() + "\",\"idempotencyKey\":\"k2\",\"type\":\"PAYMENT\","
                + "\"amount\":1.00}\n"
                + "{\"accountNumber\":\"" + account.number() + "\",\"idempotencyKey\":\"k3\",\n"
                + "[\"not\",\"an\",\"object\"]\n";
        JsonObject fromJson = runs.finished(BillRuns.location(runs.ndjson(ndjson)), PATIENCE);
        assertEquals("REJECTED", fromJson.getString("status"));
        assertEquals(List.of("2 amount must be a string", "3 line is not valid JSON", "4 line must be a JSON object"),
                errors(fromJson));

        String csv = "accountNumber,idempotencyKey,type,amount\n"
                + account.number() + ",k1,PAYMENT,1.00\n"
                + account.number() + ",k2,PAYMENT\n"
                + account.number() + ",k3,PAYMENT,1.00,surplus\n"
                + account.number() + ",k4,PAYMENT,one dollar\n";
        JsonObject fromCsv = runs.finished(BillRuns.location(runs.send("text/csv", csv)), PATIENCE);
        assertEquals("REJECTED", fromCsv.getString("status"));
        List<String> csvErrors = errors(fromCsv);
        assertEquals(List.of(3L, 4L, 5L), csvErrors.stream().map(e -> Long.parseLong(e.split(" ")[0])).distinct()
                .toList(), csvErrors.toString());
        assertTrue(csvErrors.contains("3 line has 3 columns where the first row has 4"), csvErrors.toString());
        assertTrue(csvErrors.contains("4 line has 5 columns where the first row has 4"), csvErrors.toString());
        assertTrue(csvErrors.getLast().startsWith("5 amount must be a positive decimal number"), csvErrors.toString());
        assertEquals(0, transactionsOf(List.of(account)));
    }

    private static List<String> errors(JsonObject run) {
        return run.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> {
                    String message = error.getString("message");
                    int cut = message.indexOf(" (column");
                    return error.getInt("line") + " " + error.getString("field") + " "
                            + (cut < 0 ? message : message.substring(0, cut));
                }).toList();
    }

    @Test
    void aFileBeyond64MiBIs413AndItsRunFailedWithNothingPosted() {
        Account account = runs.accounts(1).getFirst();
        long failedBefore = db.number("SELECT COUNT(*) FROM bill_run WHERE status = 'FAILED'");
        byte[] first = (BillRuns.payment(account, "k1", "1.00") + "\n").getBytes(StandardCharsets.UTF_8);
        long size = 64L * 1024 * 1024 + 1;
        Api.Reply tooLarge = runs.send("application/x-ndjson", HttpRequest.BodyPublishers.ofInputStream(() ->
                new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        if (sent >= size) {
                            return -1;
                        }
                        return sent < first.length ? first[(int) sent++] : newline();
                    }

                    private int newline() {
                        sent++;
                        return '\n';
                    }
                }));
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.contentType().startsWith("application/problem+json"), tooLarge.contentType());
        assertEquals(failedBefore + 1, db.number("SELECT COUNT(*) FROM bill_run WHERE status = 'FAILED'"),
                "the run is recorded FAILED");
        assertEquals(0, db.number("SELECT COUNT(*) FROM bill_run_line l JOIN bill_run r ON r.id = l.run_id"
                + " WHERE r.status = 'FAILED'"), "keeping no line");
        assertEquals(0, transactionsOf(List.of(account)));


        Api.Reply json = runs.send("application/json", "{}");
        assertEquals(415, json.status(), json.body());
        assertTrue(json.body().contains("application/x-ndjson or text/csv"), json.body());
        Api.Reply untyped = api.send(api.request(BillRuns.PATH, TestPortal.OPERATOR_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, untyped.status(), "no Content-Type at all (found by ApiFuzzIT): " + untyped.body());
        assertTrue(untyped.contentType().startsWith("application/problem+json"), untyped.contentType());
    }
}
