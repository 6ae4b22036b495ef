package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.BillRuns;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's defences (spec §11, §12), tried with an HTTP client that sends what a browser would not: its own
 * cookie (Strict, HttpOnly, new at every sign-in), neither site's cookie opening the other, CSRF and {@code Origin},
 * no open redirect, the idle timeout, the step-up before a sensitive action, and a throttle on guessed codes.
 */
@HelidonTest
@AddBean(TestClock.class)
class ConsoleSecurityTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final Pattern LINK = Pattern.compile("/console/invitation\\?token=([A-Za-z0-9_-]+)");

    private Api api;

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
    }

    /** A browser of an operator who accepted their invitation and enrolled; the secret for later codes. */
    private record Operator(WebClient browser, String email, TotpSecret secret, List<String> recoveryCodes) {
        String code() {
            return Totp.code(secret, Totp.step(TestClock.CLOCK.instant()));
        }
    }

    private Operator enrolled(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        assertEquals(201, api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN, "{\"email\":\"" + email
                + "\",\"name\":\"Sam Operator\",\"role\":\"" + role + "\"}").status());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(email).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(email).get(0)));
        assertTrue(link.find());
        MailedLinks.awaitLive(api, link.group());
        WebClient browser = new WebClient(api.base());
        WebClient.Page invitation = browser.get(link.group());
        assertEquals(200, invitation.status(), invitation.body());
        String csrf = invitation.csrf();
        WebClient.Page accepted = browser.post("/console/invitation", Map.of("_csrf", csrf, "token", link.group(1),
                "password", Onboarding.PASSWORD, "confirmation", Onboarding.PASSWORD));
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals("/console/enrolment", accepted.header("Location").orElseThrow());
        WebClient.Page enrolment = browser.get("/console/enrolment");
        TotpSecret secret = TotpSecret.fromBase32(enrolment.html().getElementById("totp-secret").text()
                .replace(" ", ""));
        WebClient.Page done = browser.post("/console/enrolment", Map.of("_csrf", enrolment.csrf(), "code",
                Totp.code(secret, Totp.step(TestClock.CLOCK.instant()))));
        assertEquals(200, done.status(), done.body());
        List<String> codes = done.html().select("#recovery-codes code").eachText();
        assertEquals(10, codes.size());
        assertEquals(200, browser.get("/console").status(), "signed in");
        return new Operator(browser, email, secret, codes);
    }

    /** The first step of a sign-in in a new browser; its answer. */
    private static WebClient.Page password(WebClient browser, String email, String password, String next) {
        String csrf = browser.get("/console/sign-in").csrf();
        return browser.post("/console/sign-in", Map.of("_csrf", csrf, "email", email, "password", password,
                "next", next));
    }

    @Test
    void theConsoleCookieIsStrictHttpOnlyNewAtEverySignInAndItsPagesCarryTheHeaders() {
        Operator sam = enrolled("support");
        WebClient browser = new WebClient(api.base());
        browser.cookies().put("console_session", "a-token-an-attacker-planted-before-sign-in");

        WebClient.Page first = password(browser, sam.email(), Onboarding.PASSWORD, "/console");
        String halfWay = first.setCookies().stream().filter(value -> value.startsWith("console_session="))
                .findFirst().orElseThrow();
        assertTrue(halfWay.contains("HttpOnly") && halfWay.contains("SameSite=Strict") && halfWay.contains("Path=/"),
                halfWay);
        assertNotEquals("a-token-an-attacker-planted-before-sign-in", browser.cookies().get("console_session"));
        String halfWayToken = browser.cookies().get("console_session");
        WebClient.Page notYet = browser.get("/console");
        assertEquals(303, notYet.status(), "the password alone opens nothing");
        assertEquals("/console/sign-in?next=%2Fconsole", notYet.header("Location").orElseThrow(), "nor ends anything");
        assertEquals("/console/sign-in/second-factor?next=%2Fconsole", browser.get(
                "/console/sign-in?next=%2Fconsole").header("Location").orElseThrow(), "on to the second step");
        WebClient.Page second = browser.post("/console/sign-in/second-factor", Map.of("_csrf",
                browser.get("/console/sign-in/second-factor").csrf(), "code", sam.recoveryCodes().get(0),
                "next", "/console"));
        assertEquals(303, second.status(), second.body());
        assertNotEquals(halfWayToken, browser.cookies().get("console_session"), "a new token for the full session");

        for (String path : List.of("/console", "/console/profile", "/console/sign-in", "/console/password-reset",
                "/console/accounts/" + UUID.randomUUID())) {
            WebClient.Page page = browser.get(path);
            assertEquals(WebSecurityTest.CSP, page.header("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-store", page.header("Cache-Control").orElse(null), path);
        }
        assertEquals(404, browser.get("/console/accounts/" + UUID.randomUUID()).status());
        assertEquals(404, browser.get("/console/accounts/not-an-id").status());
    }

    @Test
    void neitherSiteNorTheApiAcceptsTheOthersSession() {
        Operator sam = enrolled("admin");
        String consoleToken = sam.browser().cookies().get("console_session");
        Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        WebClient customer = new WebClient(api.base());
        customer.signIn(ann.username(), Onboarding.PASSWORD);
        String portalToken = customer.cookies().get("portal-session");

        WebClient.Page consoleWithPortalCookie = customer.get("/console");
        assertEquals(303, consoleWithPortalCookie.status());
        assertEquals("/console/sign-in?next=%2Fconsole", consoleWithPortalCookie.header("Location").orElseThrow());
        WebClient forged = new WebClient(api.base());
        forged.cookies().put("console_session", portalToken);
        assertEquals(303, forged.get("/console").status(), "a portal token in the console's cookie");
        WebClient other = new WebClient(api.base());
        other.cookies().put("portal-session", consoleToken);
        WebClient.Page portalWithConsoleToken = other.get("/");
        assertEquals(303, portalWithConsoleToken.status());
        assertTrue(portalWithConsoleToken.header("Location").orElseThrow().startsWith("/sign-in"));
        assertEquals(401, api.get("/api/v1/operator/operators", consoleToken).status(),
                "a console session is no caller of the API");
        assertEquals(200, sam.browser().get("/console").status(), "and it still opens the console");
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrFromAnotherOriginIsRefusedAndChangesNothing() {
        Operator sam = enrolled("support");
        Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bobId = new Onboarding(api, MAILBOX).invite(ann, bob);
        String reinvite = "/console/accounts/" + ann.accountId() + "/users/" + bobId + "/invitation";
        String csrf = sam.browser().get("/console/accounts/" + ann.accountId()).csrf();
        Await.until(Duration.ofSeconds(20), () -> MAILBOX.to(bob).size() == 1, "Bob's first invitation");
        int mails = MAILBOX.to(bob).size();

        assertEquals(403, sam.browser().post(reinvite, Map.of()).status(), "no token");
        assertEquals(403, sam.browser().post(reinvite, Map.of("_csrf", "x".repeat(43))).status(), "a wrong token");
        assertEquals(403, sam.browser().post(reinvite, Map.of("_csrf", csrf), Map.of("Origin",
                "https://evil.example")).status(), "another origin");
        assertEquals(403, sam.browser().post(reinvite, Map.of("_csrf", csrf), Map.of()).status(), "no origin");
        assertEquals(mails, MAILBOX.to(bob).size(), "no invitation sent");

        WebClient.Page sent = sam.browser().post(reinvite, Map.of("_csrf", csrf));
        assertEquals(303, sent.status(), sent.body());
        Await.until(Duration.ofSeconds(20), () -> MAILBOX.to(bob).size() == mails + 1, "the new invitation");
    }

    @Test
    void theNextPageIsOneOfTheConsolesAndNeverAnotherSite() {
        Operator sam = enrolled("support");
        for (String next : List.of("https://evil.example/console", "//evil.example", "/users")) {
            WebClient browser = new WebClient(api.base());
            WebClient.Page first = password(browser, sam.email(), Onboarding.PASSWORD, next);
            assertEquals("/console/sign-in/second-factor?next=%2Fconsole", first.header("Location").orElseThrow(),
                    next);
        }
    }

    @Test
    void anIdleSessionEndsAfterFifteenMinutesAndASensitiveActionAsksForTheCodeAgain() {
        Operator sam = enrolled("admin");
        TestClock.CLOCK.advance(Duration.ofMinutes(6));
        WebClient.Page stale = sam.browser().get("/console/profile/authenticator");
        assertEquals(303, stale.status());
        assertEquals("/console/step-up?next=%2Fconsole%2Fprofile%2Fauthenticator",
                stale.header("Location").orElseThrow());
        WebClient.Page stepUp = sam.browser().get("/console/step-up?next=%2Fconsole%2Fprofile%2Fauthenticator");
        WebClient.Page wrong = sam.browser().post("/console/step-up", Map.of("_csrf", stepUp.csrf(), "code",
                "000000".equals(sam.code()) ? "111111" : "000000", "next", "/console/profile/authenticator"));
        assertEquals(401, wrong.status());
        WebClient.Page proved = sam.browser().post("/console/step-up", Map.of("_csrf", stepUp.csrf(), "code",
                sam.code(), "next", "/console/profile/authenticator"));
        assertEquals("/console/profile/authenticator", proved.header("Location").orElseThrow());
        assertEquals(200, sam.browser().get("/console/profile/authenticator").status(), "fresh for five minutes");

        TestClock.CLOCK.advance(Duration.ofMinutes(16));
        WebClient.Page ended = sam.browser().get("/console");
        assertEquals(303, ended.status());
        assertEquals("/console/sign-in?next=%2Fconsole&notice=ended", ended.header("Location").orElseThrow());
    }

    @Test
    void eachRoleSeesOnlyItsControlsAndAForgedRequestForAHiddenOneIsRefusedAndChangesNothing() {
        Operator admin = enrolled("admin");
        Operator support = enrolled("support");
        assertTrue(admin.browser().get("/console").html().select("nav a[href=/console/operators]").size() == 1,
                "an administrator has the operators' page");
        assertTrue(support.browser().get("/console").html().select("a[href=/console/operators]").isEmpty(),
                "support does not see it");
        assertEquals(403, support.browser().get("/console/operators").status());
        int operators = api.get("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").size();
        String csrf = support.browser().get("/console").csrf();
        String email = "forged-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        WebClient.Page forged = support.browser().post("/console/operators", Map.of("_csrf", csrf, "email", email,
                "name", "Forged Admin", "role", "admin", "language", "en-CA", "timeZone", "America/Toronto"));
        assertEquals(403, forged.status(), forged.body());
        assertEquals(operators, api.get("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").size(), "nobody invited");

        WebClient.Page invited = admin.browser().post("/console/operators", Map.of("_csrf",
                admin.browser().get("/console/operators").csrf(), "email", email, "name", "Nia Roy", "role",
                "billing", "language", "fr-CA", "timeZone", "America/Montreal"));
        assertEquals(303, invited.status(), invited.body());
        assertEquals(operators + 1, api.get("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN).json()
                .getJsonArray("items").size());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(email).isEmpty(), "her invitation");

        // Opening an account: billing and administrators; support neither sees nor forges it.
        assertTrue(support.browser().get("/console").html().select("a[href=/console/accounts/new]").isEmpty());
        assertEquals(1, admin.browser().get("/console").html().select("a[href=/console/accounts/new]").size());
        assertEquals(403, support.browser().get("/console/accounts/new").status());
        String customer = "forged-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        WebClient.Page opened = support.browser().post("/console/accounts/new", Map.of("_csrf",
                support.browser().get("/console").csrf(), "name", "Forged Ltd", "currency", "CAD", "username",
                customer, "firstName", "Fay", "lastName", "Forge", "timeZone", "America/Toronto",
                "language", "en-CA"));
        assertEquals(403, opened.status(), opened.body());
        assertTrue(api.get("/api/v1/operator/audit-events?action=ACCOUNT_CREATED", TestPortal.OPERATOR_TOKEN)
                .body().indexOf(customer) < 0, "no account opened");
        Await.until(Duration.ofSeconds(2), () -> MAILBOX.to(customer).isEmpty(), "no invitation sent");
    }

    @Test
    void aFormSentTwicePostsOnceAndSupportCannotPostAtAll() {
        Operator billing = enrolled("billing");
        Operator support = enrolled("support");
        Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        String form = "/console/accounts/" + ann.accountId() + "/transactions/new?type=PAYMENT";
        WebClient.Page page = billing.browser().get(form);
        assertEquals(200, page.status());
        Map<String, String> payment = new java.util.HashMap<>(Map.of("_csrf", page.csrf(), "type", "PAYMENT",
                "idempotencyKey", page.html().selectFirst("input[name=idempotencyKey]").val(), "amount", "25.00",
                "reference", "CHQ-1042", "reason", "Cheque received by mail", "action", "post"));
        String post = "/console/accounts/" + ann.accountId() + "/transactions";
        assertEquals(303, billing.browser().post(post, payment).status());
        assertEquals(303, billing.browser().post(post, payment).status(), "the same form again: accepted, not posted");
        assertEquals(1, transactions(ann), "one payment");

        assertEquals(403, support.browser().get(form).status(), "support has no posting form");
        payment.put("_csrf", support.browser().get("/console").csrf());
        payment.put("idempotencyKey", UUID.randomUUID().toString());
        assertEquals(403, support.browser().post(post, payment).status());
        assertEquals(1, transactions(ann), "nothing posted by support");
        assertTrue(support.browser().get("/console/accounts/" + ann.accountId()).html()
                .select("a[href$=/transactions/new]").isEmpty(), "nor the link to it");
    }

    @Test
    void billingUploadsABillRunFollowsItAndGetsItsBadLinesWhileSupportNeitherSeesNorSendsOne() {
        Operator billing = enrolled("billing");
        Operator support = enrolled("support");
        List<BillRuns.Account> accounts = new BillRuns(api, null).accounts(2);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = BillRuns.payment(accounts.get(0), tag + "-1", "10.00") + "\n"
                + BillRuns.payment(accounts.get(1), tag + "-2", "20.00") + "\n";
        String bad = BillRuns.payment(accounts.get(0), tag + "-1", "10.00") + "\n"
                + BillRuns.payment(accounts.get(1), tag + "-2", "twenty, \\\"CAD\\\"") + "\n";

        WebClient.Page list = billing.browser().get("/console/bill-runs");
        assertEquals(200, list.status());
        assertEquals(1, list.html().select("nav a[href=/console/bill-runs]").size(), "billing has the page");
        assertEquals("multipart/form-data", list.html().selectFirst("form[action=/console/bill-runs]")
                .attr("enctype"));
        String csrf = list.csrf();

        // The token travels before the file; one after it, or none, is refused and the file is never checked.
        Map<String, String> tokenAfterTheFile = new java.util.LinkedHashMap<>();
        tokenAfterTheFile.put("file", "");
        tokenAfterTheFile.put("_csrf", csrf);
        assertEquals(403, billing.browser().postFile("/console/bill-runs", tokenAfterTheFile, "file", "run.ndjson",
                "application/x-ndjson", good).status());
        assertEquals(403, billing.browser().postFile("/console/bill-runs", Map.of(), "file", "run.ndjson",
                "application/x-ndjson", good).status());
        assertEquals(0, runsSentBy(billing), "nothing checked without the token");
        assertEquals(422, billing.browser().postFile("/console/bill-runs", Map.of("_csrf", csrf), "file", "",
                "application/octet-stream", "").status(), "no file chosen");
        WebClient.Page text = billing.browser().postFile("/console/bill-runs", Map.of("_csrf", csrf), "file",
                "notes.txt", "text/plain", good);
        assertEquals(415, text.status());
        assertEquals("Send an NDJSON (.ndjson) or CSV (.csv) file.", text.html().getElementById("upload-error")
                .text());

        WebClient.Page rejected = billing.browser().postFile("/console/bill-runs", Map.of("_csrf", csrf), "file",
                "november.ndjson", "application/octet-stream", bad);
        assertEquals(303, rejected.status(), rejected.body());
        String rejectedRun = rejected.header("Location").orElseThrow();
        assertTrue(rejectedRun.matches("/console/bill-runs/[0-9a-f-]{36}"), rejectedRun);
        WebClient.Page report = billing.browser().get(rejectedRun);
        assertEquals("REJECTED", report.html().getElementById("run-progress").attr("data-status"));
        assertEquals("", report.html().getElementById("run-progress").attr("hx-trigger"), "a finished run is not polled");
        assertEquals(List.of("2", "amount"), report.html().select(".table--bill-run-errors tbody tr").first()
                .select("td").eachText().subList(0, 2));
        WebClient.Page csv = billing.browser().get(rejectedRun + "/errors.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertEquals("line,field,message", rows.get(0));
        assertTrue(rows.get(1).startsWith("2,amount,"), csv.body());
        assertEquals(2, rows.size(), csv.body());
        assertEquals(0, posted(accounts.get(0)), "a rejected file posts nothing");

        WebClient.Page accepted = billing.browser().postFile("/console/bill-runs", Map.of("_csrf", csrf), "file",
                "november.ndjson", "application/x-ndjson", good);
        assertEquals(303, accepted.status(), accepted.body());
        String run = accepted.header("Location").orElseThrow();
        Await.until(Duration.ofSeconds(30), () -> "DONE".equals(billing.browser().get(run, Map.of("HX-Request",
                "true")).html().getElementById("run-progress").attr("data-status")), "the run done");
        WebClient.Page fragment = billing.browser().get(run, Map.of("HX-Request", "true"));
        assertTrue(fragment.html().select("header, nav").isEmpty(), "to htmx, the progress alone");
        assertEquals("2", fragment.html().getElementById("run-posted").text());
        assertEquals("2", fragment.html().getElementById("run-bar").attr("value"));
        assertEquals(1, posted(accounts.get(0)));
        assertEquals(1, posted(accounts.get(1)));
        assertEquals(2, runsSentBy(billing), "the rejected run and this one");

        assertTrue(support.browser().get("/console").html().select("a[href=/console/bill-runs]").isEmpty(),
                "support does not see the page");
        assertEquals(403, support.browser().get("/console/bill-runs").status());
        assertEquals(403, support.browser().get(run).status());
        assertEquals(403, support.browser().get(rejectedRun + "/errors.csv").status());
        WebClient.Page forged = support.browser().postFile("/console/bill-runs", Map.of("_csrf",
                support.browser().get("/console").csrf()), "file", "forged.ndjson", "application/x-ndjson",
                BillRuns.payment(accounts.get(0), tag + "-forged", "99.00") + "\n");
        assertEquals(403, forged.status());
        assertEquals(1, posted(accounts.get(0)), "nothing posted by support");
        assertEquals(404, billing.browser().get("/console/bill-runs/" + UUID.randomUUID()).status());
    }

    /** The bill runs listed on the billing operator's page. */
    private static int runsSentBy(Operator operator) {
        return operator.browser().get("/console/bill-runs").html().select(".table--bill-runs tbody tr").size();
    }

    private int posted(BillRuns.Account account) {
        return api.get("/api/v1/operator/accounts/" + account.id() + "/transactions", TestPortal.OPERATOR_TOKEN)
                .json().getJsonArray("items").size();
    }

    private int transactions(Member member) {
        return api.get("/api/v1/accounts/" + member.accountId() + "/transactions", member.token()).json()
                .getJsonArray("items").size();
    }

    @Test
    void guessingCodesIsThrottledAfterFiveFailures() {
        Operator sam = enrolled("support");
        WebClient browser = new WebClient(api.base());
        assertEquals(303, password(browser, sam.email(), Onboarding.PASSWORD, "/console").status());
        String csrf = browser.get("/console/sign-in/second-factor").csrf();
        int throttled = 0;
        for (int i = 0; i < 6; i++) {
            WebClient.Page guess = browser.post("/console/sign-in/second-factor", Map.of("_csrf", csrf, "code",
                    String.format("%06d", i), "next", "/console"));
            assertFalse(guess.status() == 303, "a guess opened the console");
            throttled += guess.status() == 429 ? 1 : 0;
        }
        assertTrue(throttled >= 1, "the sixth guess is throttled");
        WebClient later = new WebClient(api.base());
        assertEquals(429, password(later, sam.email(), Onboarding.PASSWORD, "/console").status(),
                "even the right password, for 15 minutes");
    }
}
