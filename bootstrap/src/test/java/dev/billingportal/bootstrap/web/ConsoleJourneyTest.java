package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.json.JsonObject;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
        // Ann deletes Bob, who then calls the billing team: he is found by his e-mail, deleted, and restored.
        Onboarding onboarding = new Onboarding(api, MAILBOX);
        Onboarding.Member admin = onboarding.activate(account.json().getString("id"),
                account.json().getJsonObject("firstUser").getString("id"), ann);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Onboarding.Member member = onboarding.addMember(admin, bob);
        assertEquals(204, api.send(api.request(admin.users() + "/" + member.userId(), admin.token()).DELETE())
                .status());

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

            browser.type(browser.field("Account number, account name, user's e-mail or username, or invoice number"),
                    bob);
            browser.button("Search").click();
            browser.waitUntil("Bob found", () -> browser.hasRow(number));
            assertTrue(browser.row(number).getText().contains("Deleted user " + bob), browser.row(number).getText());
            browser.link("Plomberie Côté " + tag).click();
            browser.waitForHeading("Plomberie Côté " + tag);
            assertEquals(number, browser.element("account-number").getText());
            assertTrue(browser.row(bob).getText().contains("Deleted"), browser.row(bob).getText());
            assertAccessible(browser, "the account page");
            browser.screenshot("console-account-en-" + mode);
            browser.button("Restore Zoë O'Brien").click();
            browser.waitUntil("the reason asked for", () -> !browser.driver()
                    .findElements(By.cssSelector(".field-error")).isEmpty());
            assertTrue(browser.row(bob).getText().contains("Deleted"), "nothing restored without a reason");
            assertAccessible(browser, "the restore refused without a reason");
            browser.type(browser.field("Reason for restoring Zoë O'Brien"), "Bob called from his desk line; "
                    + "his manager Ann confirmed.");
            browser.button("Restore Zoë O'Brien").click();
            browser.waitUntil("the notice", () -> !browser.driver().findElements(By.id("account-notice")).isEmpty());
            browser.waitUntil("Bob active", () -> browser.row(bob).getText().contains("Active"));
            assertEquals(200, api.post("/api/v1/auth/login", null, "{\"username\":\"" + bob
                    + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status(), "Bob signs in again");
            JsonObject restored = api.get("/api/v1/operator/audit-events?action=USER_RESTORED&accountId="
                    + admin.accountId(), TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").getJsonObject(0);
            assertEquals("Olivia Ouellet", restored.getJsonObject("actor").getString("label"));
            assertEquals("Bob called from his desk line; his manager Ann confirmed.", restored.getString("reason"));
            String customers = api.get("/api/v1/accounts/" + admin.accountId() + "/audit-events", admin.token())
                    .body();
            assertTrue(customers.contains("Acme Billing Support") && !customers.contains("Olivia"),
                    "the customer's audit names the support, never the operator: " + customers);

            browser.link("Audit").click();
            browser.waitForHeading("The provider's audit");
            new Select(browser.field("Action")).selectByVisibleText("User restored");
            browser.type(browser.field("Account id"), admin.accountId());
            browser.button("Filter").click();
            browser.waitUntil("the restore in the audit", () -> browser.hasRow("Olivia Ouellet"));
            assertTrue(browser.row("Olivia Ouellet").getText().contains("his manager Ann confirmed"),
                    browser.row("Olivia Ouellet").getText());
            assertAccessible(browser, "the provider's audit, filtered");
            browser.screenshot("console-audit-en-" + mode);
            browser.link("Failed notifications").click();
            browser.waitForHeading("Failed notifications");
            assertAccessible(browser, "the failed notifications");

            browser.link("Operators").click();
            browser.waitForHeading("Operators");
            String sam = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
            browser.type(browser.field("E-mail"), sam);
            String samName = javascript ? "Sam Roy" : "Sam Royer"; // one per run: both runs share the operators
            browser.type(browser.field("Name"), samName);
            new Select(browser.field("Role")).selectByVisibleText("Support");
            new Select(browser.field("Language of the console and the e-mails")).selectByVisibleText("Français");
            browser.button("Invite").click();
            browser.waitUntil("the invitation sent", () -> !browser.driver().findElements(By.id("operators-notice"))
                    .isEmpty());
            assertTrue(browser.row(sam).getText().contains("Invited"), browser.row(sam).getText());
            Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(sam).isEmpty(), "Sam's invitation");
            browser.button("Change the role of " + samName).click();
            new Select(browser.field("New role for " + samName)).selectByVisibleText("Billing");
            browser.type(browser.field("Reason for changing the role of " + samName), "Joins the billing team");
            browser.button("Save the new role of " + samName).click();
            try {
                browser.waitUntil("the role changed", () -> browser.row(sam).getText().contains("Billing"));
            } catch (org.openqa.selenium.TimeoutException late) {
                throw new AssertionError("the role did not change: " + browser.path() + " shows "
                        + browser.driver().findElement(By.tagName("main")).getText(), late);
            }
            assertAccessible(browser, "the operators");
            browser.screenshot("console-operators-en-" + mode);

            browser.link("API keys").click();
            browser.waitForHeading("API keys");
            String keyName = "Ledger sync " + mode;
            browser.type(browser.field("Name"), keyName);
            new Select(browser.field("Role")).selectByVisibleText("Billing");
            browser.button("Create the key").click();
            browser.waitForHeading("The key of " + keyName);
            String key = browser.field("The key").getAttribute("value");
            assertTrue(key.startsWith("bpk_"), key);
            assertEquals(javascript, browser.driver().findElement(By.cssSelector("button[data-copy]")).isDisplayed(),
                    "the copy button where the script runs");
            assertAccessible(browser, "the new key, shown once");
            browser.screenshot("console-api-key-shown-en-" + mode);
            assertEquals(200, api.get("/api/v1/operator/accounts/" + admin.accountId() + "/users", key).status(),
                    "the API accepts the new key");
            browser.link("I have copied it").click();
            browser.waitForHeading("API keys");
            assertTrue(!browser.driver().getPageSource().contains(key), "never shown again");
            browser.button("Revoke " + keyName).click();
            browser.waitUntil("the key revoked", () -> browser.row(keyName).getText().contains("Revoked"));
            assertEquals(401, api.get("/api/v1/operator/accounts/" + admin.accountId() + "/users", key).status(),
                    "and refuses it once revoked");
            assertAccessible(browser, "the API keys");

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

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aBillingOperatorPostsAnInvoiceWithLinesAndTaxesTheServerAddsUp(boolean javascript) {
        String mode = javascript ? "js" : "nojs";
        String email = "bea-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        String link = invite(email, "Bea Billing", "billing");
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply account = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Imprimerie Roy\",\"firstUser\":" + Onboarding.newUser(ann, true) + "}");
        assertEquals(201, account.status(), account.body());
        String accountId = account.json().getString("id");
        String number = "INV-" + UUID.randomUUID().toString().substring(0, 8);

        try (Browser browser = Browser.start(api.base(), javascript, "en-CA,en", 1280, 900)) {
            enrol(browser, link);
            browser.open("/console/accounts/" + accountId);
            browser.waitForHeading("Imprimerie Roy");
            browser.link("Post a transaction").click();
            browser.waitForHeading("Post a transaction to Imprimerie Roy");
            browser.type(browser.field("Invoice number"), number);
            // A date input's typing follows the browser's locale; its value is always ISO.
            browser.script("arguments[0].value = arguments[1];", browser.field("Issue date"), "2026-11-01");
            browser.script("arguments[0].value = arguments[1];", browser.field("Due date"), "2026-11-30");
            browser.type(browser.field("Line 1: description"), "Hosted PBX seat");
            browser.type(browser.field("Line 1: quantity"), "10");
            browser.type(browser.field("Line 1: unit price"), "10.00");
            browser.type(browser.field("Line 2: description"), "Long distance minutes");
            browser.type(browser.field("Line 2: quantity"), "37.5");
            browser.type(browser.field("Line 2: unit price"), "0.05");
            browser.type(browser.field("Tax 1: name"), "GST");
            browser.type(browser.field("Tax 1: rate (%)"), "5");
            browser.type(browser.field("Tax 2: name"), "QST");
            browser.type(browser.field("Tax 2: rate (%)"), "9.975");
            if (!javascript) {
                browser.button("Update the totals").click();
            }
            browser.waitUntil("the total computed by the server", () -> "$117.13".equals(
                    browser.element("figure-total").getText()));
            assertEquals("$101.88", browser.element("figure-subtotal").getText());
            assertAccessible(browser, "the invoice form with its figures");
            browser.fullPageScreenshot("console-transaction-en-" + mode);
            browser.type(browser.field("Reason for posting it by hand"), "October's usage, billed late");
            browser.button("Post the Invoice").click();
            browser.waitUntil("posted", () -> !browser.driver().findElements(By.id("account-notice")).isEmpty());
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("$117.13 owing"));
        }
        JsonObject invoice = api.get("/api/v1/operator/accounts/" + accountId + "/invoices", TestPortal.OPERATOR_TOKEN)
                .json().getJsonArray("items").getJsonObject(0);
        assertEquals(number, invoice.getString("invoiceNumber"));
        assertEquals("117.13", invoice.getString("total"));
    }

    /** Follows an invitation link through the password and the authenticator to the console. */
    private static void enrol(Browser browser, String link) {
        browser.open(link);
        browser.waitForHeading("Welcome to the Billing Console");
        browser.type(browser.field("Password"), Onboarding.PASSWORD);
        browser.type(browser.field("Confirm password"), Onboarding.PASSWORD);
        browser.button("Set password and continue").click();
        browser.waitForHeading("Set up your authenticator app");
        TotpSecret secret = TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", ""));
        browser.type(browser.field("Code from the app"), code(secret));
        browser.button("Confirm").click();
        browser.waitForHeading("Save your recovery codes");
        browser.link("I have saved them").click();
        browser.waitForHeading("Find an account");
    }

    @Test
    void inFrenchOnAPhoneEveryPageFitsAndSaysItInFrench() {
        String email = "sami-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        Api.Reply invited = api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN, "{\"email\":\"" + email
                + "\",\"name\":\"Sami Tremblay\",\"role\":\"support\",\"language\":\"fr-CA\"}");
        assertEquals(201, invited.status(), invited.body());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(email).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(email).get(0)));
        assertTrue(link.find());
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply account = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Boulangerie Gagné\",\"firstUser\":" + Onboarding.newUser(ann, true) + "}");
        assertEquals(201, account.status(), account.body());

        try (Browser browser = Browser.start(api.base(), true, "fr-CA,fr", 375, 800)) {
            browser.open(link.group(1));
            browser.waitForHeading("Bienvenue dans la console de facturation");
            assertEquals("fr-CA", browser.script("return document.documentElement.lang;"));
            assertFits(browser, "l'invitation");
            browser.type(browser.field("Mot de passe"), Onboarding.PASSWORD);
            browser.type(browser.field("Confirmer le mot de passe"), Onboarding.PASSWORD);
            browser.button("Enregistrer le mot de passe et continuer").click();
            browser.waitForHeading("Configurer votre application d'authentification");
            assertFits(browser, "l'inscription de l'authentificateur");
            browser.screenshot("console-enrolment-fr-375");
            TotpSecret secret = TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", ""));
            browser.type(browser.field("Code de l'application"), code(secret));
            browser.button("Confirmer").click();
            browser.waitForHeading("Conservez vos codes de récupération");
            assertFits(browser, "les codes de récupération");
            browser.link("Je les ai conservés").click();
            browser.waitForHeading("Trouver un compte");
            assertFits(browser, "la recherche");
            browser.type(browser.field("Numéro de compte, nom du compte, courriel ou nom d'utilisateur, ou numéro "
                    + "de facture"), ann);
            browser.button("Rechercher").click();
            browser.waitUntil("le compte trouvé", () -> browser.hasRow(account.json().getString("accountNumber")));
            assertFits(browser, "les résultats");
            browser.screenshot("console-search-fr-375");
            browser.link("Boulangerie Gagné").click();
            browser.waitForHeading("Boulangerie Gagné");
            assertFits(browser, "le compte");
            browser.fullPageScreenshot("console-account-fr-375");
            browser.open("/console/profile");
            browser.waitForHeading("Votre profil");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("Soutien"));
            assertFits(browser, "le profil");
            browser.fullPageScreenshot("console-profile-fr-375");
        }
    }

    private void assertFits(Browser browser, String page) {
        assertFalse(browser.scrollsSideways(), page + " à 375 px");
        assertAccessible(browser, page);
    }

    private static String code(TotpSecret secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }
}
