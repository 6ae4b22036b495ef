package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.ConsoleInvitation;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in the console (spec §11, §12), on Chromium's virtual authenticator: a support operator adds one from the
 * profile, signs in with it as the second step, restores a deleted user found by their e-mail, steps up with it before
 * making new recovery codes, and removes it. WebAuthn needs a secure context and a relying party that is a host name,
 * so this portal is addressed as {@code http://localhost:<port>} and knows itself by that address.
 */
@HelidonTest
@AddBean(TestClock.class)
class ConsolePasskeyJourneyTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT);
    private static final ScriptedInbox MAILBOX = new ScriptedInbox(() -> SMTP);
    private static final int PORT = PortalProcess.freePort();
    private static final URI SITE = URI.create("http://localhost:" + PORT);
    private static final Pattern LINK = Pattern.compile("http://localhost:" + PORT
            + "(/console/invitation\\?token=[A-Za-z0-9_-]+)");

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.onPort(PORT, SMTP_PORT, Map.of("portal.base-url", SITE.toString(),
                "portal.support.name", "Acme Billing Support"));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    /** Signs Sam out from the menu and in again as far as the second step. */
    private static void signOutAndGiveThePassword(Browser browser, String sam) {
        browser.button("Sam Support").click();
        browser.button("Sign out").click();
        browser.waitForHeading("Sign in to the Billing Console");
        browser.type(browser.field("E-mail"), sam);
        browser.type(browser.field("Password"), Onboarding.PASSWORD);
        browser.button("Continue").click();
        browser.waitForHeading("Confirm it is you");
    }

    private static void assertAccessible(Browser browser, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "WCAG 2.2 A/AA on " + state);
    }

    @Test
    void aSupportOperatorAddsAPasskeySignsInWithItRestoresAUserAndStepsUpWithIt() {
        Api api = Api.ofRunningServer();
        String sam = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        Api.Reply invited = api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN,
                "{\"email\":\"" + sam + "\",\"name\":\"Sam Support\",\"role\":\"support\"}");
        assertEquals(201, invited.status(), invited.body());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(sam).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(sam).get(0)));
        assertTrue(link.find(), Mailbox.text(MAILBOX.to(sam).get(0)));
        MailedLinks.awaitLive(api, link.group(1));
        // Ann deletes Bob; Bob calls, and the support operator finds him by his e-mail.
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Onboarding.Member admin = new Onboarding(api, MAILBOX).newAccountWithADeletedUser("Quincaillerie Ouimet", ann, bob);

        try (Browser browser = Browser.start(SITE)) {
            VirtualAuthenticator authenticator = browser.driver().addVirtualAuthenticator(
                    new VirtualAuthenticatorOptions()
                            .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                            .setHasResidentKey(true)
                            .setHasUserVerification(true)
                            .setIsUserVerified(true));
            ConsoleInvitation.accept(browser, link.group(1), TestClock.CLOCK);

            browser.button("Sam Support").click();
            browser.link("Your profile").click();
            browser.waitForHeading("Your profile");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("no passkey yet"));
            browser.link("Add a passkey").click();
            browser.waitForHeading("Add a passkey");
            assertFalse(browser.element("passkey-name").getAttribute("value").length() > 0);
            assertAccessible(browser, "adding a passkey");
            browser.screenshot("console-passkey-new-en");
            browser.type(browser.field("Name of the passkey"), "Work laptop");
            browser.button("Create the passkey").click();
            browser.waitUntil("the passkey added", () -> !browser.driver().findElements(By.id("profile-notice"))
                    .isEmpty());
            assertEquals("The passkey is added: use it at your next sign-in.",
                    browser.element("profile-notice").getText());
            assertEquals(1, authenticator.getCredentials().size(), "made on the authenticator");
            assertTrue(browser.driver().findElement(By.cssSelector(".passkeys")).getText().contains("Work laptop"));
            assertAccessible(browser, "the profile with a passkey");
            browser.screenshot("console-profile-passkey-en");

            signOutAndGiveThePassword(browser, sam);
            assertTrue(browser.button("Use a passkey").isDisplayed(), "offered where the script and WebAuthn run");
            assertAccessible(browser, "the second step with a passkey");
            browser.screenshot("console-second-step-passkey-en");
            browser.button("Use a passkey").click();
            browser.waitForHeading("Find an account");
            browser.waitForPath("/console");
            // The test's clock stands still, so the enrolment's sign-in and this one share a time: look for this one.
            List<String> factors = api.get("/api/v1/operator/audit-events?action=OPERATOR_SIGNED_IN",
                    TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(event -> event.getJsonObject("actor").getString("label").equals("Sam Support"))
                    .map(event -> event.getString("factor")).sorted().toList();
            assertEquals(List.of("passkey", "totp"), factors, "each sign-in's factor is recorded");

            browser.type(browser.field("Account number, account name, user's e-mail or username, or invoice number"),
                    bob);
            browser.button("Search").click();
            browser.waitUntil("Bob found", () -> browser.hasRow("Quincaillerie Ouimet"));
            browser.link("Quincaillerie Ouimet").click();
            browser.waitForHeading("Quincaillerie Ouimet");
            TestClock.CLOCK.advance(Duration.ofSeconds(1)); // the test's clock stands still unless moved: after the rest
            browser.type(browser.field("Reason for restoring Zoë O'Brien"), "Deleted by mistake, says Ann.");
            browser.button("Restore Zoë O'Brien").click();
            browser.waitUntil("Bob active", () -> browser.row(bob).getText().contains("Active"));
            assertEquals(200, api.post("/api/v1/auth/login", null, "{\"username\":\"" + bob
                    + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status(), "Bob signs in again");
            JsonObject restored = api.get("/api/v1/operator/audit-events?action=USER_RESTORED&accountId="
                    + admin.accountId(), TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").getJsonObject(0);
            assertEquals("Sam Support", restored.getJsonObject("actor").getString("label"));
            assertEquals("Deleted by mistake, says Ann.", restored.getString("reason"));

            // Ann's mail server refuses an invoice's notification for good; the home page counts it, and once her
            // server takes mail again, the support operator retries it from the list of failures: it is sent.
            SMTP.replyToRecipient(ann, "550 5.1.1 Mailbox unavailable");
            String invoice = "INV-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(201, new Billing(api).post(admin.accountId(), Billing.invoice(invoice)).status());
            browser.waitUntil("the failure counted on the home page", () -> {
                browser.open("/console");
                return browser.element("failed-count").getText().equals("1 failed notification to look at");
            });
            assertAccessible(browser, "the console's home with a failure and recent actions");
            assertTrue(browser.element("recent-heading").findElement(By.xpath("..")).getText()
                    .contains("Deleted by mistake, says Ann."), "the operator's own latest actions");
            browser.screenshot("console-home-en");
            browser.link("1 failed notification to look at").click();
            browser.waitForHeading("Failed notifications");
            assertTrue(browser.row(ann).getText().contains("550 5.1.1 Mailbox unavailable"));
            SMTP.replyToRecipient(ann, "250 2.1.5 OK");
            int before = MAILBOX.to(ann).size();
            browser.field("Select the one to " + ann).click();
            browser.button("Retry the selected ones").click();
            browser.waitUntil("the retry said", () -> browser.driver().findElements(By.id("notifications-notice"))
                    .size() == 1);
            assertEquals("1 queued again; 0 no longer failed or gone.",
                    browser.element("notifications-notice").getText());
            Await.until(Duration.ofSeconds(20), () -> MAILBOX.to(ann).size() == before + 1, "the retried mail");
            assertTrue(Mailbox.text(MAILBOX.to(ann).get(before)).contains(invoice), "the invoice's notification");
            browser.waitUntil("no failure left", () -> {
                browser.open("/console");
                return browser.element("failed-count").getText().equals("No failed notification.");
            });

            TestClock.CLOCK.advance(Duration.ofMinutes(6)); // the sign-in's second factor is no longer fresh
            browser.button("Sam Support").click();
            browser.link("Your profile").click();
            browser.waitForHeading("Your profile");
            browser.button("Make new recovery codes").click();
            browser.waitForHeading("Confirm it is you again");
            assertAccessible(browser, "the step-up with a passkey");
            browser.button("Use a passkey").click();
            browser.waitForHeading("Your profile"); // back to the form's page, the second factor fresh again
            browser.button("Make new recovery codes").click();
            browser.waitForHeading("Save your recovery codes");
            assertEquals(10, browser.driver().findElements(By.cssSelector("#recovery-codes code")).size());
            browser.link("I have saved them").click();
            browser.waitForHeading("Your profile");

            browser.button("Remove the passkey Work laptop").click();
            browser.waitUntil("the passkey removed", () -> !browser.driver().findElements(By.id("profile-notice"))
                    .isEmpty());
            assertEquals("The passkey is removed.", browser.element("profile-notice").getText());
            assertTrue(browser.driver().findElements(By.cssSelector(".passkeys")).isEmpty());
            signOutAndGiveThePassword(browser, sam);
            assertTrue(browser.driver().findElements(By.cssSelector("form[data-passkey]")).isEmpty(),
                    "a removed passkey is offered no more");
        }
    }
}
