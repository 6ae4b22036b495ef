package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.BillRuns;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.ConsoleInvitation;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.time.Clock;
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
import org.openqa.selenium.Keys;
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
        return TestPortal.config(MAILBOX.port(), Map.of("portal.support.name", "Acme Billing Support",
                "portal.webhooks.insecure-hosts", "127.0.0.1", "portal.webhooks.allowed-networks", "127.0.0.1/32"));
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
        MailedLinks.awaitLive(api, link.group(1));
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
        // Ann deletes Bob, who then calls the billing team: he is found by his e-mail, deleted, and restored.
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Onboarding.Member admin = new Onboarding(api, MAILBOX).newAccountWithADeletedUser("Plomberie Côté " + tag,
                ann, bob);
        String number = api.get("/api/v1/operator/accounts/" + admin.accountId(), TestPortal.OPERATOR_TOKEN).json()
                .getString("accountNumber");

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

            // The provider's own webhook endpoints: an administrator's, its secret shown once.
            browser.link("Webhooks").click();
            browser.waitForHeading("Webhooks");
            String provider = "http://127.0.0.1:9/provider-" + mode;
            browser.type(browser.field("Endpoint URL"), provider);
            browser.button("Add the endpoint").click();
            browser.waitForHeading("The signing secret of " + provider);
            assertTrue(browser.element("webhook-secret").getAttribute("value").startsWith("whsec_"));
            assertAccessible(browser, "a provider endpoint's secret, shown once");
            browser.link("I have copied it").click();
            browser.waitForHeading(provider);
            assertAccessible(browser, "a provider endpoint");
            browser.screenshot("console-webhook-en-" + mode);
            // An account's endpoints, as the billing team sees them: read, and no form to add one.
            browser.open("/console/accounts/" + admin.accountId() + "/webhooks");
            browser.waitForHeading("Webhooks");
            assertFalse(browser.has(browser.driver(), "//button", "Add the endpoint"), "the account's users add them");
            assertAccessible(browser, "an account's endpoints in the console");

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
        String number = "INV-" + UUID.randomUUID().toString().substring(0, 8);

        try (Browser browser = Browser.start(api.base(), javascript, "en-CA,en", 1280, 900)) {
            ConsoleInvitation.accept(browser, link, Clock.systemUTC());
            browser.link("Open an account").click();
            browser.waitForHeading("Open an account");
            browser.type(browser.field("E-mail address (the username)"), ann);
            browser.button("Open the account and invite the user").click();
            browser.waitUntil("the refused fields", () -> browser.driver().findElements(By.id("new-account-error"))
                    .size() == 1);
            assertEquals("Enter a name of 1 to 100 characters, on one line.", browser.element("name-error").getText());
            assertEquals("Enter a first name of 1 to 100 characters, on one line.",
                    browser.element("firstName-error").getText());
            assertEquals(ann, browser.field("E-mail address (the username)").getAttribute("value"), "kept as typed");
            assertAccessible(browser, "a new account refused");
            browser.fullPageScreenshot("console-new-account-refused-en-" + mode);
            browser.type(browser.field("Account name"), "Imprimerie Roy");
            browser.type(browser.field("First Name"), "Ann");
            browser.type(browser.field("Last Name"), "Roy");
            assertTrue(browser.field("Send this user the billing notifications").isSelected(),
                    "on for an account's first user unless unticked, and kept through a refusal");
            browser.button("Open the account and invite the user").click();
            browser.waitForHeading("Imprimerie Roy");
            assertEquals("The account is open; its first user is invited.", browser.element("account-notice")
                    .getText());
            String accountId = browser.path().replaceFirst("^/console/accounts/([0-9a-f-]{36}).*$", "$1");
            Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(ann).isEmpty(), "Ann's invitation");
            JsonObject first = api.get("/api/v1/operator/accounts/" + accountId + "/users", TestPortal.OPERATOR_TOKEN)
                    .json().getJsonArray("items").getJsonObject(0);
            assertEquals(ann, first.getString("username"));
            assertTrue(first.getBoolean("billingNotifications"), "as the form said: " + first);
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
            assertTrue(browser.element("invoices").getText().contains(number), "among the latest invoices");
            assertTrue(browser.element("transactions").getText().contains("$117.13"), "and the latest transactions");
            assertTrue(browser.element("audit").getText().contains("October's usage, billed late"),
                    "the account's audit keeps the reason: " + browser.element("audit").getText());
            assertAccessible(browser, "the account page with its billing");
            browser.fullPageScreenshot("console-account-billing-en-" + mode);

            // The history and invoices are the customers' own pages, for any account, under the account's path.
            browser.link("All transactions, with filters and CSV").click();
            browser.waitForHeading("Transaction history");
            browser.type(browser.field("Contains"), number.substring(4));
            browser.button("Apply filters").click();
            browser.waitUntil("the filtered history", () -> browser.path().contains("text="));
            assertTrue(browser.row(number).getText().contains("$117.13"), browser.row(number).getText());
            String csv = browser.link("Download CSV").getAttribute("href");
            assertTrue(csv.contains("/console/accounts/" + accountId + "/transactions.csv?text="), csv);
            String rows = (String) browser.script("return fetch(arguments[0]).then(r => r.text());", csv);
            assertTrue(rows.contains(number) && rows.contains("117.13"), rows);
            assertAccessible(browser, "an account's history in the console");
            browser.link("Imprimerie Roy").click();
            browser.waitForHeading("Imprimerie Roy");
            browser.link("All invoices").click();
            browser.waitForHeading("Invoices");
            browser.link(number).click();
            browser.waitForHeading("Invoice " + number);
            assertAccessible(browser, "an invoice in the console");
            String pdf = browser.link("Download PDF").getAttribute("href");
            assertTrue(pdf.endsWith("/console/accounts/" + accountId + "/invoices/" + invoiceIdIn(pdf) + "/pdf"), pdf);
            assertEquals("%PDF-", browser.script("return fetch(arguments[0]).then(r => r.text())"
                    + ".then(text => text.substring(0, 5));", pdf));
            browser.link("Imprimerie Roy").click();
            browser.waitForHeading("Imprimerie Roy");
            browser.link("The account's whole audit").click();
            browser.waitForHeading("Audit of Imprimerie Roy");
            String posted = browser.row("Bea Billing").getText();
            assertTrue(posted.contains("Transaction posted") && posted.contains("October's usage, billed late"),
                    posted);
            assertAccessible(browser, "an account's audit");
            JsonObject invoice = api.get("/api/v1/operator/accounts/" + accountId + "/invoices",
                    TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").getJsonObject(0);
            assertEquals(number, invoice.getString("invoiceNumber"));
            assertEquals("117.13", invoice.getString("total"));
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aBillingOperatorUploadsABillRunReadsItsBadLinesThenWatchesTheFixedFilePost(boolean javascript)
            throws java.io.IOException {
        String mode = javascript ? "js" : "nojs";
        String email = "bill-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        String link = invite(email, "Bill Runner", "billing");
        List<BillRuns.Account> accounts = new BillRuns(api, null).accounts(40);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder good = new StringBuilder();
        for (int line = 0; line < 50; line++) {
            for (BillRuns.Account account : accounts) {
                good.append(BillRuns.payment(account, tag + "-" + line, "1.00")).append('\n');
            }
        }
        String bad = good.toString().replaceFirst("\"amount\":\"1\\.00\"", "\"amount\":\"-1.00\"");
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("bill-runs");
        java.nio.file.Path badFile = java.nio.file.Files.writeString(files.resolve("november-draft.ndjson"), bad);
        java.nio.file.Path goodFile = java.nio.file.Files.writeString(files.resolve("november.ndjson"), good);

        try (Browser browser = Browser.start(api.base(), javascript, "en-CA,en", 1280, 900)) {
            ConsoleInvitation.accept(browser, link, Clock.systemUTC());
            browser.link("Bill runs").click();
            browser.waitForHeading("Bill runs");
            assertAccessible(browser, "the bill runs page");
            browser.screenshot("console-bill-runs-en-" + mode);

            browser.field("The file").sendKeys(badFile.toAbsolutePath().toString());
            browser.button("Check and post").click();
            browser.waitUntil("the rejected run", () -> browser.path().matches("/console/bill-runs/[0-9a-f-]{36}")
                    && browser.driver().findElements(By.id("run-status")).size() == 1);
            assertEquals("Rejected: nothing posted", browser.element("run-status").getText());
            WebElement badLine = browser.row("amount");
            assertTrue(badLine.getText().startsWith("1 amount"), badLine.getText());
            assertTrue(browser.link("Download the bad lines (CSV)").getAttribute("href").endsWith("/errors.csv"));
            assertAccessible(browser, "a rejected bill run's report");
            browser.fullPageScreenshot("console-bill-run-rejected-en-" + mode);

            browser.link("All bill runs").click();
            browser.waitForHeading("Bill runs");
            browser.field("The file").sendKeys(goodFile.toAbsolutePath().toString());
            browser.button("Check and post").click();
            browser.waitUntil("the run's page", () -> browser.path().matches("/console/bill-runs/[0-9a-f-]{36}")
                    && browser.driver().findElements(By.id("run-status")).size() == 1);
            assertEquals("Posting", browser.element("run-status").getText(), "2 000 lines take a while");
            assertAccessible(browser, "a bill run posting");
            browser.screenshot("console-bill-run-posting-en-" + mode);
            if (javascript) {
                browser.script("window.stillThisPage = true;");
                Await.until(Duration.ofSeconds(90), () -> shows(browser, "run-status", "Done"),
                        "done, swapped in by htmx");
                assertEquals(Boolean.TRUE, browser.script("return window.stillThisPage === true;"),
                        "the progress came in place: the page was not reloaded");
            } else {
                assertTrue(browser.driver().findElement(By.tagName("main")).getText()
                        .contains("reload it to see the progress"), "without JavaScript the page says to reload");
                String run = browser.path();
                Await.until(Duration.ofSeconds(90), () -> {
                    browser.open(run);
                    return shows(browser, "run-status", "Done");
                }, "done after a reload");
            }
            assertEquals("2000", browser.element("run-posted").getText());
            assertEquals("2000", browser.element("run-bar").getAttribute("value"));
            assertAccessible(browser, "a bill run done");
            browser.fullPageScreenshot("console-bill-run-done-en-" + mode);
        }
    }

    /** Whether the element shows the text now; an element being swapped or not yet there does not. */
    private static boolean shows(Browser browser, String id, String text) {
        try {
            return text.equals(browser.element(id).getText());
        } catch (org.openqa.selenium.WebDriverException swappedOrAbsent) {
            return false;
        }
    }

    @Test
    void aSupportOperatorEnrolsFindsAndRestoresAUserWithTheKeyboardAlone() {
        String email = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        String link = invite(email, "Kim Keys", "support");
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Onboarding.Member admin = new Onboarding(api, MAILBOX).newAccountWithADeletedUser("Toiture Keys", ann, bob);

        try (Browser browser = Browser.start(api.base())) {
            browser.open(link);
            browser.waitForHeading("Welcome to the Billing Console");
            browser.tabTo("Skip to main content", 1);
            browser.tabTo("Password", 10).sendKeys(Onboarding.PASSWORD, Keys.TAB, Onboarding.PASSWORD, Keys.ENTER);
            browser.waitForHeading("Set up your authenticator app");
            TotpSecret secret = TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", ""));
            WebElement code = browser.tabTo("Code from the app", 20);
            assertTrue(browser.focusIsVisible(), "the focus can be seen");
            code.sendKeys(code(secret), Keys.ENTER);
            browser.waitForHeading("Save your recovery codes");
            browser.tabTo("I have saved them", 30).sendKeys(Keys.ENTER);
            browser.waitForHeading("Find an account");

            browser.tabTo("Account number, account name, user's e-mail or username, or invoice number", 15)
                    .sendKeys(bob, Keys.ENTER);
            browser.waitUntil("Bob found", () -> browser.hasRow("Toiture Keys"));
            WebElement found = browser.tabTo("Toiture Keys", 20);
            assertTrue(browser.focusIsVisible(), "the focus can be seen on a link");
            found.sendKeys(Keys.ENTER);
            browser.waitForHeading("Toiture Keys");
            browser.tabTo("Reason for restoring Zoë O'Brien", 40).sendKeys("Asked by phone; Ann agreed.", Keys.TAB);
            assertEquals("Restore Zoë O'Brien", browser.focused().getAccessibleName(), "the button after its reason");
            browser.focused().sendKeys(Keys.ENTER);
            browser.waitUntil("Bob active", () -> browser.row(bob).getText().contains("Active"));
            assertEquals(200, api.post("/api/v1/auth/login", null, "{\"username\":\"" + bob
                    + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status(), "Bob signs in again");

            browser.tabTo("Kim Keys", 60).sendKeys(Keys.ENTER); // on, past the page's end, to the header
            browser.tabTo("Sign out", 5).sendKeys(Keys.ENTER);
            browser.waitForHeading("Sign in to the Billing Console");
        }
    }

    /** The invoice id in a console invoice's PDF link: {@code …/invoices/{id}/pdf}. */
    private static String invoiceIdIn(String pdfLink) {
        String[] parts = pdfLink.split("/");
        return parts[parts.length - 2];
    }

    @Test
    void inFrenchOnAPhoneEveryPageFitsAndSaysItInFrench() throws java.io.IOException {
        String email = "sami-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        Api.Reply invited = api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN, "{\"email\":\"" + email
                + "\",\"name\":\"Sami Tremblay\",\"role\":\"billing\",\"language\":\"fr-CA\"}");
        assertEquals(201, invited.status(), invited.body());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(email).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(email).get(0)));
        assertTrue(link.find());
        MailedLinks.awaitLive(api, link.group(1));
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply account = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Boulangerie Gagné\",\"firstUser\":" + Onboarding.newUser(ann, true) + "}");
        assertEquals(201, account.status(), account.body());
        String invoice = "FAC-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, new Billing(api).post(account.json().getString("id"), Billing.invoice(invoice)).status());
        BillRuns.Account billed = new BillRuns(api, null).accounts(1).get(0);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path badFile = java.nio.file.Files.createTempDirectory("bill-runs").resolve("novembre.ndjson");
        java.nio.file.Files.writeString(badFile, BillRuns.payment(billed, tag + "-1", "1.00") + "\n"
                + BillRuns.payment(billed, tag + "-2", "-1.00") + "\n" + BillRuns.payment(billed, tag + "-3", "1.00")
                + "\n");

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
            browser.link("Toutes les transactions, avec filtres et CSV").click();
            browser.waitForHeading("Historique des transactions");
            assertFits(browser, "l'historique d'un compte");
            browser.link("Boulangerie Gagné").click();
            browser.waitForHeading("Boulangerie Gagné");
            browser.link("Toutes les factures").click();
            browser.waitForHeading("Factures");
            assertFits(browser, "les factures d'un compte");
            browser.link(invoice).click();
            browser.waitForHeading("Facture " + invoice);
            assertFits(browser, "une facture");
            browser.fullPageScreenshot("console-invoice-fr-375");
            browser.link("Boulangerie Gagné").click();
            browser.waitForHeading("Boulangerie Gagné");
            browser.link("Tout le journal d'audit du compte").click();
            browser.waitForHeading("Journal d'audit de Boulangerie Gagné");
            assertFits(browser, "le journal d'audit d'un compte");
            browser.open("/console/notifications");
            browser.waitForHeading("Notifications en échec");
            assertFits(browser, "les notifications en échec");
            browser.open("/console/audit");
            browser.waitForHeading("Le journal d'audit du fournisseur");
            assertFits(browser, "le journal d'audit du fournisseur");
            browser.fullPageScreenshot("console-audit-fr-375");
            browser.open("/console/profile");
            browser.waitForHeading("Votre profil");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("Facturation"));
            assertFits(browser, "le profil");
            browser.fullPageScreenshot("console-profile-fr-375");
            browser.link("Ajouter une clé d'accès").click();
            browser.waitForHeading("Ajouter une clé d'accès");
            assertFits(browser, "l'ajout d'une clé d'accès");
            browser.screenshot("console-passkey-new-fr-375");
            browser.open("/console/bill-runs");
            browser.waitForHeading("Facturations groupées");
            assertFits(browser, "les facturations groupées");
            browser.field("Le fichier").sendKeys(badFile.toAbsolutePath().toString());
            browser.button("Vérifier et comptabiliser").click();
            browser.waitUntil("la facturation rejetée", () -> browser.path().matches("/console/bill-runs/[0-9a-f-]{36}")
                    && browser.driver().findElements(By.id("run-status")).size() == 1);
            assertEquals("Rejetée : rien de comptabilisé", browser.element("run-status").getText());
            assertEquals("2", browser.row("amount").findElement(By.tagName("td")).getText(), "the bad line named");
            assertTrue(browser.link("Télécharger les lignes erronées (CSV)").getAttribute("href")
                    .endsWith("/errors.csv"));
            assertFits(browser, "une facturation groupée rejetée");
            browser.fullPageScreenshot("console-bill-run-rejected-fr-375");
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
