package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The provider's console in a real browser (spec §11, §12): an administrator invited with the installation key follows
 * the e-mail's link, chooses a password, enrols an authenticator from the code the page shows (the test computes the
 * codes from the key shown as text), sees ten recovery codes once, finds an account by what a caller knows, signs out,
 * and signs in again in two steps — with JavaScript and without, every page checked by axe-core and photographed.
 */
@HelidonTest
class ConsoleJourneyTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final Pattern LINK = Pattern.compile("http://portal\\.test(/console/invitation\\?token=[A-Za-z0-9_-]+)");

    private Api api;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of("portal.support.name", "Acme Billing Support"));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
    }

    private void assertAccessible(Browser browser, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "WCAG 2.2 A/AA on " + state);
    }

    /** The invitation link an administrator invited with the installation key receives. */
    private String invite(String email, String name, String role) {
        Api.Reply invited = api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN,
                "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, invited.status(), invited.body());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(email).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(email).get(0)));
        assertTrue(link.find(), Mailbox.text(MAILBOX.to(email).get(0)));
        return link.group(1);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void anInvitedAdministratorEnrolsFindsAnAccountSignsOutAndSignsInWithARecoveryCode(boolean javascript) {
        String mode = javascript ? "js" : "nojs";
        String email = "olivia-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        String link = invite(email, "Olivia Ouellet", "admin");
        String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply account = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Plomberie Côté " + tag + "\",\"firstUser\":" + Onboarding.newUser(ann, true) + "}");
        assertEquals(201, account.status(), account.body());
        String number = account.json().getString("accountNumber");

        try (Browser browser = Browser.start(api.base(), javascript, "en-CA,en", 1280, 900)) {
            browser.open(link);
            browser.waitForHeading("Welcome to the Billing Console");
            assertAccessible(browser, "the console's invitation");
            browser.screenshot("console-invitation-en-" + mode);
            browser.type(browser.field("Password"), Onboarding.PASSWORD);
            browser.type(browser.field("Confirm password"), Onboarding.PASSWORD);
            browser.button("Set password and continue").click();

            browser.waitForHeading("Set up your authenticator app");
            browser.waitForPath("/console/enrolment");
            assertAccessible(browser, "the enrolment");
            browser.screenshot("console-enrolment-en-" + mode);
            assertTrue(browser.driver().findElements(By.cssSelector(".qr-code svg[role='img'] title")).size() == 1,
                    "a QR code drawn by the server, named for assistive technology");
            TotpSecret secret = TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", ""));
            browser.type(browser.field("Code from the app"), "000000".equals(code(secret)) ? "111111" : "000000");
            browser.button("Confirm").click();
            browser.waitUntil("the wrong code refused", () -> browser.driver().findElements(By.id("enrol-error"))
                    .size() == 1);
            assertEquals(secret, TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", "")),
                    "the same key again after a wrong code: nothing to scan twice");
            browser.type(browser.field("Code from the app"), code(secret));
            browser.button("Confirm").click();

            browser.waitForHeading("Save your recovery codes");
            List<String> codes = browser.driver().findElements(By.cssSelector("#recovery-codes code")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(10, codes.size());
            assertAccessible(browser, "the recovery codes");
            browser.screenshot("console-recovery-codes-en-" + mode);
            browser.link("I have saved them").click();

            browser.waitForHeading("Find an account");
            assertTrue(browser.button("Olivia Ouellet").isDisplayed(), "the operator's name in the top right corner");
            assertEquals("Billing Console", browser.link("Billing Console").getText());
            assertAccessible(browser, "the console's home");
            for (String[] search : new String[][] {{number.toLowerCase(Locale.ROOT), "Account number"},
                    {ann.toUpperCase(Locale.ROOT), "User " + ann}, {"cote " + tag.substring(0, 5), "Name"}}) {
                browser.type(browser.field("Account number, account name, user's e-mail or username, or invoice number"),
                        search[0]);
                browser.button("Search").click();
                browser.waitUntil("the result of " + search[0], () -> browser.hasRow(number));
                WebElement row = browser.row(number);
                assertTrue(row.getText().contains("Plomberie Côté " + tag), row.getText());
                assertTrue(row.getText().contains(search[1]), search[0] + " found by " + row.getText());
            }
            assertAccessible(browser, "the search's results");
            browser.screenshot("console-search-en-" + mode);

            browser.open("/");
            browser.waitForPath("/sign-in?next=%2F");
            browser.open("/console/profile");
            browser.waitForHeading("Your profile");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("Administrator"));
            browser.button("Olivia Ouellet").click();
            browser.button("Sign out").click();
            browser.waitForHeading("Sign in to the Billing Console");

            browser.type(browser.field("E-mail"), email.toUpperCase(Locale.ROOT));
            browser.type(browser.field("Password"), Onboarding.PASSWORD);
            browser.button("Continue").click();
            browser.waitForHeading("Confirm it is you");
            assertAccessible(browser, "the second step");
            browser.screenshot("console-second-step-en-" + mode);
            browser.type(browser.field("Code"), "not a code");
            browser.button("Sign in").click();
            browser.waitUntil("the generic failure", () -> browser.driver().findElements(By.id("code-error"))
                    .size() == 1);
            assertEquals("The sign-in failed: the e-mail, password or code is incorrect.",
                    browser.element("code-error").getText());
            browser.type(browser.field("Code"), codes.get(4));
            browser.button("Sign in").click();
            browser.waitForHeading("Find an account");
            browser.waitForPath("/console");
        }
    }

    private static String code(TotpSecret secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }
}
