package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A portal user of one account gets 404 on every account-scoped endpoint of another account — and on user
 * ids of another account named under their own account's path. The table below must name every
 * account-scoped operation of the OpenAPI document; a new endpoint without a row fails this test.
 */
@HelidonTest
class TenantIsolationTest {
    private static final Mailbox MAILBOX = new Mailbox();

    /** One account-scoped operation, with a body that would be valid for it. */
    record Endpoint(String method, String path, String body) {
        String key() {
            return method + " " + path;
        }

        String fill(String accountId, String userId, String invoiceId, Webhook webhook) {
            return path.replace("{accountId}", accountId).replace("{userId}", userId).replace("{invoiceId}", invoiceId)
                    .replace("{endpointId}", webhook.endpointId()).replace("{messageId}", webhook.messageId());
        }
    }

    /** An account's webhook endpoint and a message of its log. */
    record Webhook(String endpointId, String messageId) {
    }

    static final List<Endpoint> ACCOUNT_SCOPED = List.of(
            new Endpoint("GET", "/api/v1/accounts/{accountId}/users", null),
            new Endpoint("POST", "/api/v1/accounts/{accountId}/users", Onboarding.newUser("intruder@example.com", true)),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/users/{userId}", null),
            new Endpoint("PUT", "/api/v1/accounts/{accountId}/users/{userId}", """
                    {"firstName":"Mallory","lastName":"Intruder","timeZone":"UTC","billingNotifications":true}"""),
            new Endpoint("DELETE", "/api/v1/accounts/{accountId}/users/{userId}", null),
            new Endpoint("POST", "/api/v1/accounts/{accountId}/users/{userId}/invitation", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/audit-events", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/transactions", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/invoices", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/invoices/{invoiceId}", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/notifications", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/webhook-endpoints", null),
            new Endpoint("POST", "/api/v1/accounts/{accountId}/webhook-endpoints", """
                    {"url":"http://127.0.0.1:9/hooks","eventTypes":["*"]}"""),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}", null),
            new Endpoint("PATCH", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}", """
                    {"description":"Mallory was here"}"""),
            new Endpoint("POST", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}/secret-rotation", null),
            new Endpoint("POST", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}/test", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}/messages", null),
            new Endpoint("GET", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}/messages/{messageId}",
                    null),
            new Endpoint("POST",
                    "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}/messages/{messageId}/resend", null),
            // last: the endpoint is gone after it
            new Endpoint("DELETE", "/api/v1/accounts/{accountId}/webhook-endpoints/{endpointId}", null));

    private static Api api;
    private static Member mallory;
    private static Member victim;
    private static String victimsInvitedUser;
    private static String victimsInvoice;
    private static String mallorysInvoice;
    private static Webhook victimsWebhook;
    private static Webhook mallorysWebhook;

    @AddConfigSource
    static ConfigSource config() {
        // Webhook endpoints on loopback, port 9 (discard): nothing listens, and nothing needs to.
        return TestPortal.config(MAILBOX.port(), Map.of("portal.webhooks.insecure-hosts", "127.0.0.1",
                "portal.webhooks.allowed-networks", "127.0.0.1/32"));
    }

    /** Once, on the first test: the portal's container starts only then. */
    @BeforeEach
    void twoAccounts() {
        if (api != null) {
            return;
        }
        api = Api.ofRunningServer();
        Onboarding onboarding = new Onboarding(api, MAILBOX);
        mallory = onboarding.newAccount("mallory-" + UUID.randomUUID() + "@example.com");
        victim = onboarding.newAccount("victim-" + UUID.randomUUID() + "@example.com");
        victimsInvitedUser = onboarding.invite(victim, "victims-colleague-" + UUID.randomUUID() + "@example.com");
        Billing billing = new Billing(api);
        victimsInvoice = billing.post(victim.accountId(), Billing.invoice("INV-VICTIM")).json().getString("invoiceId");
        mallorysInvoice = billing.post(mallory.accountId(), Billing.invoice("INV-MALLORY")).json().getString("invoiceId");
        victimsWebhook = webhook(victim);
        mallorysWebhook = webhook(mallory);
    }

    private static Webhook webhook(Member owner) {
        String endpoints = "/api/v1/accounts/" + owner.accountId() + "/webhook-endpoints";
        Api.Reply created = api.post(endpoints, owner.token(),
                "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"*\"]}");
        assertEquals(201, created.status(), created.body());
        String endpointId = created.json().getJsonObject("endpoint").getString("id");
        Api.Reply test = api.post(endpoints + "/" + endpointId + "/test", owner.token(), "");
        assertEquals(202, test.status(), test.body());
        return new Webhook(endpointId, test.json().getString("id"));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    private static Api.Reply call(Endpoint endpoint, String path, String token) {
        HttpRequest.BodyPublisher body = endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body());
        return api.send(api.request(path, token).header("Content-Type", "application/json")
                .method(endpoint.method(), body));
    }

    @Test
    void theTableNamesEveryAccountScopedOperationOfTheApi() {
        JsonObject paths = api.get("/openapi?format=JSON", null).json().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/accounts/{accountId}")) {
                operations.asJsonObject().keySet().forEach(method -> documented.add(method.toUpperCase(Locale.ROOT)
                        + " " + path));
            }
        });
        Set<String> tested = ACCOUNT_SCOPED.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(documented, tested);
    }

    @Test
    void anotherAccountsEndpointsAreNotFound() {
        long victimUsers = Db.ofRunningPortal().number("SELECT COUNT(*) FROM portal_user WHERE account_id = ?",
                UUID.fromString(victim.accountId()));
        for (Endpoint endpoint : ACCOUNT_SCOPED) {
            Api.Reply reply = call(endpoint, endpoint.fill(victim.accountId(), victimsInvitedUser, victimsInvoice,
                    victimsWebhook), mallory.token());
            assertEquals(404, reply.status(), endpoint.key() + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("The account was not found.", reply.json().getString("detail"),
                    endpoint.key() + " reveals nothing more than a missing account would");
        }
        assertEquals(victimUsers, Db.ofRunningPortal().number("SELECT COUNT(*) FROM portal_user WHERE account_id = ?",
                UUID.fromString(victim.accountId())), "nothing was added");
        assertEquals(List.of("INVITED"), Db.ofRunningPortal().strings("SELECT status FROM portal_user WHERE id = ?",
                UUID.fromString(victimsInvitedUser)), "nothing was changed or deleted");
        assertEquals(List.of(""), Db.ofRunningPortal().strings("SELECT description FROM webhook_endpoint WHERE id = ?",
                UUID.fromString(victimsWebhook.endpointId())), "the victim's endpoint unchanged, and still there");
    }

    @Test
    void anotherAccountsUsersAreNotFoundUnderOnesOwnAccount() {
        for (Endpoint endpoint : ACCOUNT_SCOPED) {
            if (!endpoint.path().contains("{userId}") && !endpoint.path().contains("{invoiceId}")
                    && !endpoint.path().contains("{endpointId}")) {
                continue;
            }
            Api.Reply reply = call(endpoint, endpoint.fill(mallory.accountId(), victimsInvitedUser, victimsInvoice,
                    victimsWebhook), mallory.token());
            assertEquals(404, reply.status(), endpoint.key() + ": " + reply.body());
        }
        assertEquals(List.of("INVITED"), Db.ofRunningPortal().strings("SELECT status FROM portal_user WHERE id = ?",
                UUID.fromString(victimsInvitedUser)));
        assertEquals(List.of(""), Db.ofRunningPortal().strings("SELECT description FROM webhook_endpoint WHERE id = ?",
                UUID.fromString(victimsWebhook.endpointId())), "the victim's endpoint unchanged, and still there");
    }

    @Test
    void theSameEndpointsWorkOnOnesOwnAccount() {
        for (Endpoint endpoint : ACCOUNT_SCOPED) {
            Api.Reply reply = call(endpoint, endpoint.fill(mallory.accountId(), mallory.userId(), mallorysInvoice,
                    mallorysWebhook), mallory.token());
            assertNotEquals(404, reply.status(), endpoint.key() + " is reachable, so its 404 above means isolation");
            assertTrue(reply.status() < 500, endpoint.key() + ": " + reply.body());
        }
    }
}
