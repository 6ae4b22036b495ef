package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Operators;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §11 through the operator API: named keys (shown once, rotated with a grace, revoked, used), operators
 * (invited, re-roled with a reason, disabled, never the last administrator), the administrators' security notices,
 * and an audit that names who acted — by name for the provider, as its support for the customer.
 */
@HelidonTest
class OperatorApiTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String INSTALLATION = TestPortal.OPERATOR_TOKEN;
    private static final String SUPPORT_NAME = "Acme Telecom support";

    private Api api;
    private Db db;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of("portal.support.name", SUPPORT_NAME));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        db = Db.ofRunningPortal();
    }

    /** An administrator who has accepted their invitation and enrolled, as the console leaves them. */
    private String activeAdmin(String email) {
        return Operators.activeAdmin(db, email, "Ada Admin", "fr-CA", "America/Montreal").toString();
    }

    private JsonObject createKey(String token, String name, String role) {
        Api.Reply created = api.post("/api/v1/operator/api-keys", token,
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private List<String> subjects(String to) {
        return MAILBOX.to(to).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).toList();
    }

    private JsonArray providerAudit(String query) {
        Api.Reply reply = api.get("/api/v1/operator/audit-events?" + query, INSTALLATION);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items");
    }

    @Test
    void aKeyIsShownOnceStoredHashedRotatedWithAGraceAndRevokedAtOnce() {
        String admin = "keys-admin-" + UUID.randomUUID() + "@provider.example";
        activeAdmin(admin);
        Api.Reply created = api.post("/api/v1/operator/api-keys", INSTALLATION,
                "{\"name\":\"Billing system\",\"role\":\"billing\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control").orElseThrow(), "no cache keeps the key");
        JsonObject key = created.json();
        String secret = key.getString("key");
        assertTrue(secret.matches("bpk_[A-Za-z0-9_-]{43}"), secret);
        assertEquals(secret.substring(0, 12), key.getString("prefix"));

        assertEquals(404, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), secret).status(),
                "the key works: past the role check, no such account");
        JsonObject listed = api.get("/api/v1/operator/api-keys", INSTALLATION).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(k -> k.getString("id").equals(key.getString("id")))
                .findFirst().orElseThrow();
        assertFalse(listed.containsKey("key"), "the list never shows a key: " + listed);
        assertFalse(listed.isNull("lastUsedAt"), "its use is recorded: " + listed);
        assertEquals("installation", listed.getJsonObject("createdBy").getString("kind"));
        for (String table : List.of("api_key", "api_key_secret", "audit_event", "notification_event")) {
            assertFalse(db.everyValue(table).stream().anyMatch(value -> value.contains(secret.substring(12))),
                    "no " + table + " row holds the key");
        }
        Await.until(Duration.ofSeconds(20), () -> subjects(admin).stream().anyMatch(s -> s.contains("créée")),
                "the administrators are told, in their language");

        Api.Reply rotated = api.post("/api/v1/operator/api-keys/" + key.getString("id") + "/rotation", INSTALLATION,
                "{\"graceHours\":1}");
        assertEquals(200, rotated.status(), rotated.body());
        String second = rotated.json().getString("key");
        assertNotEquals(secret, second);
        assertEquals(404, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), secret).status(),
                "the old key still works during its grace");
        assertEquals(404, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), second).status());

        Api.Reply third = api.post("/api/v1/operator/api-keys/" + key.getString("id") + "/rotation", INSTALLATION,
                "{\"graceHours\":0}");
        assertEquals(200, third.status(), third.body());
        assertEquals(401, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), secret).status(),
                "a grace of 0 ends the older secrets at once");
        assertEquals(401, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), second).status());
        String current = third.json().getString("key");
        assertEquals(404, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), current).status());
        assertEquals(400, api.post("/api/v1/operator/api-keys/" + key.getString("id") + "/rotation", INSTALLATION,
                "{\"graceHours\":169}").status(), "a grace of more than a week is refused");

        assertEquals(204, api.send(api.request("/api/v1/operator/api-keys/" + key.getString("id"), INSTALLATION)
                .DELETE()).status());
        assertEquals(401, api.get("/api/v1/operator/accounts/" + UUID.randomUUID(), current).status(),
                "revoked at once");
        assertEquals(404, api.send(api.request("/api/v1/operator/api-keys/" + UUID.randomUUID(), INSTALLATION)
                .DELETE()).status());
        Await.until(Duration.ofSeconds(20), () -> subjects(admin).size() >= 4,
                "created, rotated twice and revoked: four notices");
        List<String> actions = providerAudit("action=API_KEY_ROTATED").stream().map(JsonObject.class::cast)
                .filter(e -> e.getJsonObject("subject").getString("id").equals(key.getString("id")))
                .map(e -> e.getString("action")).toList();
        assertEquals(List.of("API_KEY_ROTATED", "API_KEY_ROTATED"), actions);
    }

    @Test
    void whatAKeyDoesIsAuditedUnderItsNameAndACustomerSeesTheirSupport() {
        JsonObject key = createKey(INSTALLATION, "Support desk tool", "support");
        Onboarding onboarding = new Onboarding(api, MAILBOX);
        Onboarding.Member owner = onboarding.newAccount("audit-owner@example.com");
        Onboarding.Member leaving = onboarding.addMember(owner, "audit-leaving@example.com");
        assertEquals(204, api.send(api.request(owner.users() + "/" + leaving.userId(), owner.token()).DELETE())
                .status());

        Api.Reply restored = api.post("/api/v1/operator/accounts/" + owner.accountId() + "/users/"
                + leaving.userId() + "/restore", key.getString("key"), "{\"reason\":\"Deleted by mistake, ticket 42\"}");
        assertEquals(200, restored.status(), restored.body());
        assertEquals(400, api.post("/api/v1/operator/accounts/" + owner.accountId() + "/users/" + leaving.userId()
                + "/restore", key.getString("key"), "{\"reason\":\"no\"}").status(), "a reason has 3 characters at least");

        JsonObject provider = providerAudit("accountId=" + owner.accountId() + "&action=USER_RESTORED").getJsonObject(0);
        assertEquals("api_key", provider.getJsonObject("actor").getString("kind"));
        assertEquals(key.getString("id"), provider.getJsonObject("actor").getString("id"));
        assertEquals("Support desk tool", provider.getJsonObject("actor").getString("label"));
        assertEquals("Deleted by mistake, ticket 42", provider.getString("reason"));

        JsonObject customer = api.get("/api/v1/accounts/" + owner.accountId() + "/audit-events", owner.token()).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals("USER_RESTORED")).findFirst().orElseThrow();
        assertEquals(SUPPORT_NAME, customer.getJsonObject("actor").getString("label"));
        assertEquals("OPERATOR", customer.getJsonObject("actor").getString("type"));
        assertTrue(customer.getJsonObject("actor").isNull("id"), "no key's or operator's id: " + customer);
        assertTrue(customer.isNull("reason"), "the provider's reasons are its own: " + customer);

        JsonObject support = api.get("/api/v1/operator/accounts/" + owner.accountId() + "/audit-events",
                key.getString("key")).json().getJsonArray("items").getJsonObject(0);
        assertEquals("Support desk tool", support.getJsonObject("actor").getString("label"),
                "support reads the account's audit by name");
        assertEquals(400, api.get("/api/v1/operator/audit-events?action=NOT_AN_ACTION", INSTALLATION).status());
        assertEquals(400, api.get("/api/v1/operator/audit-events?from=2026-12-31&to=2026-01-01", INSTALLATION)
                .status());
    }

    @Test
    void operatorsAreInvitedReRoledWithAReasonAndDisabledButNeverTheLastAdministrator() {
        String adminEmail = "roster-admin-" + UUID.randomUUID() + "@provider.example";
        // earlier tests' administrators are disabled first, so that this one is the last
        for (String id : db.strings("SELECT id FROM operator WHERE role = 'ADMIN' AND status = 'ACTIVE'")) {
            db.update("UPDATE operator SET status = 'DISABLED', version = version + 1 WHERE id = ?",
                    UUID.fromString(id));
        }
        String admin = activeAdmin(adminEmail);
        Api.Reply invited = api.post("/api/v1/operator/operators", INSTALLATION,
                "{\"email\":\"Sam.Support@Provider.example\",\"name\":\"Sam Support\",\"role\":\"support\","
                        + "\"language\":\"fr-CA\"}");
        assertEquals(201, invited.status(), invited.body());
        String sam = invited.json().getString("id");
        assertEquals("INVITED", invited.json().getString("status"));
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to("Sam.Support@Provider.example").isEmpty(),
                "the invitation");
        MimeMessage invitation = MAILBOX.to("Sam.Support@Provider.example").get(0);
        assertTrue(Mailbox.text(invitation).contains("http://portal.test/console/invitation?token="),
                Mailbox.text(invitation));
        assertTrue(Mailbox.text(invitation).startsWith("Bonjour Sam Support"), "in their language");

        Api.Reply twice = api.post("/api/v1/operator/operators", INSTALLATION,
                "{\"email\":\"sam.support@provider.example\",\"name\":\"Sam again\",\"role\":\"admin\"}");
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.json().getString("type").endsWith("operator-email-taken"), twice.body());

        Api.Reply reRoled = api.send(api.request("/api/v1/operator/operators/" + sam + "/role", INSTALLATION)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"role\":\"billing\",\"reason\":\"Joins the billing team\"}")));
        assertEquals(200, reRoled.status(), reRoled.body());
        assertEquals("billing", reRoled.json().getString("role"));
        JsonObject change = providerAudit("action=OPERATOR_ROLE_CHANGED").stream().map(JsonObject.class::cast)
                .filter(e -> e.getJsonObject("subject").getString("id").equals(sam)).findFirst().orElseThrow();
        assertEquals("Joins the billing team", change.getString("reason"));
        assertEquals("support", change.getJsonArray("changes").getJsonObject(0).getString("before"));
        assertEquals("billing", change.getJsonArray("changes").getJsonObject(0).getString("after"));

        Api.Reply last = api.post("/api/v1/operator/operators/" + admin + "/disable", INSTALLATION, "");
        assertEquals(409, last.status(), last.body());
        assertEquals("At least one active administrator must remain.", last.json().getString("detail"));
        Api.Reply demoted = api.send(api.request("/api/v1/operator/operators/" + admin + "/role", INSTALLATION)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"role\":\"support\"}")));
        assertEquals(409, demoted.status(), demoted.body());
        assertEquals("ADMIN", db.strings("SELECT role FROM operator WHERE id = ?", UUID.fromString(admin)).get(0));

        Api.Reply disabled = api.post("/api/v1/operator/operators/" + sam + "/disable", INSTALLATION,
                "{\"reason\":\"Left the company\"}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("DISABLED", disabled.json().getString("status"));
        assertEquals(404, api.get("/api/v1/operator/operators/" + UUID.randomUUID(), INSTALLATION).status());
        assertEquals(400, api.post("/api/v1/operator/operators", INSTALLATION,
                "{\"email\":\"x@provider.example\",\"name\":\"X\",\"role\":\"superuser\"}").status());
        Await.until(Duration.ofSeconds(20), () -> subjects(adminEmail).size() >= 3,
                "the administrator is told of the invitation, the role change and the disabling");
    }

    private Api.Reply changeRole(String operator, String role) {
        return api.send(api.request("/api/v1/operator/operators/" + operator + "/role", INSTALLATION)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"role\":\"" + role + "\"}")));
    }

    @Test
    void twoAdministratorsDemotedAtOnceLeaveOne() throws Exception {
        for (String id : db.strings("SELECT id FROM operator WHERE role = 'ADMIN' AND status = 'ACTIVE'")) {
            changeRole(id, "support"); // but the last: the rule keeps one, whichever it is
        }
        List<String> admins = db.strings("SELECT id FROM operator WHERE role = 'ADMIN' AND status = 'ACTIVE'");
        String first = admins.isEmpty() ? activeAdmin("first-" + UUID.randomUUID() + "@provider.example")
                : admins.get(0);
        String second = activeAdmin("second-" + UUID.randomUUID() + "@provider.example");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<Api.Reply> a = two.submit(() -> {
                    start.await();
                    return changeRole(first, "support");
                });
                java.util.concurrent.Future<Api.Reply> b = two.submit(() -> {
                    start.await();
                    return changeRole(second, "support");
                });
                start.countDown();
                List<Integer> statuses = java.util.stream.Stream.of(a.get(30, java.util.concurrent.TimeUnit.SECONDS),
                        b.get(30, java.util.concurrent.TimeUnit.SECONDS)).map(Api.Reply::status).sorted().toList();
                assertEquals(List.of(200, 409), statuses, "round " + round + ": one demotion, one refusal");
                assertEquals(1, db.number("SELECT COUNT(*) FROM operator WHERE role = 'ADMIN' AND status = 'ACTIVE'"),
                        "round " + round + ": one administrator remains");
                String demoted = db.strings("SELECT id FROM operator WHERE id IN (?, ?) AND role = 'SUPPORT'",
                        UUID.fromString(first), UUID.fromString(second)).get(0);
                assertEquals(200, changeRole(demoted, "admin").status(), "promoted again for the next round");
            }
        } finally {
            two.shutdownNow();
        }
    }
}
