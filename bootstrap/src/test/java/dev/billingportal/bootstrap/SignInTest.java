package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestClock;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §4: invitations, login, sessions, throttling and password resets; the clock is the test's. */
@HelidonTest
@AddBean(TestClock.class)
class SignInTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private Api api;
    private Onboarding onboarding;

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
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private Api.Reply login(String username, String password) {
        return api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private Api.Reply setPassword(String path, String token, String password) {
        return api.post(path, null, "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void everyFailedSignInGetsTheSameAnswer() {
        Member ann = onboarding.newAccount(unique("ann"));
        String invited = unique("invited");
        onboarding.invite(ann, invited);
        Member deleted = onboarding.addMember(ann, unique("deleted"));
        assertEquals(204, api.send(api.request(ann.users() + "/" + deleted.userId(), ann.token()).DELETE()).status());

        List<Api.Reply> failures = List.of(
                login(unique("nobody"), Onboarding.PASSWORD),
                login(ann.username(), "not the right password"),
                login(invited, Onboarding.PASSWORD),
                login(deleted.username(), Onboarding.PASSWORD));

        for (Api.Reply failure : failures) {
            assertEquals(401, failure.status(), failure.body());
            assertEquals(failures.get(0).body(), failure.body(), "no answer tells which usernames exist");
            assertEquals("Bearer", failure.header("WWW-Authenticate").orElseThrow());
        }
    }

    @Test
    void aSessionIsABearerTokenForEightHoursUntilLogout() {
        Member ann = onboarding.newAccount(unique("ann"));
        Api.Reply login = login(ann.username(), Onboarding.PASSWORD);
        JsonObject body = login.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals(8 * 3600, body.getInt("expiresIn"));
        assertTrue(login.header("Cache-Control").orElseThrow().contains("no-store"), "tokens are never cached");
        String token = body.getString("accessToken");

        JsonObject me = api.get("/api/v1/me", token).json();
        assertEquals(ann.userId(), me.getJsonObject("user").getString("id"));
        assertEquals(ann.accountId(), me.getJsonObject("account").getString("id"));

        TestClock.CLOCK.advance(Duration.ofHours(8).minusSeconds(1));
        assertEquals(200, api.get("/api/v1/me", token).status());
        TestClock.CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(401, api.get("/api/v1/me", token).status(), "eight hours are up");

        String another = onboarding.logIn(ann.username(), Onboarding.PASSWORD);
        assertEquals(204, api.post("/api/v1/auth/logout", another, "").status());
        assertEquals(401, api.get("/api/v1/me", another).status(), "logged out");
        assertEquals(401, api.post("/api/v1/auth/logout", null, "").status());
    }

    @Test
    void fiveFailuresWithinFifteenMinutesThrottleThatUsernameForFifteenMinutes() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member bob = onboarding.addMember(ann, unique("bob"));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(ann.username(), "wrong password " + i).status());
            TestClock.CLOCK.advance(Duration.ofMinutes(1));
        }

        Api.Reply throttled = login(ann.username(), Onboarding.PASSWORD);
        assertEquals(429, throttled.status(), "even the right password waits");
        assertTrue(throttled.contentType().startsWith("application/problem+json"));
        assertEquals(900, Integer.parseInt(throttled.header("Retry-After").orElseThrow()), 60);
        assertEquals(200, login(bob.username(), Onboarding.PASSWORD).status(), "other usernames are not affected");
        String unknown = unique("ghost");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(unknown, "guess " + i).status());
        }
        assertEquals(429, login(unknown, "guess").status(), "unknown usernames are throttled alike");

        TestClock.CLOCK.advance(Duration.ofMinutes(15));
        assertEquals(200, login(ann.username(), Onboarding.PASSWORD).status(), "fifteen minutes later");
    }

    @Test
    void concurrentFailuresAreCountedExactly() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<CompletableFuture<Api.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int attempt = i;
            attempts.add(CompletableFuture.supplyAsync(() -> login(ann.username(), "wrong " + attempt), pool));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Reply> attempt : attempts) {
            statuses.add(attempt.get(120, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertEquals(5, statuses.stream().filter(status -> status == 401).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        TestClock.CLOCK.advance(Duration.ofMinutes(15));
    }

    @Test
    void anInvitationLinkWorksOnceAndForSevenDays() {
        Member ann = onboarding.newAccount(unique("ann"));
        String bob = unique("bob");
        onboarding.invite(ann, bob);
        String token = onboarding.latestToken(bob, "invitation");

        Api.Reply tooShort = setPassword("/api/v1/auth/invitations/accept", token, "short");
        assertEquals(400, tooShort.status());
        assertEquals("password", tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(204, setPassword("/api/v1/auth/invitations/accept", token, Onboarding.PASSWORD).status());
        Api.Reply again = setPassword("/api/v1/auth/invitations/accept", token, Onboarding.PASSWORD);
        assertEquals(400, again.status(), "used");
        assertEquals(200, login(bob, Onboarding.PASSWORD).status());

        String carol = unique("carol");
        onboarding.invite(ann, carol);
        String late = onboarding.latestToken(carol, "invitation");
        TestClock.CLOCK.advance(Duration.ofDays(7));
        Api.Reply expired = setPassword("/api/v1/auth/invitations/accept", late, Onboarding.PASSWORD);
        assertEquals(400, expired.status(), "expired");
        assertEquals(again.body(), expired.body(), "one message for used, expired and unknown");
        assertEquals(again.body(), setPassword("/api/v1/auth/invitations/accept",
                "Z".repeat(43), Onboarding.PASSWORD).body());
    }

    @Test
    void aPasswordResetWorksOnceForAnHourAndEndsEverySession() {
        Member ann = onboarding.newAccount(unique("ann"));
        Api.Reply unknown = api.post("/api/v1/auth/password-resets", null, "{\"username\":\"" + unique("nobody") + "\"}");
        Api.Reply known = api.post("/api/v1/auth/password-resets", null, "{\"username\":\"" + ann.username() + "\"}");
        assertEquals(202, unknown.status());
        assertEquals(202, known.status());
        assertEquals(unknown.body(), known.body(), "the same answer");
        String token = onboarding.latestToken(ann.username(), "password-reset");

        assertEquals(202, api.post("/api/v1/auth/password-resets", null,
                "{\"username\":\"" + ann.username() + "\"}").status());
        Await.never(Duration.ofSeconds(1), () -> onboarding.links(ann.username(), "password-reset").size() > 1,
                "a second reset mail came within the minute");

        assertEquals(204, setPassword("/api/v1/auth/password-resets/confirm", token, NEW_PASSWORD).status());
        assertEquals(401, api.get("/api/v1/me", ann.token()).status(), "the old session ended");
        assertEquals(401, login(ann.username(), Onboarding.PASSWORD).status(), "the old password is gone");
        assertEquals(200, login(ann.username(), NEW_PASSWORD).status());
        assertEquals(400, setPassword("/api/v1/auth/password-resets/confirm", token, "yet another password").status(),
                "the link worked once");

        TestClock.CLOCK.advance(Duration.ofMinutes(2));
        api.post("/api/v1/auth/password-resets", null, "{\"username\":\"" + ann.username() + "\"}");
        String late = onboarding.latestToken(ann.username(), "password-reset", 1);
        TestClock.CLOCK.advance(Duration.ofHours(1));
        assertEquals(400, setPassword("/api/v1/auth/password-resets/confirm", late, "one more new password").status(),
                "an hour later the link has expired");
    }

    @Test
    void tokensOnlyOpenTheirOwnSideOfTheApi() {
        Member ann = onboarding.newAccount(unique("ann"));

        assertEquals(403, api.get("/api/v1/operator/accounts/" + ann.accountId(), ann.token()).status());
        assertEquals(403, api.get("/api/v1/me", TestPortal.OPERATOR_TOKEN).status());
        assertEquals(403, api.get(ann.users(), TestPortal.OPERATOR_TOKEN).status());
        assertEquals(401, api.get("/api/v1/me", null).status());
        assertEquals(401, api.get("/api/v1/me", "made-up-token").status());

        Api.Reply zones = api.get("/api/v1/time-zones", null);
        assertEquals(200, zones.status(), "public");
        assertTrue(zones.body().contains("\"America/St_Johns\""));
    }
}
