package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
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

        String fill(String accountId, String userId, String invoiceId) {
            return path.replace("{accountId}", accountId).replace("{userId}", userId).replace("{invoiceId}", invoiceId);
        }
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
            new Endpoint("GET", "/api/v1/accounts/{accountId}/notifications", null));

    private static Api api;
    private static Member mallory;
    private static Member victim;
    private static String victimsInvitedUser;
    private static String victimsInvoice;
    private static String mallorysInvoice;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
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
            Api.Reply reply = call(endpoint, endpoint.fill(victim.accountId(), victimsInvitedUser, victimsInvoice),
                    mallory.token());
            assertEquals(404, reply.status(), endpoint.key() + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("The account was not found.", reply.json().getString("detail"),
                    endpoint.key() + " reveals nothing more than a missing account would");
        }
        assertEquals(victimUsers, Db.ofRunningPortal().number("SELECT COUNT(*) FROM portal_user WHERE account_id = ?",
                UUID.fromString(victim.accountId())), "nothing was added");
        assertEquals(List.of("INVITED"), Db.ofRunningPortal().strings("SELECT status FROM portal_user WHERE id = ?",
                UUID.fromString(victimsInvitedUser)), "nothing was changed or deleted");
    }

    @Test
    void anotherAccountsUsersAreNotFoundUnderOnesOwnAccount() {
        for (Endpoint endpoint : ACCOUNT_SCOPED) {
            if (!endpoint.path().contains("{userId}") && !endpoint.path().contains("{invoiceId}")) {
                continue;
            }
            Api.Reply reply = call(endpoint, endpoint.fill(mallory.accountId(), victimsInvitedUser, victimsInvoice),
                    mallory.token());
            assertEquals(404, reply.status(), endpoint.key() + ": " + reply.body());
        }
        assertEquals(List.of("INVITED"), Db.ofRunningPortal().strings("SELECT status FROM portal_user WHERE id = ?",
                UUID.fromString(victimsInvitedUser)));
    }

    @Test
    void theSameEndpointsWorkOnOnesOwnAccount() {
        for (Endpoint endpoint : ACCOUNT_SCOPED) {
            Api.Reply reply = call(endpoint, endpoint.fill(mallory.accountId(), mallory.userId(), mallorysInvoice),
                    mallory.token());
            assertNotEquals(404, reply.status(), endpoint.key() + " is reachable, so its 404 above means isolation");
            assertTrue(reply.status() < 500, endpoint.key() + ": " + reply.body());
        }
    }
}
