package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** OWASP API4: a flood from one session, or one address, is answered 429 with Retry-After, and others go on. */
@HelidonTest
class RateLimitTest {
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT);
    /** A session: 15 at once, then one a second; the address: 60 at once, then 4 a second. */
    private static final int SESSION_BURST = 15;
    private static final int ADDRESS_BURST = 60;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of(
                "portal.rate-limit.per-session", Integer.toString(SESSION_BURST * 4),
                "portal.rate-limit.per-address", Integer.toString(ADDRESS_BURST * 4)));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Test
    void aFloodIsRefusedWithRetryAfterPerSessionThenPerAddressAndHealthChecksStillPass() throws Exception {
        Api api = Api.ofRunningServer();
        Onboarding onboarding = new Onboarding(api, new ScriptedInbox(() -> SMTP));
        Member ann = onboarding.newAccount("ann-" + UUID.randomUUID() + "@example.com");
        String other = onboarding.logIn(ann.username(), Onboarding.PASSWORD);

        int passed = 0;
        Api.Reply refused = null;
        for (int i = 0; i < SESSION_BURST * 2 && refused == null; i++) {
            Api.Reply reply = api.get("/api/v1/me", ann.token());
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertEquals(200, reply.status(), reply.body());
                passed++;
            }
        }
        assertTrue(refused != null, "the session's flood was refused");
        // The session was used once at sign-in; a request or two may have been refilled meanwhile.
        assertTrue(passed >= SESSION_BURST - 2 && passed <= SESSION_BURST + 2, passed + " passed");
        assertEquals("application/problem+json", refused.header("Content-Type").orElseThrow());
        assertEquals(429, refused.json().getInt("status"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        assertEquals(200, api.get("/api/v1/me", other).status(), "another session of the same user goes on");
        Thread.sleep(retryAfter * 1000L);
        assertEquals(200, api.get("/api/v1/me", ann.token()).status(), "and this one again after the wait");

        Api.Reply page = null;
        for (int i = 0; i < ADDRESS_BURST * 2 && page == null; i++) {
            Api.Reply reply = api.get("/sign-in", null);
            if (reply.status() == 429) {
                page = reply;
            }
        }
        assertTrue(page != null, "the address's flood of pages was refused");
        assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("Too many requests") && page.body().contains("Trop de requêtes"));
        assertTrue(page.header("Retry-After").isPresent());
        // The address's allowance refills at 4 a second: of 10 requests sent at once, a refill may let one or two pass,
        // a fresh allowance would let all 10.
        int apiRefused = 0;
        int forgedRefused = 0;
        for (int i = 0; i < 10; i++) {
            apiRefused += api.get("/api/v1/me", other).status() == 429 ? 1 : 0;
            forgedRefused += api.send(api.request("/sign-in", null).header("X-Forwarded-For", "203.0.113." + i))
                    .status() == 429 ? 1 : 0;
        }
        assertTrue(apiRefused >= 7, "the address's limit covers the API too: " + apiRefused + " of 10 refused");
        assertTrue(forgedRefused >= 7, "no proxy is trusted here, so X-Forwarded-For picks no other allowance: "
                + forgedRefused + " of 10 refused");
        assertEquals(200, api.get("/health/ready", null).status(), "health checks are never limited");
    }
}
