package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The transaction history page in a real browser (spec §9, §5): "Older" walks the whole history while new
 * transactions arrive, "Newer" comes back; the filters by type, by dates in the reader's own time zone and by text;
 * the CSV of exactly the filtered rows; refused filters and empty results; in French; at a phone's width.
 */
@HelidonTest
class TransactionHistoryJourneyTest {
    private static final Mailbox MAILBOX = new Mailbox();

    private Api api;
    private Onboarding onboarding;
    private Billing billing;

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
        onboarding = new Onboarding(api, MAILBOX);
        billing = new Billing(api);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A signed-in first user in {@code timeZone} who receives no billing mail (the tests post a lot). */
    private Onboarding.Member newAccount(String username, String timeZone) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Acme Telecom\",\"firstUser\":" + Onboarding.newUser(username, false, timeZone) + "}");
        assertEquals(201, created.status(), created.body());
        return onboarding.activate(created.json().getString("id"),
                created.json().getJsonObject("firstUser").getString("id"), username);
    }

    private void pay(Onboarding.Member member, String amount, String postedAt, String reference) {
        String json = "{\"type\":\"PAYMENT\",\"amount\":\"" + amount + "\",\"reference\":\"" + reference + "\""
                + (postedAt == null ? "" : ",\"postedAt\":\"" + postedAt + "\"") + "}";
        Api.Reply posted = billing.post(member.accountId(), json);
        assertEquals(201, posted.status(), posted.body());
    }

    private static Browser signedIn(Api api, String username, boolean french, int width) {
        Browser browser = Browser.start(api.base(), true, french ? "fr-CA,fr" : "en-CA,en", width, 900);
        browser.open("/sign-in");
        browser.type(browser.field(french ? "Nom d'utilisateur" : "Username"), username);
        browser.type(browser.field(french ? "Mot de passe" : "Password"), Onboarding.PASSWORD);
        browser.button(french ? "Se connecter" : "Sign in").click();
        browser.waitForPath("/");
        return browser;
    }

    /** The sequences of the rows the page shows, top to bottom. */
    private static List<Long> sequences(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".table--history tbody tr")).stream()
                .map(row -> Long.parseLong(row.findElement(By.tagName("td")).getText().strip())).toList();
    }

    private static void assertAccessible(Browser browser, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "WCAG 2.2 A/AA on " + state);
    }

    private static void setDate(Browser browser, String label, String isoDate) {
        // A date input's typing follows the browser's locale; its value is always ISO.
        browser.script("arguments[0].value = arguments[1];", browser.field(label), isoDate);
    }

    @Test
    void olderWalksThreeHundredRowsWithNoneMissedOrRepeatedWhileNewOnesArriveAndNewerComesBack() {
        String ann = unique("ann");
        Onboarding.Member member = newAccount(ann, "America/Toronto");
        for (int i = 1; i <= 300; i++) {
            pay(member, "1.00", null, "PAY-" + i);
        }
        try (Browser browser = signedIn(api, ann, false, 1280)) {
            browser.open("/transactions");
            browser.waitForHeading("Transaction history");
            assertAccessible(browser, "the history's first page");
            browser.screenshot("transactions-en-desktop");
            assertTrue(browser.driver().findElements(By.cssSelector("a[rel=prev]")).isEmpty(), "nothing is newer");

            List<Long> walked = new ArrayList<>(sequences(browser));
            int pages = 1;
            int arrived = 0;
            while (!browser.driver().findElements(By.cssSelector("a[rel=next]")).isEmpty()) {
                pay(member, "2.00", null, "ARRIVED-" + ++arrived); // posted while the reader reads
                browser.link("Older").click();
                pages++;
                int page = pages;
                browser.waitUntil("page " + page, () -> !sequences(browser).isEmpty()
                        && sequences(browser).get(0) < walked.get(walked.size() - 1));
                walked.addAll(sequences(browser));
            }
            List<Long> expected = new ArrayList<>();
            for (long sequence = 300; sequence >= 1; sequence--) {
                expected.add(sequence);
            }
            assertEquals(expected, walked, "every row once, newest first, across " + pages + " pages");
            assertEquals(6, pages, "50 rows a page");

            List<Long> backUp = List.of();
            while (!browser.driver().findElements(By.cssSelector("a[rel=prev]")).isEmpty()) {
                List<Long> before = sequences(browser);
                browser.link("Newer").click();
                browser.waitUntil("a newer page", () -> !sequences(browser).equals(before));
                backUp = sequences(browser);
            }
            assertEquals(300L + arrived, backUp.get(0), "back at the top, with what arrived meanwhile");
            assertEquals(50, backUp.size());
        }
    }

    @Test
    void filtersByTypeByDatesInTheReadersZoneAndByTextAndTheCsvIsExactlyThoseRows() throws Exception {
        String ann = unique("ann");
        Onboarding.Member member = newAccount(ann, "America/Vancouver");
        pay(member, "10.00", "2026-11-01T04:30:00Z", "EARLY"); // 21:30 on October 31 in Vancouver
        pay(member, "20.00", "2026-11-01T08:30:00Z", "LATER"); // 01:30 on November 1
        Api.Reply refund = billing.post(member.accountId(), "{\"type\":\"REFUND\",\"amount\":\"5.00\","
                + "\"reference\":\"Refund of EARLY\",\"postedAt\":\"2026-11-02T18:00:00Z\"}");
        assertEquals(201, refund.status(), refund.body());
        assertEquals(201, billing.post(member.accountId(), Billing.invoice("INV-2026-0042")).status());

        try (Browser browser = signedIn(api, ann, false, 1280)) {
            browser.open("/transactions");
            browser.waitForHeading("Transaction history");
            assertTrue(browser.driver().getPageSource().contains("Dates and times in America/Vancouver."),
                    "the zone is named");

            setDate(browser, "From", "2026-10-31");
            setDate(browser, "To", "2026-10-31");
            browser.button("Apply filters").click();
            browser.waitUntil("October 31 only", () -> references(browser).equals(List.of("EARLY")));
            assertTrue(browser.path().contains("from=2026-10-31"), "a filtered page is a link: " + browser.path());

            browser.link("Clear filters").click();
            browser.waitUntil("all four", () -> references(browser).size() == 4);
            browser.field("Refund").click();
            browser.field("Payment").click();
            browser.type(browser.field("Contains"), "early");
            browser.button("Apply filters").click();
            browser.waitUntil("payments and refunds about EARLY", () -> references(browser)
                    .equals(List.of("Refund of EARLY", "EARLY")));
            assertTrue(browser.field("Refund").isSelected() && !browser.field("Invoice").isSelected(),
                    "the form shows the filters applied");
            assertAccessible(browser, "the history with filters applied");
            browser.screenshot("transactions-filtered-en-desktop");

            String csvHref = browser.link("Download CSV").getDomAttribute("href");
            WebClient web = new WebClient(api.base());
            web.signIn(ann, Onboarding.PASSWORD);
            WebClient.Page csv = web.get(csvHref);
            assertEquals(200, csv.status(), csv.body());
            assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords();
            assertEquals(references(browser), records.stream().map(record -> record.get("reference")).toList(),
                    "the CSV holds exactly the rows the page shows");

            browser.type(browser.field("Contains"), "nothing like this");
            browser.button("Apply filters").click();
            browser.waitUntil("the empty result", () -> browser.driver().getPageSource()
                    .contains("No transaction matches these filters."));
            assertAccessible(browser, "the history with no match");

            browser.link("Clear filters").click();
            browser.waitUntil("all four", () -> references(browser).size() == 4);
            setDate(browser, "From", "2026-11-02");
            setDate(browser, "To", "2026-11-01");
            browser.button("Apply filters").click();
            WebElement toError = browser.element("to-error");
            assertEquals("Enter a date as YYYY-MM-DD, not before the From date.", toError.getText());
            assertEquals("true", browser.field("To").getDomAttribute("aria-invalid"));
            assertAccessible(browser, "the history with a refused filter");
            browser.screenshot("transactions-refused-en-desktop");
        }
    }

    private static List<String> references(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".table--history tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(3).getText()).toList();
    }

    @Test
    void inFrenchAmountsAndDatesFollowTheLanguageAndAPhoneNeverScrollsSideways() {
        String ann = unique("ann");
        Onboarding.Member member = newAccount(ann, "America/Toronto");
        pay(member, "1234.56", "2026-11-25T15:00:00Z", "VIREMENT-1");
        for (int i = 1; i <= 55; i++) {
            pay(member, "1.00", null, "PAY-" + i);
        }
        phone(ann, false);
        try (Browser browser = signedIn(api, ann, true, 1280)) {
            browser.button("Zoë O'Brien").click();
            browser.button("Français").click();
            browser.waitUntil("the page in French", () -> "fr-CA".equals(
                    browser.script("return document.documentElement.lang;")));
            browser.open("/transactions?text=virement");
            browser.waitForHeading("Historique des transactions");
            WebElement row = browser.row("VIREMENT-1");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals("1 234,56 $", cells.get(4).getText().replace('\u00a0', ' ').replace('\u202f', ' '));
            assertEquals("Paiement", cells.get(2).getText());
            assertTrue(cells.get(1).getText().startsWith("25 nov. 2026"), cells.get(1).getText());
            assertAccessible(browser, "the history in French");
            browser.screenshot("transactions-fr-desktop");
        }
        phone(ann, true);
    }

    /** The history at 375 px: no sideways scrolling, each value after its column's label. */
    private void phone(String ann, boolean french) {
        try (Browser browser = signedIn(api, ann, french, 375)) {
            browser.open("/transactions");
            browser.waitForHeading(french ? "Historique des transactions" : "Transaction history");
            assertFalse(browser.scrollsSideways(), "/transactions at 375 px");
            assertAccessible(browser, "/transactions at 375 px");
            Object label = browser.script("return getComputedStyle(document.querySelector("
                    + "'.table--history tbody tr td:nth-child(6)'), '::before').content;");
            assertEquals(french ? "\"Solde après\"" : "\"Balance after\"", label, "the card's label");
            browser.fullPageScreenshot("transactions-" + (french ? "fr" : "en") + "-375");
            browser.link(french ? "Plus anciennes" : "Older").click();
            browser.waitUntil("the older page", () -> browser.path().contains("cursor="));
            assertFalse(browser.scrollsSideways(), "the older page at 375 px");
        }
    }
}
