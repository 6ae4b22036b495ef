package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.billing.TransactionResponse;
import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.user.PortalUserId;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §5: transactions, invoices and history — correct to the cent, idempotent, paged by keyset. */
@HelidonTest
@AddBean(TestClock.class)
class BillingTest {
    private static final Mailbox MAILBOX = new Mailbox();

    private Api api;
    private Db db;
    private Billing billing;
    private Onboarding onboarding;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
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
        billing = new Billing(api);
        onboarding = new Onboarding(api, MAILBOX);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private long transactionsOf(Member member) {
        return db.number("SELECT COUNT(*) FROM account_transaction WHERE account_id = ?", UUID.fromString(member.accountId()));
    }

    /**
     * The history API's JSON — the customer's and the operator's — is byte for byte what JSON-B writes for the same page
     * as the ORM reads it (ListTransactionsQuery, which the web pages still use): over a fixture of every type, text that
     * needs escaping and instants with fractions of a second, for filters of type, text and dates, down each history in
     * pages of 2 and back up.
     */
    @Test
    void theHistoryApisJsonIsByteForByteJsonBsRenderingOfTheSamePageAsTheOrmReadsIt() {
        Member ann = onboarding.newAccount(unique("ann"));
        String invoiceId = billing.post(ann.accountId(), Billing.invoice("INV-" + UUID.randomUUID().toString()
                .substring(0, 8))).json().getString("invoiceId");
        for (String body : List.of(
                "{\"type\":\"PAYMENT\",\"amount\":\"50.00\",\"invoiceId\":\"" + invoiceId + "\","
                        + "\"reference\":\"PAY \\\"quoted\\\" \\\\ a/b é 😀\",\"postedAt\":\"2026-11-02T10:15:30.123Z\"}",
                "{\"type\":\"CREDIT\",\"amount\":\"3.00\",\"reference\":\"Goodwill 10%_off\","
                        + "\"description\":\"Gratuité — «merci» <b>&amp;</b>\",\"postedAt\":\"2026-11-03T00:00:00.000001Z\"}",
                "{\"type\":\"REFUND\",\"amount\":\"0.01\",\"postedAt\":\"2026-11-04T04:30:00Z\"}",
                Billing.payment("1234567.89", null, "PAY-big"),
                "{\"type\":\"PAYMENT\",\"amount\":\"20.00\",\"reference\":\"PAY-late\","
                        + "\"postedAt\":\"2026-11-05T23:59:59.999999999Z\"}")) {
            Api.Reply posted = billing.post(ann.accountId(), body);
            assertEquals(201, posted.status(), posted.body());
        }
        ListTransactionsQuery orm = jakarta.enterprise.inject.spi.CDI.current().select(ListTransactionsQuery.class)
                .get();
        Actor customer = new Actor.PortalUserActor(new PortalUserId(UUID.fromString(ann.userId())),
                new AccountId(UUID.fromString(ann.accountId())), ann.username());
        List<String> filters = List.of("", "type=PAYMENT&type=CREDIT", "q=10%25_", "q=%C3%A9", "from=2026-11-03",
                "from=2026-11-02&to=2026-11-04&type=PAYMENT,REFUND,CREDIT");
        int pages = 0;
        for (String filter : filters) {
            for (boolean operator : List.of(false, true)) {
                String path = (operator ? "/api/v1/operator/accounts/" : "/api/v1/accounts/") + ann.accountId()
                        + "/transactions?limit=2" + (filter.isEmpty() ? "" : "&" + filter);
                String token = operator ? TestPortal.OPERATOR_TOKEN : ann.token();
                Actor actor = operator ? Actor.INSTALLATION : customer;
                TransactionFilter parsed = filterOf(filter);
                String cursor = null;
                List<String> previous = new ArrayList<>();
                do { // down the history
                    Api.Reply page = api.get(path + (cursor == null ? "" : "&cursor=" + cursor), token);
                    Page<Transaction> read = orm.list(actor, new AccountId(UUID.fromString(ann.accountId())), parsed,
                            new PageRequest(Optional.ofNullable(cursor), 2));
                    assertEquals(200, page.status(), page.body());
                    assertEquals("application/json", page.header("Content-Type").orElseThrow());
                    assertEquals(JsonResponses.json(TransactionResponse.PageResponse.of(read)), page.body(),
                            path + " at " + cursor);
                    read.previousCursor().ifPresent(previous::add);
                    cursor = read.nextCursor().orElse(null);
                    pages++;
                } while (cursor != null);
                for (String up : previous.reversed()) { // and back up, by the cursors the pages gave
                    Api.Reply page = api.get(path + "&cursor=" + up, token);
                    Page<Transaction> read = orm.list(actor, new AccountId(UUID.fromString(ann.accountId())), parsed,
                            new PageRequest(Optional.of(up), 2));
                    assertEquals(JsonResponses.json(TransactionResponse.PageResponse.of(read)), page.body(),
                            path + " back up at " + up);
                    pages++;
                }
            }
        }
        assertTrue(pages >= 30, "walked " + pages + " pages");
    }

    /** The filter the API reads from {@code query} (its parameters, decoded), for the in-process query. */
    private static TransactionFilter filterOf(String query) {
        List<String> types = new ArrayList<>();
        Map<String, String> single = new HashMap<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            String value = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            if (pair[0].equals("type")) {
                types.add(value);
            } else {
                single.put(pair[0], value);
            }
        }
        return TransactionFilter.of(types, single.get("from"), single.get("to"), single.get("q"));
    }

    @Test
    void anInvoiceAndItsPaymentShowOnTheInvoiceTheHistoryAndTheDashboard() {
        Member ann = onboarding.newAccount(unique("ann"));

        Api.Reply invoice = billing.post(ann.accountId(), Billing.invoice("INV-2026-0042"));
        assertEquals(201, invoice.status(), invoice.body());
        JsonObject posted = invoice.json();
        assertEquals(1, posted.getInt("sequence"));
        assertEquals("113.00", posted.getString("amount"));
        assertEquals("113.00", posted.getString("balanceAfter"));
        assertEquals("INV-2026-0042", posted.getString("invoiceNumber"));
        assertTrue(invoice.header("Location").orElseThrow().endsWith("/transactions/" + posted.getString("id")));
        String invoiceId = posted.getString("invoiceId");

        Api.Reply payment = billing.post(ann.accountId(), Billing.payment("50.00", invoiceId, "PAY-981"));
        assertEquals(201, payment.status(), payment.body());
        assertEquals("63.00", payment.json().getString("balanceAfter"));
        assertEquals("INV-2026-0042", payment.json().getString("invoiceNumber"));

        JsonObject read = api.get("/api/v1/accounts/" + ann.accountId() + "/invoices/" + invoiceId, ann.token()).json();
        assertEquals("PARTIALLY_PAID", read.getString("status"));
        assertEquals("50.00", read.getString("amountPaid"));
        assertEquals("63.00", read.getString("amountDue"));
        assertEquals("13", read.getJsonArray("taxes").getJsonObject(0).getString("rate"));
        assertFalse(read.getBoolean("overdue"), "due on November 30");

        JsonObject dashboard = api.get("/api/v1/accounts/" + ann.accountId(), ann.token()).json();
        assertEquals("63.00", dashboard.getString("balance"));
        assertEquals("CAD", dashboard.getString("currency"));
        assertEquals("INV-2026-0042", dashboard.getJsonObject("lastInvoice").getString("invoiceNumber"));
        assertEquals("0.00", dashboard.getString("amountOverdue"));

        TestClock.CLOCK.set(Instant.parse("2026-12-01T15:00:00Z")); // December 1 in Toronto
        String token = onboarding.logIn(ann.username(), Onboarding.PASSWORD);
        JsonObject later = api.get("/api/v1/accounts/" + ann.accountId(), token).json();
        assertEquals("63.00", later.getString("amountOverdue"));
        assertTrue(later.getJsonObject("lastInvoice").getBoolean("overdue"));

        JsonObject history = api.get("/api/v1/accounts/" + ann.accountId() + "/transactions", token).json();
        assertEquals(List.of(2, 1), history.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getInt("sequence")).toList(), "newest first");
    }

    @Test
    void aReplayedKeyReturnsTheOriginalAndPostsNothing() {
        Member ann = onboarding.newAccount(unique("ann"));
        String key = "billing-run-2026-11/" + UUID.randomUUID();
        Api.Reply first = billing.post(ann.accountId(), key, Billing.invoice("INV-A"));
        long notifications = db.count("notification");
        long transactions = transactionsOf(ann);

        Api.Reply replay = billing.post(ann.accountId(), key, Billing.invoice("INV-A").replace("\n", " "));

        assertEquals(201, first.status(), first.body());
        assertEquals(200, replay.status(), replay.body());
        assertEquals(first.json(), replay.json(), "the original transaction, as it was");
        assertEquals(transactions, transactionsOf(ann));
        assertEquals(notifications, db.count("notification"), "nothing notified twice");

        Api.Reply otherBody = billing.post(ann.accountId(), key, Billing.invoice("INV-B"));
        assertEquals(422, otherBody.status(), otherBody.body());
        assertEquals("Idempotency-Key", otherBody.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply noKey = billing.post(ann.accountId(), null, Billing.payment("1.00", null, null));
        assertEquals(400, noKey.status());
        assertEquals("Idempotency-Key", noKey.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(transactions, transactionsOf(ann));
    }

    @Test
    void tenConcurrentPostsWithOneKeyMakeOneTransaction() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<CompletableFuture<Api.Reply>> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> billing.post(ann.accountId(), key,
                    Billing.payment("25.00", null, "PAY-1")), pool));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (CompletableFuture<Api.Reply> post : posts) {
            replies.add(post.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, replies.stream().filter(reply -> reply.status() == 201).count(), replies.toString());
        assertEquals(9, replies.stream().filter(reply -> reply.status() == 200).count(), replies.toString());
        assertEquals(1, replies.stream().map(reply -> reply.json().getString("id")).distinct().count());
        assertEquals(1, transactionsOf(ann));
    }

    static Stream<Arguments> badPostings() {
        String invoice = Billing.invoice("INV-BAD");
        return Stream.of(
                Arguments.of("a line off by one cent", invoice.replace("\"amount\":\"100.00\"", "\"amount\":\"100.01\""),
                        422, "invoice.lines[0].amount"),
                Arguments.of("a tax off by one cent", invoice.replace("\"amount\":\"13.00\"", "\"amount\":\"13.01\""),
                        422, "invoice.taxes[0].amount"),
                Arguments.of("a total that does not match", invoice.replace("\"113.00\"", "\"112.00\""), 422, "amount"),
                Arguments.of("a foreign currency", invoice.replace("\"CAD\"", "\"USD\""), 422, "currency"),
                Arguments.of("a negative amount", Billing.payment("-5.00", null, null), 400, "amount"),
                Arguments.of("a zero amount", Billing.payment("0.00", null, null), 400, "amount"),
                Arguments.of("three decimals", Billing.payment("5.001", null, null), 400, "amount"),
                Arguments.of("one decimal", Billing.payment("5.0", null, null), 400, "amount"),
                Arguments.of("a number instead of a string", "{\"type\":\"PAYMENT\",\"amount\":5.00}", 400, "amount"),
                Arguments.of("a number in a line", invoice.replace("\"unitPrice\":\"10.00\"", "\"unitPrice\":10.00"),
                        400, "invoice.lines[0].unitPrice"),
                Arguments.of("an unknown type", "{\"type\":\"GIFT\",\"amount\":\"5.00\"}", 400, "type"),
                Arguments.of("an invoice without lines", invoice.replaceAll("\"lines\":\\[.*?\\],", "\"lines\":[],"),
                        400, "invoice.lines"),
                Arguments.of("a due date before the issue date", invoice.replace("2026-11-30", "2026-10-30"), 422,
                        "invoice.dueDate"),
                Arguments.of("an invoice on a payment", invoice.replace("\"INVOICE\"", "\"PAYMENT\""), 400, "invoice"),
                Arguments.of("an unknown invoice id", Billing.payment("5.00", UUID.randomUUID().toString(), null),
                        422, "invoiceId"),
                Arguments.of("a malformed date", invoice.replace("2026-11-01\",\"dueDate", "2026-13-01\",\"dueDate"),
                        400, "invoice.issueDate"),
                Arguments.of("far in the future", Billing.payment("5.00", null, null)
                        .replace("}", ",\"postedAt\":\"2027-01-01T00:00:00Z\"}"), 422, "postedAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPostings")
    void aBadPostingNamesTheFieldAndWritesNothing(String what, String json, int status, String field) {
        Member ann = onboarding.newAccount(unique("ann"));
        long notifications = db.count("notification");

        Api.Reply reply = billing.post(ann.accountId(), json);

        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.json().getJsonArray("errors").stream()
                .anyMatch(error -> error.asJsonObject().getString("field").equals(field)), reply.body());
        assertEquals(0, transactionsOf(ann));
        assertEquals(0, db.number("SELECT COUNT(*) FROM invoice WHERE account_id = ?", UUID.fromString(ann.accountId())));
        assertEquals(List.of("0|0"), db.strings("SELECT last_sequence || '|' || balance_minor FROM account WHERE id = ?",
                UUID.fromString(ann.accountId())));
        assertEquals(notifications, db.count("notification"));
    }

    @Test
    void aReusedInvoiceNumberIsAConflictNamingTheField() {
        Member ann = onboarding.newAccount(unique("ann"));
        assertEquals(201, billing.post(ann.accountId(), Billing.invoice("INV-7")).status());

        Api.Reply again = billing.post(ann.accountId(), Billing.invoice("INV-7"));

        assertEquals(409, again.status(), again.body());
        assertEquals("invoice.invoiceNumber", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(1, transactionsOf(ann));
        Member other = onboarding.newAccount(unique("other"));
        assertEquals(201, billing.post(other.accountId(), Billing.invoice("INV-7")).status(), "per account");
    }

    @Test
    void concurrentPaymentsKeepTheBalanceExactAndEveryBalanceAfterChained() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Integer>> batches = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            batches.add(CompletableFuture.supplyAsync(() -> {
                int created = 0;
                for (int i = 0; i < 25; i++) {
                    Api.Reply reply = billing.post(ann.accountId(), Billing.payment("1.0" + (i % 10), null,
                            "T" + t + "-" + i));
                    if (reply.status() == 201) {
                        created++;
                    }
                }
                return created;
            }, threads));
        }
        int created = 0;
        for (CompletableFuture<Integer> batch : batches) {
            created += batch.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEquals(100, created);

        List<JsonObject> history = new ArrayList<>();
        Api.Reply page = api.get("/api/v1/accounts/" + ann.accountId() + "/transactions?limit=200", ann.token());
        // A page is sent whole with its length, not in chunks, though it is far larger than the server's buffer.
        assertEquals(String.valueOf(page.body().getBytes(StandardCharsets.UTF_8).length),
                page.header("Content-Length").orElse("none"), "the page's Content-Length");
        page.json().getJsonArray("items").forEach(item -> history.add(item.asJsonObject()));
        assertEquals(100, history.size());
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        BigDecimal expectedTotal = BigDecimal.ZERO.setScale(2);
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonObject transaction = history.get(i);
            assertEquals(history.size() - i, transaction.getInt("sequence"), "gapless, in posting order");
            balance = balance.subtract(new BigDecimal(transaction.getString("amount")));
            assertEquals(balance, new BigDecimal(transaction.getString("balanceAfter")),
                    "balanceAfter of #" + transaction.getInt("sequence"));
            expectedTotal = expectedTotal.add(new BigDecimal(transaction.getString("amount")));
        }
        assertEquals(new BigDecimal("-104.00"), expectedTotal.negate(),
                "4 threads × (2 × (1.00 + ... + 1.09) + (1.00 + ... + 1.04)) = 4 × 26.00");
        assertEquals(balance.toPlainString(), api.get("/api/v1/accounts/" + ann.accountId(), ann.token()).json()
                .getString("balance"));
    }

    @Test
    void pagingVisitsEveryRowOnceEvenWhileNewTransactionsArrive() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        for (int i = 0; i < 40; i++) {
            billing.post(ann.accountId(), Billing.payment("2.00", null, "BEFORE-" + i));
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        CompletableFuture<Integer> poster = CompletableFuture.supplyAsync(() -> {
            int posted = 0;
            while (paging.get() && posted < 200) {
                billing.post(ann.accountId(), Billing.payment("3.00", null, "DURING-" + posted));
                posted++;
            }
            return posted;
        });

        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            JsonObject body = api.get("/api/v1/accounts/" + ann.accountId() + "/transactions?limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), ann.token()).json();
            body.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getInt("sequence")));
            if (body.isNull("nextCursor")) {
                break;
            }
            cursor = body.getString("nextCursor");
        }
        paging.set(false);
        assertTrue(poster.get(60, TimeUnit.SECONDS) > 0, "transactions were posted meanwhile");

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no row twice: " + seen);
        assertTrue(seen.containsAll(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList()),
                "every row that existed when paging began: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) < seen.get(i - 1), "newest first throughout");
        }
    }

    @Test
    void dateFiltersUseTheReadersOwnTimeZone() {
        Member toronto = onboarding.newAccount(unique("toronto"));
        Member vancouver = onboarding.addMember(toronto, unique("vancouver"), "America/Vancouver", false);
        assertEquals(201, billing.post(toronto.accountId(), Billing.payment("9.99", null, "LATE-NIGHT")
                .replace("}", ",\"postedAt\":\"2026-11-01T05:30:00Z\"}")).status());
        String history = "/api/v1/accounts/" + toronto.accountId() + "/transactions";

        assertEquals(1, count(api.get(history + "?from=2026-11-01&to=2026-11-01", toronto.token())), "1:30 on Nov 1");
        assertEquals(0, count(api.get(history + "?from=2026-10-31&to=2026-10-31", toronto.token())));
        assertEquals(1, count(api.get(history + "?from=2026-10-31&to=2026-10-31", vancouver.token())), "22:30 on Oct 31");
        assertEquals(0, count(api.get(history + "?from=2026-11-01&to=2026-11-01", vancouver.token())));
        Api.Reply reversed = api.get(history + "?from=2026-11-02&to=2026-11-01", toronto.token());
        assertEquals(400, reversed.status());
        assertEquals(400, api.get(history + "?from=yesterday", toronto.token()).status());
    }

    @Test
    void typeAndTextFiltersNarrowTheHistory() {
        Member ann = onboarding.newAccount(unique("ann"));
        String invoiceId = billing.post(ann.accountId(), Billing.invoice("INV-FILTER-1")).json().getString("invoiceId");
        billing.post(ann.accountId(), Billing.payment("10.00", invoiceId, "CHEQUE-555"));
        billing.post(ann.accountId(), "{\"type\":\"CREDIT\",\"amount\":\"3.00\",\"description\":\"Goodwill 10%_off\"}");
        String history = "/api/v1/accounts/" + ann.accountId() + "/transactions";

        assertEquals(1, count(api.get(history + "?type=PAYMENT", ann.token())));
        assertEquals(2, count(api.get(history + "?type=PAYMENT&type=CREDIT", ann.token())));
        assertEquals(2, count(api.get(history + "?type=PAYMENT,INVOICE", ann.token())));
        assertEquals(2, count(api.get(history + "?q=inv-filter", ann.token())), "the invoice and its payment");
        assertEquals(1, count(api.get(history + "?q=cheque", ann.token())));
        assertEquals(1, count(api.get(history + "?q=10%25_", ann.token())), "% and _ are literal");
        assertEquals(400, api.get(history + "?type=GIFT", ann.token()).status());
    }

    @Test
    void theHistoryAsCsvHasAHeaderAndEveryFilteredRow() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        for (int i = 0; i < 5; i++) {
            billing.post(ann.accountId(), "{\"type\":\"CREDIT\",\"amount\":\"1.00\",\"description\":\"Line, with \\\"quotes\\\" "
                    + i + "\"}");
        }
        billing.post(ann.accountId(), Billing.payment("2.00", null, "PAY-CSV"));

        HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
                api.request("/api/v1/accounts/" + ann.accountId() + "/transactions?type=CREDIT", ann.token())
                        .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(5, records.size(), csv.body());
        assertEquals("Line, with \"quotes\" 4", records.get(0).get("description"), "RFC 4180 quoting, newest first");
        assertEquals("-5.00", records.get(0).get("balanceAfter"));
        assertEquals("CREDIT", records.get(4).get("type"));
        assertTrue(csv.body().startsWith("sequence,postedAt,type,amount,currency,reference,description,invoiceNumber,"
                + "balanceAfter,id\r\n"), "a header row, CRLF line ends");
    }

    @Test
    void theInvoicePdfCarriesTheNumberTaxesAndTotal() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        String invoiceId = billing.post(ann.accountId(), Billing.invoice("INV-PDF-1")).json().getString("invoiceId");

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                api.request("/api/v1/accounts/" + ann.accountId() + "/invoices/" + invoiceId, ann.token())
                        .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Invoice INV-PDF-1"), text);
            assertTrue(text.contains("HST 13 %") && text.contains("13.00"), text);
            assertTrue(text.contains("113.00 CAD"), text);
        }
        JsonObject list = api.get("/api/v1/accounts/" + ann.accountId() + "/invoices", ann.token()).json();
        assertEquals("INV-PDF-1", list.getJsonArray("items").getJsonObject(0).getString("invoiceNumber"));
        assertNotEquals(JsonValue.NULL, list.getJsonArray("items").getJsonObject(0).get("lines"));
    }

    private static int count(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").size();
    }
}
