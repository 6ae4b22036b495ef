package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Operators;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Spec §11's table, tried on every operator endpoint the portal documents, by every kind of caller: nobody, a portal
 * user's API session, a portal user's web session and an operator's console session presented as a bearer token, a
 * revoked and an expired key, a support, a billing and an admin key, and the installation key. The endpoints come
 * from the served OpenAPI document, so a new one without a row in {@link #NEEDS} fails here; every refusal is the
 * right status with a problem body, and changes no row of any table.
 */
@HelidonTest
class OperatorPermissionsTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String INSTALLATION = TestPortal.OPERATOR_TOKEN;
    private static final List<String> TABLES = List.of("operator", "console_session", "operator_recovery_code",
            "passkey", "api_key", "api_key_secret", "account", "portal_user", "one_time_token", "notification_event",
            "notification", "outbox_entry", "user_session", "audit_event", "invoice", "account_transaction",
            "webhook_endpoint", "webhook_secret", "webhook_message", "webhook_attempt", "bill_run", "bill_run_line");

    /** What each operator endpoint needs (spec §11): R reads, A assists customers, B posts billing, D administers. */
    private static final Map<String, Character> NEEDS = Map.ofEntries(
            Map.entry("createAccount", 'B'), Map.entry("getAccount", 'R'),
            Map.entry("listAccountUsersForOperator", 'R'), Map.entry("restorePortalUser", 'A'),
            Map.entry("reinvitePortalUserForOperator", 'A'), Map.entry("endPortalUserSessions", 'A'),
            Map.entry("postTransaction", 'B'), Map.entry("listTransactionsForOperator", 'R'),
            Map.entry("getTransactionForOperator", 'R'), Map.entry("listInvoicesForOperator", 'R'),
            Map.entry("getInvoiceForOperator", 'R'), Map.entry("listAccountNotificationsForOperator", 'R'),
            Map.entry("listAccountAuditEventsForOperator", 'R'), Map.entry("listDeliveriesForOperator", 'R'),
            Map.entry("retryDelivery", 'A'), Map.entry("listProviderAuditEvents", 'R'),
            Map.entry("inviteOperator", 'D'), Map.entry("listOperators", 'D'), Map.entry("getOperator", 'D'),
            Map.entry("changeOperatorRole", 'D'), Map.entry("disableOperator", 'D'),
            Map.entry("resetOperatorSecondFactor", 'D'), Map.entry("reinviteOperator", 'D'),
            Map.entry("createApiKey", 'D'), Map.entry("listApiKeys", 'D'), Map.entry("rotateApiKey", 'D'),
            Map.entry("revokeApiKey", 'D'), Map.entry("operatorListWebhookEndpoints", 'D'),
            Map.entry("operatorCreateWebhookEndpoint", 'D'), Map.entry("operatorGetWebhookEndpoint", 'D'),
            Map.entry("operatorUpdateWebhookEndpoint", 'D'), Map.entry("operatorDeleteWebhookEndpoint", 'D'),
            Map.entry("operatorRotateWebhookSecret", 'D'), Map.entry("operatorSendWebhookTestEvent", 'D'),
            Map.entry("operatorListWebhookMessages", 'D'), Map.entry("operatorGetWebhookMessage", 'D'),
            Map.entry("operatorResendWebhookMessage", 'D'), Map.entry("submitBillRun", 'B'),
            Map.entry("listBillRuns", 'B'), Map.entry("getBillRun", 'B'));

    /** What each role holds, as the spec's table says (not as the code does). */
    private static final Map<String, String> HOLDS = Map.of("support", "RA", "billing", "RAB", "admin", "RABD");

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    /** {@code contentType}: what its body is sent as — JSON unless the endpoint takes only other types. */
    private record Endpoint(String operationId, String method, String path, String contentType) {
        @Override
        public String toString() {
            return method + " " + path + " (" + operationId + ")";
        }
    }

    private record Caller(String name, String token, int refusedWith) {
    }

    @Test
    void everyOperatorEndpointAdmitsExactlyTheRolesOfTheSpecsTable() {
        Api api = Api.ofRunningServer();
        Db db = Db.ofRunningPortal();
        Onboarding onboarding = new Onboarding(api, MAILBOX);
        Onboarding.Member member = onboarding.newAccount("matrix@example.com");
        WebClient web = new WebClient(api.base());
        web.signIn("matrix@example.com", Onboarding.PASSWORD);
        String webSession = web.cookies().entrySet().stream().filter(c -> c.getKey().contains("session"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();

        String supportKey = key(api, "Support desk", "support", null);
        String billingKey = key(api, "Billing system", "billing", null);
        String adminKey = key(api, "Provisioning", "admin", null);
        String revokedKey = key(api, "Old feeder", "admin", null);
        String revokedId = keyId(api, "Old feeder");
        assertEquals(204, api.send(api.request("/api/v1/operator/api-keys/" + revokedId, INSTALLATION)
                .DELETE()).status());
        Instant expiry = Instant.now().plusSeconds(2);
        String expiredKey = key(api, "Short-lived", "admin", expiry.toString());
        String consoleSession = consoleSession(db);
        Await.until(Duration.ofSeconds(10), () -> Instant.now().isAfter(expiry.plusMillis(100)), "the key expired");

        String targetOperator = api.post("/api/v1/operator/operators", INSTALLATION,
                "{\"email\":\"target@provider.example\",\"name\":\"Target\",\"role\":\"support\"}").json()
                .getString("id");
        key(api, "Target key", "support", null);
        String targetKey = keyId(api, "Target key");
        // The invitations are sent by the workers, each writing its link's token as it sends: let them finish before
        // counting rows around each refusal.
        Await.until(Duration.ofSeconds(20), () -> db.strings("SELECT id FROM notification WHERE status = 'PENDING'")
                .isEmpty(), "every invitation sent");
        Map<String, String> ids = Map.of("accountId", member.accountId(), "userId", member.userId(),
                "operatorId", targetOperator, "keyId", targetKey, "transactionId", UUID.randomUUID().toString(),
                "invoiceId", UUID.randomUUID().toString(), "notificationId", UUID.randomUUID().toString(),
                "endpointId", UUID.randomUUID().toString(), "messageId", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "billRunId", UUID.randomUUID().toString());

        List<Caller> refusedAlways = List.of(new Caller("nobody", null, 401),
                new Caller("a portal user's API session", member.token(), 403),
                new Caller("a portal user's web session", webSession, 401),
                new Caller("an operator's console session", consoleSession, 401),
                new Caller("a revoked key", revokedKey, 401),
                new Caller("an expired key", expiredKey, 401));
        Map<String, String> roleKeys = new LinkedHashMap<>();
        roleKeys.put("support", supportKey);
        roleKeys.put("billing", billingKey);
        roleKeys.put("admin", adminKey);

        List<Endpoint> endpoints = operatorEndpoints(api);
        assertEquals(new TreeSet<>(NEEDS.keySet()), new TreeSet<>(endpoints.stream().map(Endpoint::operationId)
                .toList()), "every operator endpoint has its row in the spec's table, and every row its endpoint");

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = fill(endpoint.path(), ids);
            char needed = NEEDS.get(endpoint.operationId());
            for (Caller caller : refusedAlways) {
                refused(api, db, endpoint, path, caller.name(), caller.token(), caller.refusedWith(), wrong);
            }
            for (Map.Entry<String, String> role : roleKeys.entrySet()) {
                if (HOLDS.get(role.getKey()).indexOf(needed) < 0) {
                    refused(api, db, endpoint, path, "a " + role.getKey() + " key", role.getValue(), 403, wrong);
                }
            }
        }
        // The admitted last: what they change (a key revoked, an operator disabled) must not change a refusal above.
        for (Endpoint endpoint : endpoints) {
            String path = fill(endpoint.path(), ids);
            char needed = NEEDS.get(endpoint.operationId());
            for (Map.Entry<String, String> role : roleKeys.entrySet()) {
                if (HOLDS.get(role.getKey()).indexOf(needed) >= 0) {
                    admitted(api, endpoint, path, "a " + role.getKey() + " key", role.getValue(), wrong);
                }
            }
            admitted(api, endpoint, path, "the installation key", INSTALLATION, wrong);
        }
        assertEquals(List.of(), wrong);
    }

    private static void refused(Api api, Db db, Endpoint endpoint, String path, String who, String token, int status,
                                List<String> wrong) {
        Map<String, Long> before = counts(db);
        Api.Reply reply = call(api, endpoint, path, token);
        if (reply.status() != status || !reply.contentType().startsWith("application/problem+json")) {
            wrong.add(endpoint + " by " + who + ": " + reply.status() + " " + reply.body() + ", not " + status);
            return;
        }
        Map<String, Long> after = counts(db);
        if (!after.equals(before)) {
            wrong.add(endpoint + " by " + who + " was refused but changed " + before + " -> " + after);
        }
    }

    private static void admitted(Api api, Endpoint endpoint, String path, String who, String token,
                                 List<String> wrong) {
        Api.Reply reply = call(api, endpoint, path, token);
        if (reply.status() == 401 || reply.status() == 403 || reply.status() >= 500) {
            wrong.add(endpoint + " by " + who + " should pass the role check: " + reply.status() + " "
                    + reply.body());
        }
    }

    private static Api.Reply call(Api api, Endpoint endpoint, String path, String token) {
        HttpRequest.Builder request = api.request(path, token);
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            request.header("Content-Type", endpoint.contentType())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        return api.send(request);
    }

    private static Map<String, Long> counts(Db db) {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(table -> counts.put(table, db.count(table)));
        return counts;
    }

    private static String fill(String path, Map<String, String> ids) {
        String filled = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertFalse(filled.contains("{"), "a path parameter this test does not know: " + path);
        return filled;
    }

    /** The operator endpoints the portal documents. */
    private static List<Endpoint> operatorEndpoints(Api api) {
        JsonObject paths = api.send(api.request("/openapi", null).header("Accept", "application/json")).json()
                .getJsonObject("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/v1/operator")) {
                continue;
            }
            JsonObject operations = paths.getJsonObject(path);
            for (String method : operations.keySet()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    JsonObject operation = operations.getJsonObject(method);
                    JsonObject body = operation.getJsonObject("requestBody");
                    String contentType = body == null || body.getJsonObject("content").containsKey("application/json")
                            ? "application/json" : body.getJsonObject("content").keySet().iterator().next();
                    endpoints.add(new Endpoint(operation.getString("operationId"), method.toUpperCase(Locale.ROOT),
                            path, contentType));
                }
            }
        }
        assertTrue(endpoints.size() >= NEEDS.size(), endpoints.toString());
        return endpoints;
    }

    private static String key(Api api, String name, String role, String expiresAt) {
        Api.Reply created = api.post("/api/v1/operator/api-keys", INSTALLATION, "{\"name\":\"" + name
                + "\",\"role\":\"" + role + "\"" + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"")
                + "}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("key");
    }

    private static String keyId(Api api, String name) {
        return api.get("/api/v1/operator/api-keys", INSTALLATION).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(key -> key.getString("name").equals(name))
                .map(key -> key.getString("id")).findFirst().orElseThrow();
    }

    /** An administrator signed in to the console with their second factor, as the console stores the session. */
    private static String consoleSession(Db db) {
        return Operators.consoleSession(db, Operators.activeAdmin(db, "console@provider.example", "Console Admin",
                "en-CA", "UTC"));
    }
}
