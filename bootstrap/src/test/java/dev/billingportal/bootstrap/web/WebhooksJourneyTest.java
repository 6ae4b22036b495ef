package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebhookReceiver;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The webhooks page in a real browser (spec §13, §9), in French: add an endpoint, copy its secret shown once, send a
 * test event and see it delivered with the attempt's status, resend it; the same without JavaScript, with the refusals a
 * form shows (no address, a private address, no event ticked); at a phone's width; axe finds nothing.
 */
@HelidonTest
class WebhooksJourneyTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    private Api api;
    private Onboarding onboarding;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), TestPortal.WEBHOOKS_ON_LOOPBACK);
    }

    @AfterAll
    static void stop() {
        MAILBOX.stop();
        RECEIVER.close();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, MAILBOX);
    }

    /** A signed-in first user who reads the portal in French. */
    private Onboarding.Member frenchAccount() {
        String username = "anne-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Télécom Acme\",\"firstUser\":{\"username\":\"" + username + "\",\"firstName\":\"Anne\","
                        + "\"lastName\":\"Tremblay\",\"timeZone\":\"America/Montreal\",\"billingNotifications\":false,"
                        + "\"language\":\"fr-CA\"}}");
        assertEquals(201, created.status(), created.body());
        return onboarding.activate(created.json().getString("id"),
                created.json().getJsonObject("firstUser").getString("id"), username);
    }

    private static Browser signedIn(Api api, String username, boolean javascript, int width) {
        Browser browser = Browser.start(api.base(), javascript, "fr-CA,fr", width, 900);
        browser.open("/sign-in");
        browser.type(browser.field("Nom d'utilisateur"), username);
        browser.type(browser.field("Mot de passe"), Onboarding.PASSWORD);
        browser.button("Se connecter").click();
        browser.waitForPath("/");
        return browser;
    }

    private static void assertAccessible(Browser browser, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "WCAG 2.2 A/AA on " + state);
    }

    private static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anneAddsAnEndpointCopiesItsSecretSendsATestEventSeesItDeliveredAndResendsIt() {
        Onboarding.Member anne = frenchAccount();
        String hooks = path("erp");
        try (Browser browser = signedIn(api, anne.username(), true, 1280)) {
            browser.button("Anne Tremblay").click();
            browser.link("Webhooks").click();
            browser.waitForHeading("Webhooks");
            assertAccessible(browser, "the webhooks page with none yet");

            browser.type(browser.field("URL du point de terminaison"), RECEIVER.url(hooks));
            browser.type(browser.field("Description"), "ERP de la comptabilité");
            browser.button("Ajouter le point de terminaison").click();
            browser.waitForHeading("Le secret de signature de " + RECEIVER.url(hooks));
            String secret = browser.element("webhook-secret").getAttribute("value");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals("true", browser.element("webhook-secret").getAttribute("readonly"));
            assertTrue(browser.button("Copier le secret").isDisplayed(), "the copy button, where the script runs");
            assertAccessible(browser, "the secret shown once");
            browser.screenshot("webhooks-secret-fr");

            browser.link("Je l'ai copié").click();
            browser.waitForHeading(RECEIVER.url(hooks));
            assertFalse(browser.driver().getPageSource().contains(secret), "the secret is not shown again");
            browser.button("Envoyer un événement de test").click();
            browser.waitUntil("the notice", () -> browser.path().endsWith("?notice=test"));
            List<WebhookReceiver.Request> received = Await.result(Duration.ofSeconds(20), () ->
                    RECEIVER.received(hooks).isEmpty() ? java.util.Optional.empty()
                            : java.util.Optional.of(RECEIVER.received(hooks)), "the test event at the receiver");
            assertTrue(received.getFirst().verifiesWith(secret), "signed with the secret the page showed");
            assertEquals("webhook.test", received.getFirst().type());

            browser.waitUntil("the log says Livré", () -> {
                browser.open(browser.path().replace("?notice=test", ""));
                return browser.driver().findElements(By.cssSelector(".table--webhook-messages .badge")).stream()
                        .anyMatch(badge -> badge.getText().equals("Livré"));
            });
            assertAccessible(browser, "the endpoint with its delivery log");
            browser.screenshot("webhook-endpoint-fr");

            browser.driver().findElement(By.linkText("Détails")).click();
            browser.waitForHeading("Message " + received.getFirst().webhookId());
            assertTrue(browser.row("HTTP 204").isDisplayed(), "the attempt's status");
            assertTrue(browser.driver().findElement(By.cssSelector("pre.payload")).getText().contains("webhook.test"));
            assertAccessible(browser, "a message's attempts");
            browser.screenshot("webhook-message-fr");

            browser.button("Renvoyer").click();
            browser.waitUntil("back on the endpoint", () -> browser.path().endsWith("?notice=resent"));
            assertTrue(browser.driver().findElement(By.cssSelector("p.notice[role=status]")).getText()
                    .contains("de nouveau en route"));
            Await.until(Duration.ofSeconds(20), () -> RECEIVER.received(hooks).size() == 2, "the resent message");
            assertEquals(received.getFirst().webhookId(), RECEIVER.received(hooks).get(1).webhookId(),
                    "the same webhook-id");
        }
    }

    @Test
    void withoutJavaScriptTheFormRefusesWhatItMustSaysWhyAndAddsAnEndpointForChosenEventsOnly() {
        Onboarding.Member anne = frenchAccount();
        try (Browser browser = signedIn(api, anne.username(), false, 1280)) {
            browser.open("/webhooks");
            browser.waitForHeading("Webhooks");
            browser.button("Ajouter le point de terminaison").click();
            browser.waitUntil("the refusal", () -> "true".equals(browser.field("URL du point de terminaison")
                    .getAttribute("aria-invalid")));
            assertTrue(browser.element("webhook-url-error").getText().startsWith("Entrez une adresse https"));

            browser.type(browser.field("URL du point de terminaison"), "https://10.0.0.1/hooks");
            browser.button("Ajouter le point de terminaison").click();
            browser.waitUntil("the address refused", () -> browser.element("webhook-url-error").getText()
                    .equals("Cette adresse mène à une adresse privée, à laquelle le portail n'envoie rien."));
            assertAccessible(browser, "the form's refusals");

            String hooks = path("deletions");
            browser.type(browser.field("URL du point de terminaison"), RECEIVER.url(hooks));
            browser.field("Seulement les événements cochés ci-dessous").click();
            browser.button("Ajouter le point de terminaison").click();
            browser.waitUntil("no event ticked", () -> !browser.driver().findElements(By.id("webhook-events-error"))
                    .isEmpty());
            browser.field("Utilisateur supprimé portal_user.deleted").click();
            browser.button("Ajouter le point de terminaison").click();
            browser.waitForHeading("Le secret de signature de " + RECEIVER.url(hooks));
            assertFalse(browser.has(browser.driver(), "//button", "Copier le secret"), "no copy button without the script");
            assertTrue(browser.element("webhook-secret").getAttribute("value").startsWith("whsec_"), "the secret to select");
            browser.link("Je l'ai copié").click();
            browser.waitForHeading(RECEIVER.url(hooks));
            assertTrue(browser.driver().getPageSource().contains("Utilisateur supprimé"));
            assertEquals(List.of("portal_user.deleted"), Db.ofRunningPortal().strings(
                    "SELECT event_types FROM webhook_endpoint WHERE url = ?", RECEIVER.url(hooks)));

            browser.field("Actif : lui envoyer les événements").click();
            browser.button("Enregistrer les modifications").click();
            browser.waitUntil("saved", () -> browser.path().endsWith("?notice=saved"));
            assertTrue(browser.driver().findElement(By.cssSelector(".facts .badge")).getText().equals("Désactivé"));

            browser.link("Supprimer le point de terminaison").click();
            browser.waitForHeading("Supprimer " + RECEIVER.url(hooks) + "?");
            browser.button("Oui").click();
            browser.waitUntil("deleted", () -> browser.path().equals("/webhooks?notice=deleted"));
            assertEquals(List.of(), Db.ofRunningPortal().strings("SELECT id FROM webhook_endpoint WHERE url = ?",
                    RECEIVER.url(hooks)));
        }
    }

    @Test
    void atAPhonesWidthNothingScrollsSideways() {
        Onboarding.Member anne = frenchAccount();
        String hooks = path("phone");
        Api.Reply created = api.post("/api/v1/accounts/" + anne.accountId() + "/webhook-endpoints", anne.token(),
                "{\"url\":\"" + RECEIVER.url(hooks) + "?token=une-tres-longue-chaine-pour-voir-si-elle-deborde\","
                        + "\"eventTypes\":[\"*\"]}");
        assertEquals(201, created.status(), created.body());
        String endpoint = created.json().getJsonObject("endpoint").getString("id");
        assertEquals(202, api.post("/api/v1/accounts/" + anne.accountId() + "/webhook-endpoints/" + endpoint + "/test",
                anne.token(), "").status());
        try (Browser browser = signedIn(api, anne.username(), true, 375)) {
            for (String page : List.of("/webhooks", "/webhooks/" + endpoint)) {
                browser.open(page);
                browser.waitUntil(page + " shown", () -> !browser.heading().isEmpty());
                assertFalse(browser.scrollsSideways(), page + " at 375 px");
                assertAccessible(browser, page + " at 375 px");
            }
            browser.fullPageScreenshot("webhook-endpoint-fr-375");
        }
    }
}
