package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §6: who is told about what, once each, in their own time zone, with every value escaped. */
@HelidonTest
class BillingNotificationsTest {
    private static final Mailbox MAILBOX = new Mailbox();

    private Api api;
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
        api = Api.ofRunningServer();
        billing = new Billing(api);
        onboarding = new Onboarding(api, MAILBOX);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Mails to {@code address} whose subject starts with {@code prefix}. */
    private static List<MimeMessage> mails(String address, String prefix) {
        return MAILBOX.to(address).stream().filter(message -> subject(message).startsWith(prefix)).toList();
    }

    private static void expectMails(String address, String prefix, int count) {
        Await.until(Duration.ofSeconds(20), () -> mails(address, prefix).size() >= count,
                count + " '" + prefix + "' mail(s) to " + address);
    }

    private static void settle() {
        Await.sleep(Duration.ofMillis(1500)); // let any stray mail arrive before counting
    }

    @Test
    void eachEventKindReachesExactlyTheUsersWhoHaveBillingNotificationsOn() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member bob = onboarding.addMember(ann, unique("bob"), "America/Vancouver", true);
        Member carol = onboarding.addMember(ann, unique("carol"), "America/Toronto", false);

        // user added: the account's users with the flag on, never the added user (who got an invitation)
        expectMails(ann.username(), "New Billing Portal user", 2);
        expectMails(bob.username(), "New Billing Portal user", 1);

        // transaction posted, twice with one key
        String key = UUID.randomUUID().toString();
        assertEquals(201, billing.post(ann.accountId(), key, Billing.payment("12.34", null, "PAY-1")).status());
        assertEquals(200, billing.post(ann.accountId(), key, Billing.payment("12.34", null, "PAY-1")).status());
        expectMails(ann.username(), "Payment posted", 1);
        expectMails(bob.username(), "Payment posted", 1);

        // user deleted: not the deleted user
        assertEquals(204, api.send(api.request(ann.users() + "/" + bob.userId(), ann.token()).DELETE()).status());
        expectMails(ann.username(), "Billing Portal user deleted", 1);
        settle();

        assertEquals(2, mails(ann.username(), "New Billing Portal user").size(), "Bob and Carol added");
        assertEquals(1, mails(bob.username(), "New Billing Portal user").size(), "Carol added; not himself");
        assertEquals(0, mails(carol.username(), "New Billing Portal user").size(), "flag off");
        assertEquals(1, mails(ann.username(), "Payment posted").size(), "once, though the key was replayed");
        assertEquals(1, mails(bob.username(), "Payment posted").size());
        assertEquals(0, mails(carol.username(), "Payment posted").size(), "flag off");
        assertEquals(0, mails(bob.username(), "Billing Portal user deleted").size(), "the deleted user is not told");
        assertEquals(0, mails(carol.username(), "Billing Portal user deleted").size(), "flag off");
        assertEquals(1, mails(carol.username(), "Your invitation").size(), "the added user gets the invitation");

        MimeMessage payment = mails(ann.username(), "Payment posted").get(0);
        assertEquals("Payment posted: 12.34 CAD", subject(payment));
        String text = Mailbox.text(payment);
        assertTrue(text.startsWith("Hello Zoë,"), text);
        assertTrue(text.contains("Reference: PAY-1") && text.contains("Balance:   -12.34 CAD"), text);
        assertTrue(Mailbox.html(payment).contains("http://portal.test/transactions"), "links to the portal");
    }

    @Test
    void recipientsAreFixedWhenTheEventHappens() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member carol = onboarding.addMember(ann, unique("carol"), "America/Toronto", false);
        billing.post(ann.accountId(), Billing.payment("1.00", null, "BEFORE"));
        expectMails(ann.username(), "Payment posted", 1);

        Api.Reply flagOn = api.send(api.request(ann.users() + "/" + carol.userId(), carol.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"firstName":"Carol","lastName":"Lee","timeZone":"America/Toronto","billingNotifications":true}""")));
        assertEquals(200, flagOn.status(), flagOn.body());
        billing.post(ann.accountId(), Billing.payment("2.00", null, "AFTER"));
        expectMails(carol.username(), "Payment posted", 1);
        settle();

        List<MimeMessage> carols = mails(carol.username(), "Payment posted");
        assertEquals(1, carols.size());
        assertTrue(Mailbox.text(carols.get(0)).contains("AFTER"), "only what happened after she switched it on");
    }

    @Test
    void everyRecipientReadsTimesInTheirOwnZoneWithTheZoneNamed() {
        Member toronto = onboarding.newAccount(unique("toronto"));
        Member vancouver = onboarding.addMember(toronto, unique("vancouver"), "America/Vancouver", true);

        billing.post(toronto.accountId(), Billing.payment("5.00", null, "NIGHT")
                .replace("}", ",\"postedAt\":\"2026-11-01T05:30:00Z\"}"));
        expectMails(toronto.username(), "Payment posted", 1);
        expectMails(vancouver.username(), "Payment posted", 1);

        assertTrue(Mailbox.text(mails(toronto.username(), "Payment posted").get(0))
                .contains("November 1, 2026 at 1:30 AM EDT (America/Toronto)"));
        assertTrue(Mailbox.text(mails(vancouver.username(), "Payment posted").get(0))
                .contains("October 31, 2026 at 10:30 PM PDT (America/Vancouver)"));
    }

    @Test
    void markupInNamesArrivesEscapedAndNoHeaderCarriesALineBreak() throws Exception {
        String username = unique("markup");
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN, """
                {"name":"Acme <script>alert('account')</script> & Co","firstUser":{"username":"%s",
                 "firstName":"<b>Zoë</b>","lastName":"<img src=x onerror=alert(1)>","timeZone":"UTC",
                 "billingNotifications":true}}""".formatted(username));
        assertEquals(201, created.status(), created.body());
        String accountId = created.json().getString("id");
        billing.post(accountId, Billing.invoice("INV-<script>").replace("INV-<script>", "INV-SCRIPT"));
        expectMails(username, "Your invitation", 1);
        expectMails(username, "Invoice INV-SCRIPT posted", 1);

        for (MimeMessage message : MAILBOX.to(username)) {
            String html = Mailbox.html(message);
            assertFalse(html.contains("<script>") || html.contains("<b>Zoë") || html.contains("<img"), html);
            assertTrue(html.contains("&lt;"), html);
            assertFalse(message.getSubject().contains("\r") || message.getSubject().contains("\n"));
            for (String to : message.getHeader("To")) {
                assertFalse(to.replace("\r\n ", "").replace("\r\n\t", "").contains("\n"), to);
            }
        }
        assertEquals(400, api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN, """
                {"name":"Acme\\r\\nBcc: victim@example.com","firstUser":{"username":"%s","firstName":"A",
                 "lastName":"B","timeZone":"UTC"}}""".formatted(unique("crlf"))).status(), "CR/LF never gets in");
    }

    @Test
    void theAccountSeesItsBillingNotificationsAndTheirStatus() {
        Member ann = onboarding.newAccount(unique("ann"));
        billing.post(ann.accountId(), Billing.payment("3.00", null, "LISTED"));
        expectMails(ann.username(), "Payment posted", 1);
        Await.until(Duration.ofSeconds(10), () -> api.get("/api/v1/accounts/" + ann.accountId() + "/notifications",
                ann.token()).body().contains("\"SENT\""), "the delivery is marked sent");

        JsonObject page = api.get("/api/v1/accounts/" + ann.accountId() + "/notifications", ann.token()).json();
        List<JsonObject> items = page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();

        assertEquals(1, items.size(), "billing notifications only, not the invitation: " + items);
        JsonObject delivery = items.get(0);
        assertEquals("TRANSACTION_POSTED", delivery.getString("eventType"));
        assertEquals(ann.userId(), delivery.getString("recipientUserId"));
        assertEquals(ann.username(), delivery.getString("recipientEmail"));
        assertEquals("SENT", delivery.getString("status"));
        assertEquals(1, delivery.getInt("attempts"));
        assertFalse(delivery.isNull("sentAt"));
    }
}
