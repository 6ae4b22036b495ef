package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web pages' defences of spec §9, tried as an attacker would — with an HTTP client that sends what a browser
 * would not: security headers on every answer, the session cookie's flags and rotation, CSRF and {@code Origin}
 * checks (403, nothing changed), no open redirect, no token of another kind accepted, sessions that end when their
 * user is deleted or idle for 30 minutes, and failures answered with a page, never a stack trace.
 */
@HelidonTest
@AddBean(TestClock.class)
class WebSecurityTest {
    private static final Mailbox MAILBOX = new Mailbox();
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Api api;
    private Onboarding onboarding;
    private Member ann;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void onboard() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, MAILBOX);
        ann = onboarding.newAccount("ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    private WebClient signedIn(Member member) {
        WebClient browser = new WebClient(api.base());
        WebClient.Page signedIn = browser.signIn(member.username(), Onboarding.PASSWORD);
        assertEquals(303, signedIn.status(), signedIn.body());
        return browser;
    }

    private static void assertSecurityHeaders(WebClient.Page page, String what) {
        assertEquals(CSP, page.header("Content-Security-Policy").orElse(null), what);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null), what);
        assertEquals("same-origin", page.header("Referrer-Policy").orElse(null), what);
    }

    private long users() {
        return api.get(ann.users(), ann.token()).json().getJsonArray("items").size();
    }

    private Map<String, String> newUser(String csrf) {
        Map<String, String> form = new HashMap<>(Map.of("username", "bob-" + UUID.randomUUID() + "@example.com",
                "firstName", "Bob", "lastName", "Lee", "timeZone", "America/Toronto"));
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return form;
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoSignedInPageIsStored() {
        WebClient anonymous = new WebClient(api.base());
        for (String path : List.of("/sign-in", "/password-reset", "/invitation?token=nothing", "/")) {
            assertSecurityHeaders(anonymous.get(path), path);
        }
        WebClient browser = signedIn(ann);
        WebClient.Page users = browser.get("/users");
        for (String path : List.of("/", "/users", "/users/new", "/users/" + UUID.randomUUID() + "/edit",
                "/users/not-an-id/edit")) {
            WebClient.Page page = browser.get(path);
            assertSecurityHeaders(page, path);
            assertEquals("no-store", page.header("Cache-Control").orElse(null), path);
        }
        String stylesheet = users.html().selectFirst("link[rel=stylesheet]").attr("href");
        WebClient.Page css = browser.get(stylesheet);
        assertEquals(200, css.status());
        assertSecurityHeaders(css, stylesheet);
        assertEquals("public, max-age=31536000, immutable", css.header("Cache-Control").orElse(null));
        assertEquals(404, browser.get("/assets/portal.0000000000.css").status(), "an old or made-up name");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAtTheRootAndNewAtEverySignIn() {
        WebClient browser = new WebClient(api.base());
        browser.cookies().put("portal-session", "a-token-an-attacker-planted-before-sign-in");
        WebClient.Page first = browser.signIn(ann.username(), Onboarding.PASSWORD);

        String cookie = first.setCookies().stream().filter(value -> value.startsWith("portal-session=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http on loopback: " + cookie);
        String issued = browser.cookies().get("portal-session");
        assertNotEquals("a-token-an-attacker-planted-before-sign-in", issued, "the server's own token, never one sent");
        assertTrue(issued.matches("[A-Za-z0-9_-]{43}"), "opaque: " + issued);
        String other = signedIn(ann).cookies().get("portal-session");
        assertNotEquals(issued, other, "a fresh token at every sign-in");
        assertEquals(200, browser.get("/").status());
        assertEquals(401, api.send(api.request("/api/v1/me", null).header("Cookie", "portal-session=" + issued))
                .status(), "the API does not take the cookie");
    }

    @Test
    void aChangeWithoutTheTokenOrFromAnotherOriginIsRefusedAndChangesNothing() {
        WebClient browser = signedIn(ann);
        String csrf = browser.get("/users").csrf();
        long before = users();

        assertEquals(403, browser.post("/users", newUser(null)).status(), "no token");
        assertEquals(403, browser.post("/users", newUser("x".repeat(43))).status(), "a wrong token");
        assertEquals(403, browser.post("/users", newUser(csrf), Map.of("Origin", "http://evil.example")).status(),
                "another origin");
        assertEquals(403, browser.post("/users", newUser(csrf), Map.of()).status(), "no Origin");
        assertEquals(before, users(), "nothing was added");

        assertEquals(303, browser.post("/users", newUser(csrf)).status(), "the same request, as the page sends it");
        assertEquals(before + 1, users());
        WebClient anonymous = new WebClient(api.base());
        anonymous.get("/sign-in");
        assertEquals(403, anonymous.post("/sign-in", Map.of("username", ann.username(), "password",
                Onboarding.PASSWORD)).status(), "signing in needs the page's token too");
    }

    @Test
    void afterSignInOnlyAPathOfThePortalIsFollowed() {
        for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x")) {
            WebClient browser = new WebClient(api.base());
            String csrf = browser.get("/sign-in?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8)).csrf();
            WebClient.Page signedIn = browser.post("/sign-in", Map.of("_csrf", csrf, "username", ann.username(),
                    "password", Onboarding.PASSWORD, "next", next));
            assertEquals("/", signedIn.header("Location").orElse(null), next);
        }
        WebClient browser = new WebClient(api.base());
        assertEquals("/sign-in?next=%2Fusers%3Fnew%3D1", browser.get("/users?new=1").header("Location").orElse(null));
    }

    @Test
    void neitherTheOperatorTokenNorAnApiTokenIsAWebSessionNorAWebSessionAnApiToken() {
        for (String token : List.of(TestPortal.OPERATOR_TOKEN, ann.token())) {
            WebClient forged = new WebClient(api.base());
            forged.cookies().put("portal-session", token);
            WebClient.Page page = forged.get("/users");
            assertEquals(303, page.status());
            assertTrue(page.header("Location").orElseThrow().startsWith("/sign-in"));
        }
        WebClient browser = signedIn(ann);
        assertEquals(401, api.get("/api/v1/me", browser.cookies().get("portal-session")).status());
    }

    @Test
    void aDeletedUsersBrowserSessionEndsAtTheirNextRequest() {
        Member bob = onboarding.addMember(ann, "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        WebClient bobs = signedIn(bob);
        assertEquals(200, bobs.get("/").status());

        assertEquals(204, api.send(api.request(ann.users() + "/" + bob.userId(), ann.token()).DELETE()).status());

        WebClient.Page after = bobs.get("/");
        assertEquals(303, after.status());
        assertEquals("/sign-in?next=%2F&notice=ended", after.header("Location").orElse(null));
    }

    @Test
    void aWebSessionEndsAfterThirtyMinutesWithoutUse() {
        WebClient browser = signedIn(ann);
        TestClock.CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, browser.get("/").status(), "used within 30 minutes");
        TestClock.CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, browser.get("/users").status(), "each use starts the 30 minutes again");

        TestClock.CLOCK.advance(Duration.ofMinutes(31));

        WebClient.Page ended = browser.get("/users");
        assertEquals(303, ended.status());
        assertEquals("/sign-in?next=%2Fusers&notice=ended", ended.header("Location").orElse(null));
        WebClient.Page signIn = browser.get(ended.header("Location").orElseThrow());
        assertTrue(signIn.body().contains("Your session has ended."), "the sign-in page says why");
    }

    @Test
    void anHtmxRequestOfAnEndedSessionIsToldToLoadTheSignInPage() {
        WebClient browser = signedIn(ann);
        TestClock.CLOCK.advance(Duration.ofMinutes(31));

        WebClient.Page fragment = browser.get("/users/new", Map.of("HX-Request", "true",
                "HX-Current-URL", api.base().resolve("/users").toString()));

        assertEquals(200, fragment.status());
        assertEquals("/sign-in?next=%2Fusers&notice=ended", fragment.header("HX-Redirect").orElse(null));
        assertEquals("", fragment.body(), "no sign-in page swapped into a table row");
    }

    @Test
    void aForgedSelfDeleteIsRefusedWithTheExactMessageAndChangesNothing() {
        WebClient browser = signedIn(ann);
        String csrf = browser.get("/users").csrf();

        WebClient.Page refused = browser.post("/users/" + ann.userId() + "/delete", Map.of("_csrf", csrf));

        assertEquals(409, refused.status());
        assertEquals("You cannot delete your own Billing Portal user.", refused.html().selectFirst("#alert")
                .text());
        assertEquals(200, api.get("/api/v1/me", ann.token()).status(), "still there, still signed in");
    }

    @Test
    void failuresArePagesThatRevealNothing() {
        WebClient browser = signedIn(ann);
        String csrf = browser.get("/users").csrf();

        WebClient.Page notFound = browser.get("/users/" + UUID.randomUUID() + "/edit");
        WebClient.Page huge = browser.post("/users", Map.of("_csrf", csrf, "firstName", "x".repeat(70_000)));
        WebClient.Page otherAccount = browser.get("/users/" + onboarding.newAccount("eve-" + UUID.randomUUID()
                + "@example.com").userId() + "/edit");

        assertEquals(404, notFound.status());
        assertEquals("Page not found", notFound.html().selectFirst("h1").text());
        assertEquals(400, huge.status());
        assertEquals(404, otherAccount.status(), "another account's user is not found, exactly like no user");
        for (WebClient.Page page : List.of(notFound, huge, otherAccount)) {
            assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"));
            assertFalse(page.body().contains("Exception") || page.body().contains("at dev.billingportal"),
                    page.body());
        }
    }

    @Test
    void signInThrottlingIsTheSameForTheApiAndThePages() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/api/v1/auth/login", null, "{\"username\":\"" + ann.username()
                    + "\",\"password\":\"wrong password " + i + "\"}").status());
        }

        WebClient.Page throttled = new WebClient(api.base()).signIn(ann.username(), Onboarding.PASSWORD);

        assertEquals(429, throttled.status());
        assertTrue(throttled.header("Retry-After").isPresent());
        assertTrue(throttled.body().contains("Too many failed sign-in attempts."), throttled.body());
    }
}
