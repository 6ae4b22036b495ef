package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Spec §3's {@code language} in the API: en-CA by default, fr-CA on request, any other value a 422. */
@HelidonTest
class LanguageTest {
    private static final Mailbox MAILBOX = new Mailbox();

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    private static String user(String username, String language) {
        return "{\"username\":\"" + username + "\",\"firstName\":\"Léa\",\"lastName\":\"Gagné\","
                + "\"timeZone\":\"America/Montreal\"" + (language == null ? "" : ",\"language\":" + language) + "}";
    }

    @Test
    void aUsersLanguageIsEnglishUnlessFrenchIsAskedForAndNothingElseIsAccepted() {
        Api api = Api.ofRunningServer();
        Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID() + "@example.com");
        String id = UUID.randomUUID().toString().substring(0, 8);

        Api.Reply english = api.post(ann.users(), ann.token(), user("en-" + id + "@example.com", null));
        Api.Reply french = api.post(ann.users(), ann.token(), user("fr-" + id + "@example.com", "\"fr-CA\""));
        Api.Reply german = api.post(ann.users(), ann.token(), user("de-" + id + "@example.com", "\"de-DE\""));
        Api.Reply number = api.post(ann.users(), ann.token(), user("no-" + id + "@example.com", "1"));

        assertEquals("en-CA", english.json().getString("language"));
        assertEquals("fr-CA", french.json().getString("language"));
        assertEquals(422, german.status(), german.body());
        assertEquals("language", german.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, number.status(), "not a string at all");
        assertEquals(3, api.get(ann.users(), ann.token()).json().getJsonArray("items").size(), "nothing else added");

        String frenchId = french.json().getString("id");
        Api.Reply edited = api.send(api.request(ann.users() + "/" + frenchId, ann.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Léa\",\"lastName\":\"Roy\","
                        + "\"timeZone\":\"America/Montreal\",\"billingNotifications\":false}")));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("fr-CA", edited.json().getString("language"), "an edit that leaves it out keeps it");
        Api.Reply english2 = api.send(api.request(ann.users() + "/" + frenchId, ann.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Léa\",\"lastName\":\"Roy\","
                        + "\"timeZone\":\"America/Montreal\",\"billingNotifications\":false,\"language\":\"en-CA\"}")));
        assertEquals("en-CA", english2.json().getString("language"));
    }

    @Test
    void everyMailIsInItsRecipientsLanguageAndSaysSo() throws Exception {
        Api api = Api.ofRunningServer();
        Onboarding onboarding = new Onboarding(api, MAILBOX);
        Member ann = onboarding.newAccount("ann-" + UUID.randomUUID() + "@example.com");
        String lea = "lea-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply added = api.post(ann.users(), ann.token(), "{\"username\":\"" + lea + "\",\"firstName\":\"Léa\","
                + "\"lastName\":\"Gagné\",\"timeZone\":\"America/Montreal\",\"billingNotifications\":true,"
                + "\"language\":\"fr-CA\"}");
        assertEquals(201, added.status(), added.body());
        onboarding.activate(ann.accountId(), added.json().getString("id"), lea);
        jakarta.mail.internet.MimeMessage invitation = MAILBOX.to(lea).get(0);
        assertEquals("fr-CA", invitation.getHeader("Content-Language")[0]);
        org.junit.jupiter.api.Assertions.assertTrue(invitation.getSubject().startsWith("Votre invitation"),
                invitation.getSubject());

        Api.Reply posted = new dev.billingportal.bootstrap.support.Billing(api).post(ann.accountId(),
                dev.billingportal.bootstrap.support.Billing.payment("1234.56", null, "PAY-FR"));
        assertEquals(201, posted.status(), posted.body());

        dev.billingportal.bootstrap.support.Await.until(java.time.Duration.ofSeconds(10), () -> MAILBOX.to(lea).size() == 2
                && MAILBOX.to(ann.username()).stream().anyMatch(mail -> subject(mail).startsWith("Payment")),
                "both told of the payment");
        jakarta.mail.internet.MimeMessage french = MAILBOX.to(lea).get(1);
        assertEquals("Paiement inscrit : 1 234,56 CAD", subject(french).replace('\u00a0', ' ').replace('\u202f', ' '));
        assertEquals("fr-CA", french.getHeader("Content-Language")[0]);
        jakarta.mail.internet.MimeMessage english = MAILBOX.to(ann.username()).stream()
                .filter(mail -> subject(mail).startsWith("Payment")).findFirst().orElseThrow();
        assertEquals("Payment posted: 1234.56 CAD", subject(english), "spec §6's subject, unchanged");
        assertEquals("en-CA", english.getHeader("Content-Language")[0]);
        org.junit.jupiter.api.Assertions.assertTrue(Mailbox.text(french).startsWith("Bonjour Léa,"),
                Mailbox.text(french));
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
