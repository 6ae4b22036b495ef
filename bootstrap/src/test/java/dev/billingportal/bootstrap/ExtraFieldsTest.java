package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * S4 (OWASP API3, mass assignment): what the server decides — ids, the account, statuses, balances, sequences,
 * versions — cannot be set by a client. Extra fields in a body are ignored and change nothing.
 */
@HelidonTest
class ExtraFieldsTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT);
    private static final String FOREIGN_ID = UUID.randomUUID().toString();

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    private final Api api = Api.ofRunningServer();
    private final Onboarding onboarding = new Onboarding(api, new ScriptedInbox(() -> SMTP));

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aTransactionsServerFieldsCannotBeSetAndItLandsInThePathsAccountOnly() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member other = onboarding.newAccount(unique("other"));
        String body = "{\"type\":\"PAYMENT\",\"amount\":\"10.00\",\"currency\":\"CAD\",\"reference\":\"S4\","
                + "\"id\":\"" + FOREIGN_ID + "\",\"accountId\":\"" + other.accountId() + "\",\"status\":\"VOID\","
                + "\"balanceAfter\":\"999999.00\",\"sequence\":42,\"version\":7}";

        Api.Reply posted = new Billing(api).post(ann.accountId(), body);

        assertEquals(201, posted.status(), posted.body());
        JsonObject transaction = posted.json();
        assertNotEquals(FOREIGN_ID, transaction.getString("id"));
        assertEquals("-10.00", transaction.getString("balanceAfter"), "the server's balance");
        assertEquals(1, transaction.getInt("sequence"), "the account's first transaction");
        assertEquals(1, api.get("/api/v1/accounts/" + ann.accountId() + "/transactions", ann.token()).json()
                .getJsonArray("items").size());
        assertEquals(0, api.get("/api/v1/accounts/" + other.accountId() + "/transactions", other.token()).json()
                .getJsonArray("items").size(), "nothing reached the account named in the body");
    }

    @Test
    void aUsersServerFieldsCannotBeSetByAnEdit() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member bob = onboarding.addMember(ann, unique("bob"));
        Member other = onboarding.newAccount(unique("other"));
        JsonObject before = api.get(ann.users() + "/" + bob.userId(), ann.token()).json();
        String edit = "{\"firstName\":\"Robert\",\"lastName\":\"Gagnon\",\"timeZone\":\"America/Toronto\","
                + "\"billingNotifications\":true,\"id\":\"" + FOREIGN_ID + "\",\"accountId\":\"" + other.accountId()
                + "\",\"status\":\"DELETED\",\"version\":99,\"createdAt\":\"2001-01-01T00:00:00Z\"}";

        Api.Reply edited = api.send(api.request(ann.users() + "/" + bob.userId(), ann.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(edit)));

        assertEquals(200, edited.status(), edited.body());
        JsonObject after = api.get(ann.users() + "/" + bob.userId(), ann.token()).json();
        assertEquals("Robert", after.getString("firstName"), "the editable fields change");
        assertEquals(bob.userId(), after.getString("id"));
        assertEquals(ann.accountId(), after.getString("accountId"));
        assertEquals("ACTIVE", after.getString("status"));
        assertEquals(before.getString("createdAt"), after.getString("createdAt"));
        assertEquals(before.getInt("version") + 1, after.getInt("version"), "the server's version, one edit on");
        assertEquals(200, api.get("/api/v1/me", bob.token()).status(), "still signed in: not deleted");
        assertEquals(1, api.get(other.users(), other.token()).json().getJsonArray("items").size(),
                "the other account gained nobody");
    }

    @Test
    void aNewAccountsAndItsFirstUsersServerFieldsCannotBeSet() {
        String username = unique("cy");
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Cy's\",\"id\":\"" + FOREIGN_ID + "\",\"createdAt\":\"2001-01-01T00:00:00Z\","
                        + "\"firstUser\":{\"username\":\"" + username + "\",\"firstName\":\"Cy\",\"lastName\":\"Roy\","
                        + "\"timeZone\":\"America/Toronto\",\"id\":\"" + FOREIGN_ID + "\",\"status\":\"ACTIVE\","
                        + "\"version\":5,\"passwordHash\":\"x\"}}");

        assertEquals(201, created.status(), created.body());
        JsonObject account = created.json();
        assertNotEquals(FOREIGN_ID, account.getString("id"));
        assertTrue(account.getString("createdAt").startsWith("20") && !account.getString("createdAt")
                .startsWith("2001"), account.getString("createdAt"));
        JsonObject first = account.getJsonObject("firstUser");
        assertNotEquals(FOREIGN_ID, first.getString("id"));
        assertEquals("INVITED", first.getString("status"), "invited, not active: no password was set");
        assertEquals(1, first.getInt("version"), "the server's first version, not the body's");
        assertEquals(401, api.post("/api/v1/auth/login", null, "{\"username\":\"" + username
                + "\",\"password\":\"x\"}").status());
    }
}
