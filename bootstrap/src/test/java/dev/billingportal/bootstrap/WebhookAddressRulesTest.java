package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Spec §13's server-side request forgery table, at registration through the API of a portal with its defaults (no
 * insecure host, no allowed network): each URL is refused with a 422 naming its reason, and nothing is stored. The
 * same rules at delivery, on the addresses the connection uses — a name answering a public address, then a private
 * one; a redirect to loopback — are held by {@code HttpWebhookSenderTest}, with a resolver that test controls.
 */
@HelidonTest
class WebhookAddressRulesTest {
    private static final Mailbox MAILBOX = new Mailbox();

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @Test
    void everyForbiddenAddressIsRefusedAtRegistrationWithItsReasonAndNothingIsStored() {
        Api api = Api.ofRunningServer();
        Onboarding.Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID() + "@example.com");
        Map<String, String> table = new LinkedHashMap<>();
        table.put("https://127.0.0.1/hooks", "resolves to a loopback address");
        table.put("https://127.1/hooks", "has no host"); // java.net.URI reads no host in it: refused before any lookup
        table.put("https://2130706433/hooks", "resolves to a loopback address");
        table.put("https://0x7f000001/hooks", "has a host that does not resolve");
        table.put("https://[::1]/hooks", "resolves to a loopback address");
        table.put("https://[::ffff:127.0.0.1]/hooks", "resolves to a loopback address");
        table.put("https://10.0.0.1/hooks", "resolves to a private address");
        table.put("https://169.254.169.254/latest/meta-data", "resolves to a link-local address");
        table.put("https://100.64.0.1/hooks", "resolves to a shared address");
        table.put("https://[fd00::1]/hooks", "resolves to a private address");
        table.put("https://0.0.0.0/hooks", "resolves to an unspecified address");
        table.put("https://localhost/hooks", "resolves to a loopback address");
        table.put("http://hooks.example.com/billing", "must use https");
        table.put("https://user:secret@hooks.example.com/billing", "must not carry a user name or password");

        String endpoints = "/api/v1/accounts/" + ann.accountId() + "/webhook-endpoints";
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> row : table.entrySet()) {
            Api.Reply reply = api.post(endpoints, ann.token(), Json.createObjectBuilder().add("url", row.getKey())
                    .add("eventTypes", Json.createArrayBuilder().add("*")).build().toString());
            String reason = reply.status() == 422
                    ? reply.json().getJsonArray("errors").getJsonObject(0).getString("message") : reply.body();
            if (reply.status() != 422 || !reason.equals(row.getValue())) {
                wrong.add(row.getKey() + ": " + reply.status() + " " + reason + ", not 422 " + row.getValue());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(0, Db.ofRunningPortal().number("SELECT COUNT(*) FROM webhook_endpoint WHERE account_id = ?",
                UUID.fromString(ann.accountId())), "nothing stored");
        assertTrue(api.get(endpoints, ann.token()).json().getJsonArray("items").isEmpty());
    }
}
