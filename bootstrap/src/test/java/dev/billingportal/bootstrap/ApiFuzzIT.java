package dev.billingportal.bootstrap;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes every operation of the API, derived from the running portal's own {@code /openapi}: wrong types, missing and
 * extra fields, boundary lengths, huge numbers, deep nesting, invalid UTF-8, CR/LF, unicode confusables, oversized
 * bodies, bad cursors, dates and ids, wrong or missing tokens. 10 000 requests with a fixed seed (jqwik prints it with
 * any failure, and {@code seed} replays the same requests, up to the ids the portal gives the fixture's rows). Every
 * answer must be below 500; every error a well-formed RFC 9457 problem whose status is the response's; and a refused
 * request must have written nothing — the row counts of every table are the same after it as before (the tables
 * sign-in failures write by design aside: throttles, audit).
 */
class ApiFuzzIT {
    private static final String SEED = "20261201";
    /**
     * Longer request lines are refused by the web server itself before any routing (414, in its own words, not a
     * problem): the generated ones stay below. Long values go in the bodies.
     */
    private static final int MAX_URI = 3_000;
    private static final int TRIES = 10_000;
    /** Written when a mail is composed, in the background: not a request's doing. */
    private static final Set<String> BACKGROUND_TABLES = Set.of("ONE_TIME_TOKEN", "FLYWAY_SCHEMA_HISTORY",
            "OUTBOX_RELAY_LOCK", "ACCOUNT_NUMBER_COUNTER");
    /** A refused sign-in counts against the username and is audited (spec §4): those writes are the point. */
    private static final Set<String> SIGN_IN_TABLES = Set.of("LOGIN_THROTTLE", "LOGIN_THROTTLE_STRIPE", "AUDIT_EVENT");
    private static final List<String> SERVER_FIELDS = List.of("id", "accountId", "status", "balanceAfter", "sequence",
            "version", "createdAt", "passwordHash");

    private static ScriptedSmtpServer smtp;
    private static PortalProcess portal;
    private static Connection database;
    private static HttpClient http;
    private static URI base;
    private static List<Operation> operations;
    private static Fixture fixture;
    private static final Map<Integer, Integer> STATUSES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicLong COUNTING = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong SENDING = new java.util.concurrent.atomic.AtomicLong();

    /** One operation of the document, as far as a request to it goes. */
    record Operation(String id, String method, String path, List<Param> parameters, Optional<JsonObject> example,
                     Caller caller) {
        @Override
        public String toString() {
            return id + " " + method + " " + path;
        }
    }

    record Param(String name, String in, String type, boolean required) {
    }

    enum Caller { PUBLIC, OPERATOR, PORTAL_USER }

    /** What the fuzzer knows of the portal: real ids to aim at, the tokens that reach each kind of endpoint. */
    record Fixture(Map<String, String> ids, String userToken, String otherAccountId) {
    }

    /** One generated request. */
    record Call(Operation operation, String path, String token, String contentType, byte[] body, String bodyKind,
                String idempotencyKey) {
        @Override
        public String toString() {
            String preview = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return operation.method() + " " + path + " [" + operation.id() + ", token " + tokenKind() + ", "
                    + contentType + ", " + bodyKind + ", " + body.length + " bytes] " + preview;
        }

        private String tokenKind() {
            if (token == null) {
                return "none";
            }
            return token.equals(TestPortal.OPERATOR_TOKEN) ? "operator"
                    : token.equals(fixture.userToken()) ? "portal user" : "garbage";
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        System.out.println("ApiFuzzIT: seed " + SEED + ", " + TRIES + " requests");
        smtp = new ScriptedSmtpServer();
        Path dir = Files.createTempDirectory("portal-fuzz-");
        int port = PortalProcess.freePort();
        // AUTO_SERVER: the test reads the row counts while the portal's process holds the database.
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("portal") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
        portal = PortalProcess.start(dir, port, Map.ofEntries(
                Map.entry("PORTAL_DATA_DIR", dir.toString()),
                Map.entry("PORTAL_DB_URL", url),
                Map.entry("PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN),
                Map.entry("PORTAL_BASE_URL", "http://portal.test"),
                Map.entry("PORTAL_MAIL_TRANSPORT", "smtp"),
                Map.entry("PORTAL_MAIL_SMTP_HOST", "127.0.0.1"),
                Map.entry("PORTAL_MAIL_SMTP_PORT", Integer.toString(smtp.port())),
                // 10 000 requests from one address in a minute: the limiter would answer most of them.
                Map.entry("PORTAL_RATE_LIMIT_PER_ADDRESS", "0"),
                Map.entry("PORTAL_RATE_LIMIT_PER_SESSION", "0")));
        database = DriverManager.getConnection(url, "sa", "");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        base = URI.create("http://127.0.0.1:" + port);
        fixture = fixture(portal.api());
        operations = operations(portal.api());
        System.out.println("ApiFuzzIT: " + operations.size() + " operations from /openapi");
    }

    @AfterContainer
    static void stop() throws SQLException {
        System.out.println("ApiFuzzIT: " + SENT.get() + " requests sent; statuses " + STATUSES + "; ms counting "
                + COUNTING.get() / 1_000_000 + ", sending " + SENDING.get() / 1_000_000);
        if (database != null) {
            database.close();
        }
        if (portal != null) {
            portal.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    /** Two accounts, a second user, an invoice, a payment and a delivery: real ids for the paths. */
    private static Fixture fixture(Api api) {
        Onboarding onboarding = new Onboarding(api, new ScriptedInbox(() -> smtp));
        Member ann = onboarding.newAccount("ann-" + UUID.randomUUID() + "@example.com");
        Member bob = onboarding.addMember(ann, "bob-" + UUID.randomUUID() + "@example.com");
        Member other = onboarding.newAccount("other-" + UUID.randomUUID() + "@example.com");
        Billing billing = new Billing(api);
        JsonObject invoice = billing.post(ann.accountId(), Billing.invoice("INV-FUZZ-1")).json();
        JsonObject payment = billing.post(ann.accountId(), Billing.payment("10.00", invoice.getString("invoiceId"),
                "FUZZ")).json();
        String delivery = api.get("/api/v1/operator/notifications", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        Map<String, String> ids = Map.of("accountId", ann.accountId(), "userId", bob.userId(),
                "invoiceId", invoice.getString("invoiceId"), "transactionId", payment.getString("id"),
                "notificationId", delivery);
        return new Fixture(ids, ann.token(), other.accountId());
    }

    /** Every operation of the running portal's document. */
    private static List<Operation> operations(Api api) {
        Api.Reply document = api.send(api.request("/openapi", null).header("Accept", "application/json"));
        JsonObject paths = Json.createReader(new StringReader(document.body())).readObject().getJsonObject("paths");
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonObject operation = method.getValue().asJsonObject();
                List<Param> parameters = new ArrayList<>();
                for (JsonValue value : operation.getJsonArray("parameters") == null ? List.<JsonValue>of()
                        : operation.getJsonArray("parameters")) {
                    JsonObject parameter = value.asJsonObject();
                    JsonObject schema = parameter.getJsonObject("schema");
                    parameters.add(new Param(parameter.getString("name"), parameter.getString("in"),
                            schema == null ? "string" : schema.getString("type", "string"),
                            parameter.getBoolean("required", false)));
                }
                boolean secured = operation.getJsonArray("security") != null
                        && !operation.getJsonArray("security").isEmpty();
                Caller caller = !secured ? Caller.PUBLIC
                        : path.getKey().startsWith("/api/v1/operator") ? Caller.OPERATOR : Caller.PORTAL_USER;
                found.add(new Operation(operation.getString("operationId"), method.getKey().toUpperCase(),
                        path.getKey(), parameters, example(operation), caller));
            }
        }
        return found;
    }

    private static Optional<JsonObject> example(JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return Optional.empty();
        }
        JsonObject json = body.getJsonObject("content").getJsonObject("application/json");
        if (json == null || json.getJsonObject("examples") == null) {
            return Optional.empty();
        }
        JsonValue value = json.getJsonObject("examples").values().iterator().next().asJsonObject().get("value");
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        return Optional.of(Json.createReader(new StringReader(text)).readObject());
    }

    // ---- generators ----

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(operations).flatMap(operation -> Combinators.combine(
                        path(operation), token(operation), contentType(), body(operation), idempotencyKey())
                .as((path, token, contentType, body, key) -> new Call(operation, path, token, contentType,
                        body.bytes(), body.kind(), key)));
    }

    /** A UUID drawn from jqwik's random source, so that the seed replays it too. */
    private static Arbitrary<String> seededUuid() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString());
    }

    /** Text a client should never manage to break anything with. */
    static Arbitrary<String> weirdText() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "null", "0", "-1", "1e309", "-0", "99999999999999999999999999999", "NaN",
                        "true", "[]", "{}", "2026-13-45", "2026-02-30", "2026-11-25T25:61:00Z", "yesterday",
                        "not-a-cursor", "AAAA", "////", "../../etc/passwd", "%00", "%ZZ", "a\r\nX-Injected: 1",
                        "line\nbreak", "tab\there", "Ａｌｉｃｅ", "\u0430lice@example.com", "\u202Egnp.exe",
                        "\uD800", "\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "' OR 1=1 --", "<script>alert(1)</script>",
                        "INVOICE", "payment", "CAD", "XXX", "America/Toronto", "Pluto/Base", "fr-CA", "xx-XX"),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of(1, 254, 255, 256, 1_001, 10_000).map("x"::repeat),
                Arbitraries.strings().ascii().ofMaxLength(60).map(text -> java.util.Base64.getUrlEncoder()
                        .encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** A JSON value of any type, as text: what a field may be sent instead of what it should be. */
    static Arbitrary<String> weirdJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e308", "-1e308",
                        "123456789012345678901234567890", "0.000000000000000000001", "[]", "{}", "[null]",
                        "{\"a\":{\"b\":{\"c\":[]}}}", "\"\"", "[1,2,3]", "\"12.345\"", "\"-0.00\"",
                        "\"999999999999999999.99\""),
                weirdText().map(ApiFuzzIT::quoted),
                Arbitraries.of(64, 1_000, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().map(Object::toString));
    }

    private Arbitrary<String> path(Operation operation) {
        List<Arbitrary<String>> values = new ArrayList<>();
        for (Param param : operation.parameters()) {
            if (param.in().equals("path")) {
                values.add(pathValue(param.name()));
            }
        }
        Arbitrary<String> query = query(operation);
        if (values.isEmpty()) {
            return query.map(q -> operation.path() + q);
        }
        return Combinators.combine(values).as(list -> list).flatMap(list -> query.map(q -> {
            String path = operation.path();
            int i = 0;
            for (Param param : operation.parameters()) {
                if (param.in().equals("path")) {
                    path = path.replace("{" + param.name() + "}", encode(list.get(i++)));
                }
            }
            return path + q;
        }));
    }

    private static Arbitrary<String> pathValue(String name) {
        return anyPathValue(name).filter(value -> encode(value).length() <= MAX_URI / 3);
    }

    private static Arbitrary<String> anyPathValue(String name) {
        String real = fixture.ids().getOrDefault(name, "00000000-0000-4000-8000-000000000000");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(real)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(fixture.otherAccountId())),
                net.jqwik.api.Tuple.of(1, seededUuid()),
                net.jqwik.api.Tuple.of(2, weirdText().filter(text -> !text.isEmpty())));
    }

    private static Arbitrary<String> query(Operation operation) {
        List<Param> params = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
        List<String> names = new ArrayList<>(params.stream().map(Param::name).toList());
        names.addAll(List.of("limit", "cursor", "from", "to", "unknown"));
        return Arbitraries.of(names).list().ofMaxSize(4).flatMap(chosen -> {
            if (chosen.isEmpty()) {
                return Arbitraries.just("");
            }
            List<Arbitrary<String>> pairs = chosen.stream()
                    .map(name -> Arbitraries.oneOf(weirdText(), Arbitraries.of("1", "50", "200", "201", "0",
                                    "2026-11-01", "2026-11-30", "INVOICE", "PAYMENT", "FAILED", "true"))
                            .map(value -> encode(name) + "=" + encode(value)))
                    .toList();
            return Combinators.combine(pairs).as(list -> "?" + String.join("&", list));
        }).filter(query -> query.length() <= MAX_URI / 2);
    }

    private static Arbitrary<String> token(Operation operation) {
        String right = switch (operation.caller()) {
            case OPERATOR -> TestPortal.OPERATOR_TOKEN;
            case PORTAL_USER -> fixture.userToken();
            case PUBLIC -> null;
        };
        // Signing the fuzzer's own session out would leave every later request a 401: sign-out gets other tokens only.
        boolean signOut = operation.id().equals("logOut");
        if (signOut) {
            right = null;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(right)),
                net.jqwik.api.Tuple.of(1, signOut ? Arbitraries.just(TestPortal.OPERATOR_TOKEN)
                        : Arbitraries.of(TestPortal.OPERATOR_TOKEN, fixture.userToken())),
                net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(Arbitraries.just((String) null),
                        weirdText().map(ApiFuzzIT::headerSafe))));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; "
                        + "charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<String> idempotencyKey() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, seededUuid()),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(2, weirdText().map(ApiFuzzIT::headerSafe)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("same-key-every-time")));
    }

    record Body(String kind, byte[] bytes) {
    }

    /** Twice the body limit (1 MiB); made once, not at every try. */
    private static final Body OVERSIZED = text("oversized", "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

    private static Arbitrary<Body> body(Operation operation) {
        JsonObject example = operation.example().orElse(JsonValue.EMPTY_JSON_OBJECT);
        List<String> fields = new ArrayList<>(example.keySet());
        Arbitrary<Body> valid = Arbitraries.just(text("the example", example.toString()));
        Arbitrary<Body> withoutAField = fields.isEmpty() ? valid : Arbitraries.of(fields).map(field -> {
            Map<String, JsonValue> copy = new LinkedHashMap<>(example);
            copy.remove(field);
            return text("without " + field, Json.createObjectBuilder(copy).build().toString());
        });
        Arbitrary<Body> aFieldReplaced = fields.isEmpty() ? valid : Combinators.combine(Arbitraries.of(fields),
                weirdJson()).as((field, value) -> text(field + " = " + abbreviate(value), replaced(example, field,
                value)));
        Arbitrary<Body> extraFields = Combinators.combine(Arbitraries.of(SERVER_FIELDS).list().ofMinSize(1)
                        .ofMaxSize(4).uniqueElements(), weirdJson()).as((extra, value) -> {
            StringBuilder json = new StringBuilder(example.toString());
            json.setLength(json.length() - 1);
            for (String field : extra) {
                json.append(json.length() > 1 ? "," : "").append(quoted(field)).append(':').append(value);
            }
            return text("extra " + extra, json.append('}').toString());
        });
        Arbitrary<Body> anyJson = weirdJson().map(value -> text("a bare value", value));
        Arbitrary<Body> broken = Arbitraries.of(
                text("empty", ""), text("not JSON", "hello"), text("truncated", example.toString().substring(0,
                        Math.max(1, example.toString().length() / 2))),
                new Body("invalid UTF-8", invalidUtf8(example)),
                text("duplicate keys", "{\"a\":1,\"a\":2}"),
                OVERSIZED);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, valid), net.jqwik.api.Tuple.of(2, withoutAField),
                net.jqwik.api.Tuple.of(4, aFieldReplaced), net.jqwik.api.Tuple.of(2, extraFields),
                net.jqwik.api.Tuple.of(1, anyJson), net.jqwik.api.Tuple.of(1, broken));
    }

    private static String replaced(JsonObject example, String field, String value) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> entry : example.entrySet()) {
            json.append(json.length() > 1 ? "," : "").append(quoted(entry.getKey())).append(':')
                    .append(entry.getKey().equals(field) ? value : entry.getValue().toString());
        }
        return json.append('}').toString();
    }

    private static byte[] invalidUtf8(JsonObject example) {
        byte[] json = ("{\"name\":\"ab\",\"firstName\":\"ab\",\"username\":\"ab\"" + (example.isEmpty() ? "" : ",")
                + example.toString().substring(1)).getBytes(StandardCharsets.UTF_8);
        byte[] broken = json.clone();
        int at = new String(json, StandardCharsets.UTF_8).indexOf("ab");
        broken[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
        broken[at + 1] = (byte) 0x28;
        return broken;
    }

    private static Body text(String kind, String json) {
        return new Body(kind, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        return Json.createValue(text).toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the HTTP client lets through a header: no control characters (it refuses to send those at all). */
    private static String headerSafe(String value) {
        return value.codePoints().filter(c -> c >= 0x20 && c != 0x7F && c < 0x100)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    // ---- the property ----

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void noRequestBreaksTheApiAndARefusedOneWritesNothing(@ForAll("calls") Call call) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Long> before = rowCounts();
        long t1 = System.nanoTime();
        HttpResponse<String> response = send(call);
        long t2 = System.nanoTime();
        COUNTING.addAndGet(t1 - t0);
        SENDING.addAndGet(t2 - t1);
        SENT.incrementAndGet();
        int status = response.statusCode();
        STATUSES.merge(status, 1, Integer::sum);

        if (status >= 500) {
            throw new AssertionError(status + " for " + call + "\n" + response.body());
        }
        if (status >= 400) {
            assertProblem(call, response);
            Map<String, Long> after = rowCounts();
            if (call.operation().id().equals("logIn")) {
                SIGN_IN_TABLES.forEach(table -> {
                    before.remove(table);
                    after.remove(table);
                });
            }
            if (!before.equals(after)) {
                throw new AssertionError("refused with " + status + " but wrote: " + difference(before, after) + " — "
                        + call);
            }
        }
    }

    private static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .timeout(Duration.ofSeconds(30));
        if (call.token() != null && !call.token().isEmpty()) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.idempotencyKey() != null && !call.idempotencyKey().isEmpty()) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        boolean hasBody = !call.operation().method().equals("GET") && !call.operation().method().equals("DELETE");
        if (call.body().length > 1024 * 1024) {
            // The server refuses an oversized body on its Content-Length and closes the connection: asking first lets
            // the client hear the refusal instead of a broken pipe.
            request.expectContinue(true);
        }
        request.method(call.operation().method(), hasBody ? HttpRequest.BodyPublishers.ofByteArray(call.body())
                : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(Call call, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError(response.statusCode() + " as " + type + ", not a problem, for " + call + "\n"
                    + response.body());
        }
        JsonObject problem;
        try {
            problem = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException notJson) {
            throw new AssertionError("a problem that is not a JSON object for " + call + ": " + response.body());
        }
        boolean wellFormed = problem.get("type") instanceof JsonString && problem.get("title") instanceof JsonString
                && problem.get("detail") instanceof JsonString && problem.containsKey("status")
                && problem.getInt("status") == response.statusCode();
        if (!wellFormed) {
            throw new AssertionError("a malformed problem for " + call + ": " + response.body());
        }
    }

    private static String countQuery;

    /** The row count of every table the requests write, in one round trip. */
    private static Map<String, Long> rowCounts() throws SQLException {
        if (countQuery == null) {
            countQuery = countQuery();
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(countQuery)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static String countQuery() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                String table = rows.getString(1).toUpperCase();
                if (!BACKGROUND_TABLES.contains(table)) {
                    tables.add(table);
                }
            }
        }
        return String.join(" UNION ALL ", tables.stream()
                .map(table -> "SELECT '" + table + "', COUNT(*) FROM " + table).toList());
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder changes = new StringBuilder();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changes.append(table).append(' ').append(before.get(table)).append(" → ").append(count).append("; ");
            }
        });
        return changes.toString();
    }
}
