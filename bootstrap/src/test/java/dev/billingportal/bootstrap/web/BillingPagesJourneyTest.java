package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The billing pages in a real browser (spec §9): the dashboard's figures are the API's; the invoices with every
 * status, overdue included; one invoice's lines, taxes and what was applied to it, and its PDF; the billing
 * notifications, Sent and Failed with the reason; in French; at a phone's width; and every link of every e-mail
 * these tests receive opens a page.
 */
@HelidonTest
class BillingPagesJourneyTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT);
    private static final ScriptedInbox INBOX = new ScriptedInbox(() -> SMTP);

    private Api api;
    private Onboarding onboarding;
    private Billing billing;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, INBOX);
        billing = new Billing(api);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** An invoice of 113.00 (ten seats at 10.00, HST 13 %), issued November 1st, due on {@code due}. */
    private static String invoice(String number, String due) {
        return """
                {"type":"INVOICE","amount":"113.00","reference":"BILLRUN-%1$s","description":"November services",
                 "postedAt":"2026-11-01T12:00:00Z",
                 "invoice":{"invoiceNumber":"%1$s","issueDate":"2026-11-01","dueDate":"%2$s",
                   "periodStart":"2026-10-01","periodEnd":"2026-10-31",
                   "lines":[{"description":"Hosted PBX seat","quantity":"10","unitPrice":"10.00","amount":"100.00"}],
                   "taxes":[{"name":"HST","rate":"13","amount":"13.00"}]}}""".formatted(number, due);
    }

    private String post(Onboarding.Member member, String json) {
        Api.Reply posted = billing.post(member.accountId(), json);
        assertEquals(201, posted.status(), posted.body());
        JsonObject body = posted.json();
        return body.containsKey("invoiceId") && !body.isNull("invoiceId") ? body.getString("invoiceId")
                : body.getString("id");
    }

    private static String applied(String type, String amount, String invoiceId, String reference) {
        return "{\"type\":\"" + type + "\",\"amount\":\"" + amount + "\",\"invoiceId\":\"" + invoiceId
                + "\",\"reference\":\"" + reference + "\"}";
    }

    private static Browser signedIn(Api api, String username, int width) {
        Browser browser = Browser.start(api.base(), true, "en-CA,en", width, 900);
        browser.open("/sign-in");
        browser.type(browser.field("Username"), username);
        browser.type(browser.field("Password"), Onboarding.PASSWORD);
        browser.button("Sign in").click();
        browser.waitForPath("/");
        return browser;
    }

    private static void assertAccessible(Browser browser, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "WCAG 2.2 A/AA on " + state);
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void theDashboardAndTheInvoicesShowWhatTheApiSaysWithEveryStatusAndOneInvoiceAddsUp() {
        String ann = unique("ann");
        Onboarding.Member member = onboarding.newAccount(ann);
        String overdue = post(member, invoice("INV-OLD", "2026-11-30")); // due before today
        String paid = post(member, invoice("INV-PAID", "2099-12-31"));
        post(member, applied("PAYMENT", "113.00", paid, "PAY-FULL"));
        String partly = post(member, invoice("INV-PART", "2099-12-31"));
        post(member, applied("PAYMENT", "13.00", partly, "PAY-PART"));
        post(member, applied("CREDIT", "10.00", partly, "GOODWILL"));
        post(member, invoice("INV-OPEN", "2099-12-31"));
        JsonObject figures = api.get("/api/v1/accounts/" + member.accountId(), member.token()).json();

        try (Browser browser = signedIn(api, ann, 1280)) {
            browser.waitForHeading("Account Dashboard");
            List<String> values = browser.driver().findElements(By.cssSelector(".figure__value")).stream()
                    .map(WebElement::getText).toList();
            assertEquals("$" + figures.getString("balance"), values.get(0), "the balance the API gives: " + figures);
            assertEquals("$" + figures.getString("amountOverdue"), values.get(1));
            assertEquals("$316.00", values.get(0), "113 × 4 − 113 − 13 − 10");
            assertEquals("$113.00", values.get(1), "INV-OLD only");
            assertTrue(text(browser, "#last-invoice-label + p + p").startsWith("INV-OPEN"), "the last invoice");
            WebElement chart = browser.driver().findElement(By.cssSelector("svg.chart__svg"));
            assertEquals("img", chart.getDomAttribute("role"));
            assertEquals("The last 12 months", chart.getAccessibleName(), "the chart has a name");
            assertEquals(24, chart.findElements(By.cssSelector("rect.chart__bar")).size(), "two bars a month");
            browser.driver().findElement(By.cssSelector(".chart__figures summary")).click();
            List<WebElement> months = browser.driver().findElements(By.cssSelector(".table--months tbody tr"));
            assertEquals(12, months.size(), "its text alternative: the figures, month by month");
            assertEquals("$126.00", months.get(11).findElements(By.tagName("td")).get(2).getText(),
                    "this month's payments (113.00 + 13.00; a credit is not a payment)");
            assertAccessible(browser, "the dashboard with billing figures");
            browser.screenshot("dashboard-figures-en-desktop");

            browser.link("Invoices").click();
            browser.waitForHeading("Invoices");
            List<String> statuses = new ArrayList<>();
            for (WebElement row : browser.driver().findElements(By.cssSelector(".table--invoices tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                statuses.add(cells.get(0).getText() + " " + cells.get(4).getText() + " " + cells.get(5).getText());
            }
            assertEquals(List.of("INV-OPEN $113.00 Open", "INV-PART $90.00 Partially paid", "INV-PAID $0.00 Paid",
                    "INV-OLD $113.00 Overdue"), statuses, "newest first, overdue decided on today's date");
            assertAccessible(browser, "the invoices");
            browser.screenshot("invoices-en-desktop");

            browser.link("INV-PART").click();
            browser.waitForHeading("Invoice INV-PART");
            WebElement line = browser.row("Hosted PBX seat");
            assertEquals(List.of("Hosted PBX seat", "10", "$10.00", "$100.00"), line.findElements(By.tagName("td"))
                    .stream().map(WebElement::getText).toList());
            assertEquals(List.of("Subtotal $100.00", "HST (13%) $13.00", "Total $113.00", "Paid $13.00",
                    "Credited $10.00", "Amount due $90.00"), browser.driver().findElements(By.cssSelector(".totals > div"))
                    .stream().map(WebElement::getText).map(total -> total.replace('\n', ' ')).toList());
            assertEquals(List.of("Payment PAY-PART $13.00", "Credit GOODWILL $10.00"), browser.driver()
                    .findElements(By.cssSelector(".table--applied tbody tr")).stream().map(row -> {
                        List<WebElement> cells = row.findElements(By.tagName("td"));
                        return cells.get(1).getText() + " " + cells.get(2).getText() + " " + cells.get(3).getText();
                    }).toList(), "what was applied, in posting order");
            assertAccessible(browser, "one invoice");
            browser.fullPageScreenshot("invoice-en-desktop");

            WebClient web = new WebClient(api.base());
            web.signIn(ann, Onboarding.PASSWORD);
            WebClient.Page pdf = web.get(browser.link("Download PDF").getDomAttribute("href"));
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.header("Content-Type").orElse(""));
            assertTrue(pdf.body().startsWith("%PDF-"), "a PDF document");
            assertEquals(404, web.get("/invoices/" + UUID.randomUUID()).status(), "another id is not found");

            browser.button("Zoë O'Brien").click();
            browser.button("Français").click();
            browser.waitUntil("the page in French", () -> "fr-CA".equals(
                    browser.script("return document.documentElement.lang;")));
            browser.waitForHeading("Facture INV-PART");
            assertEquals("13,00 $", spaces(browser.driver().findElements(By.cssSelector(".totals dd")).get(1).getText()));
            assertTrue(spaces(text(browser, ".totals")).contains("HST (13 %)"), text(browser, ".totals"));
            assertAccessible(browser, "one invoice in French");
            browser.open("/invoices");
            browser.waitForHeading("Factures");
            String french = text(browser, ".table--invoices tbody");
            assertTrue(french.contains("Payée en partie") && french.contains("En souffrance"), french);
            assertAccessible(browser, "the invoices in French");
            browser.screenshot("invoices-fr-desktop");
            browser.open("/");
            browser.waitForHeading("Tableau de bord du compte");
            assertEquals("316,00 $", spaces(browser.driver().findElements(By.cssSelector(".figure__value")).get(0)
                    .getText()));
            assertEquals("Les 12 derniers mois", browser.driver().findElement(By.cssSelector("svg.chart__svg"))
                    .getAccessibleName());
            assertAccessible(browser, "the dashboard in French");
            browser.screenshot("dashboard-figures-fr-desktop");
        }
        try (Browser browser = signedIn(api, ann, 375)) {
            for (String path : List.of("/invoices", "/invoices/" + partly, "/invoices/" + overdue, "/")) {
                browser.open(path);
                browser.waitUntil(path, () -> browser.path().equals(path));
                assertFalse(browser.scrollsSideways(), path + " at 375 px");
            }
            browser.open("/invoices");
            browser.fullPageScreenshot("invoices-fr-375");
            browser.open("/invoices/" + partly);
            browser.fullPageScreenshot("invoice-fr-375");
            assertAccessible(browser, "one invoice at 375 px");
        }
    }

    @Test
    void theNotificationsShowWhatWasSentToWhomAndWhatFailedWithItsReasonAndEveryMailedLinkOpens() {
        String ann = unique("ann");
        Onboarding.Member member = onboarding.newAccount(ann);
        Onboarding.Member bob = onboarding.addMember(member, unique("bob"), "America/Vancouver", true);
        SMTP.replyToRecipient(bob.username(), "550 5.1.1 No such mailbox");
        post(member, "{\"type\":\"PAYMENT\",\"amount\":\"50.00\",\"reference\":\"PAY-WEB\"}");
        Await.until(Duration.ofSeconds(20), () -> api.get("/api/v1/accounts/" + member.accountId() + "/notifications",
                member.token()).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getString("eventType").equals("TRANSACTION_POSTED"))
                .filter(item -> !item.getString("status").equals("PENDING")).count() == 2, "both deliveries settled");

        try (Browser browser = signedIn(api, ann, 1280)) {
            browser.link("Billing notifications").click();
            browser.waitForHeading("Billing notifications");
            List<String> rows = browser.driver().findElements(By.cssSelector(".table--notifications tbody tr")).stream()
                    .map(row -> row.findElements(By.tagName("td")).subList(1, 4).stream().map(WebElement::getText)
                            .map(cell -> cell.replace('\n', ' ')).toList().toString()).toList();
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("[Payment posted: $50.00, " + ann + ", Sent Sent ")),
                    "Ann's, sent, and when: " + rows);
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("[Payment posted: $50.00, " + bob.username()
                    + ", Failed Reason: ") && row.contains("550 5.1.1 No such mailbox")), "Bob's, failed, and why: " + rows);
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("[Zoë O'Brien (" + bob.username()
                    + ") was added, " + ann + ", Sent")), "Ann was told Bob was added: " + rows);
            assertAccessible(browser, "the billing notifications");
            browser.screenshot("notifications-en-desktop");

            browser.button("Zoë O'Brien").click();
            browser.button("Français").click();
            browser.waitForHeading("Avis de facturation");
            String french = text(browser, ".table--notifications tbody");
            assertTrue(spaces(french).contains("Paiement inscrit : 50,00 $") && french.contains("Envoyé")
                    && french.contains("Échec") && french.contains("Motif : "), french);
            assertAccessible(browser, "the billing notifications in French");
            browser.screenshot("notifications-fr-desktop");
            browser.button("Zoë O'Brien").click();
            browser.button("English").click();
            browser.waitForHeading("Billing notifications");
        }
        try (Browser browser = signedIn(api, ann, 375)) {
            browser.open("/notifications");
            browser.waitForHeading("Billing notifications");
            assertFalse(browser.scrollsSideways(), "/notifications at 375 px");
            browser.fullPageScreenshot("notifications-en-375");
        }

        // Every link of every mail received here opens a page: the account's pages signed in; an invitation not yet
        // accepted opens its form; one already used says so (410, a page with a way to ask for help).
        String carol = unique("carol");
        onboarding.invite(member, carol);
        String unused = "/invitation?token=" + onboarding.latestToken(carol, "invitation");
        assertEquals(202, api.post("/api/v1/auth/password-resets", null, "{\"username\":\"" + ann + "\"}").status());
        String reset = "/password-reset?token=" + onboarding.latestToken(ann, "password-reset");
        WebClient web = new WebClient(api.base());
        web.signIn(ann, Onboarding.PASSWORD);
        Set<String> links = new LinkedHashSet<>();
        for (MimeMessage message : INBOX.all()) {
            for (org.jsoup.nodes.Element anchor : org.jsoup.Jsoup.parse(Mailbox.html(message)).select("a[href]")) {
                URI target = URI.create(anchor.attr("href"));
                String path = target.getRawPath().isEmpty() ? "/" : target.getRawPath();
                links.add(path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            }
        }
        assertTrue(links.stream().anyMatch(link -> link.startsWith("/transactions")), links.toString());
        assertTrue(links.contains("/users") && links.contains("/") && links.contains(unused) && links.contains(reset),
                "the links of an invitation, a reset, a user added and a transaction posted: " + links);
        for (String link : links) {
            WebClient.Page page = web.get(link);
            boolean usedInvitation = link.startsWith("/invitation?") && !link.equals(unused);
            assertEquals(usedInvitation ? 410 : 200, page.status(), link + " answered " + page.status());
            assertTrue(page.body().contains("<h1"), link + " is a page");
        }
    }
}
