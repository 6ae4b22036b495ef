package dev.billingportal.application.service.access;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.operator.ApiKey;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a token stands for: only the kinds the asking adapter accepts, and only while the session or key lives. */
class AuthenticateCallerServiceTest {
    private static final String OPERATOR_TOKEN = "operator-token-of-at-least-16";
    private static final Set<CallerKind> API = Set.of(CallerKind.INSTALLATION_KEY, CallerKind.API_KEY,
            CallerKind.API_SESSION);
    private static final Set<CallerKind> WEB = Set.of(CallerKind.WEB_SESSION);
    private static final Set<CallerKind> CONSOLE = Set.of(CallerKind.CONSOLE_SESSION);

    private final InMemoryPortal portal = new InMemoryPortal();
    private final AuthenticateCallerService service = service(Optional.of(OPERATOR_TOKEN));
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    private String session(SessionChannel channel) {
        String token = SecretTokens.generate();
        portal.stores.sessions().open(SecretTokens.hash(token), ann.id(), channel, portal.clock.instant(),
                portal.clock.instant().plus(SessionTimeouts.ABSOLUTE));
        return token;
    }

    private AuthenticateCallerService service(Optional<String> installationKey) {
        return new AuthenticateCallerService(installationKey, portal.stores.unitOfWork(), portal.stores.sessions(),
                portal.stores.sessions(), portal.stores.consoleSessions(), portal.stores.apiKeys(), Map.of(
                SessionChannel.WEB, SessionTimeouts.withIdle(Duration.ofMinutes(30)),
                SessionChannel.API, SessionTimeouts.withIdle(SessionTimeouts.ABSOLUTE)), InMemoryPortal.CONSOLE,
                portal.clock);
    }

    private Optional<Actor> authenticate(String token, Set<CallerKind> accepted) {
        return service.authenticate(new CallerToken(token, accepted));
    }

    @Test
    void theInstallationKeyIsAnAdministratorWhereItIsAcceptedAndNobodyOnceSwitchedOff() {
        assertEquals(Optional.of(Actor.INSTALLATION), authenticate(OPERATOR_TOKEN, API));
        assertEquals(OperatorRole.ADMIN, ((Actor.ProviderActor) authenticate(OPERATOR_TOKEN, API).orElseThrow()).role());
        String almost = OPERATOR_TOKEN.substring(0, OPERATOR_TOKEN.length() - 1);
        assertEquals(Optional.empty(), authenticate(almost, API), "one character short");
        assertEquals(Optional.empty(), authenticate(almost + "#", API), "the last character changed");
        assertEquals(Optional.empty(), authenticate(OPERATOR_TOKEN + "x", API), "one character more");
        assertEquals(Optional.empty(), service(Optional.empty()).authenticate(new CallerToken(OPERATOR_TOKEN, API)),
                "portal.operator.token=disabled");
    }

    @Test
    void aPortalOnlyAdapterNeverTakesTheOperatorToken() {
        assertEquals(Optional.empty(), authenticate(OPERATOR_TOKEN, WEB));
        assertEquals(Optional.empty(), authenticate(OPERATOR_TOKEN, CONSOLE));
    }

    @Test
    void anApiKeyIsItsNamedCallerWithItsRoleUntilRevokedOrExpired() {
        String key = portal.apiKey("Billing system", OperatorRole.BILLING, Optional.of(NOW.plus(Duration.ofDays(1))));
        Actor.ApiKeyActor caller = (Actor.ApiKeyActor) authenticate(key, API).orElseThrow();
        assertEquals("Billing system", caller.name());
        assertEquals(OperatorRole.BILLING, caller.role());
        assertEquals(Optional.empty(), authenticate(key, WEB), "the pages never take a key");
        assertEquals(Optional.empty(), authenticate(key, CONSOLE), "nor the console");
        assertEquals(Optional.empty(), authenticate(key + "x", API));

        portal.clock.set(NOW.plus(Duration.ofDays(1)));
        assertEquals(Optional.empty(), authenticate(key, API), "expired");

        String revoked = portal.apiKey("Old CRM", OperatorRole.SUPPORT, Optional.empty());
        ApiKey stored = portal.stores.apiKeys().all().stream().filter(k -> k.name().equals("Old CRM")).findFirst()
                .orElseThrow();
        stored.revoke(portal.clock.instant());
        portal.stores.apiKeys().update(stored);
        assertEquals(Optional.empty(), authenticate(revoked, API), "revoked");
    }

    @Test
    void aRotatedOutSecretWorksUntilItsGraceEnds() {
        String old = portal.apiKey("CI", OperatorRole.SUPPORT, Optional.empty());
        ApiKey key = portal.stores.apiKeys().all().get(0);
        String fresh = ApiKey.newSecret();
        portal.stores.apiKeys().rotate(key.id(), ApiKey.hash(fresh), NOW, NOW.plus(Duration.ofHours(2)));

        portal.clock.set(NOW.plus(Duration.ofHours(2)).minusSeconds(1));
        assertTrue(authenticate(old, API).isPresent(), "within the grace");
        assertTrue(authenticate(fresh, API).isPresent());
        portal.clock.set(NOW.plus(Duration.ofHours(2)));
        assertEquals(Optional.empty(), authenticate(old, API), "the grace is over");
        assertTrue(authenticate(fresh, API).isPresent());
    }

    @Test
    void anApiKeysUseIsWrittenDownAtMostOnceAMinute() {
        String key = portal.apiKey("CI", OperatorRole.SUPPORT, Optional.empty());
        authenticate(key, API);
        assertEquals(Optional.of(NOW), portal.stores.apiKeys().all().get(0).lastUsedAt());
        portal.clock.advance(Duration.ofSeconds(59));
        authenticate(key, API);
        assertEquals(Optional.of(NOW), portal.stores.apiKeys().all().get(0).lastUsedAt());
        portal.clock.advance(Duration.ofSeconds(1));
        authenticate(key, API);
        assertEquals(Optional.of(NOW.plusSeconds(60)), portal.stores.apiKeys().all().get(0).lastUsedAt());
    }

    @Test
    void aConsoleSessionIsTheOperatorOnlyOnTheConsoleAndOnlyOnceBothStepsAreDone() {
        Operator sam = portal.operator("Sam", OperatorRole.SUPPORT).operator();
        String session = portal.consoleSession(sam);
        assertEquals(Optional.of(InMemoryPortal.actor(sam, NOW)), authenticate(session, CONSOLE));
        assertEquals(Optional.empty(), authenticate(session, API), "the operator API never takes a console session");
        assertEquals(Optional.empty(), authenticate(session, WEB));

        String halfWay = SecretTokens.generate();
        portal.stores.consoleSessions().open(SecretTokens.hash(halfWay), sam.id(), ConsoleStage.SECOND_FACTOR, NOW,
                NOW.plus(ConsoleStage.HALF_WAY_LIFETIME), Optional.empty());
        assertEquals(Optional.empty(), authenticate(halfWay, CONSOLE), "the password alone opens nothing");
    }

    @Test
    void aConsoleSessionEndsAfterFifteenIdleMinutesAndADisabledOperatorsAtOnce() {
        Operator sam = portal.operator("Sam", OperatorRole.SUPPORT).operator();
        String session = portal.consoleSession(sam);
        portal.clock.advance(Duration.ofMinutes(14));
        assertTrue(authenticate(session, CONSOLE).isPresent());
        portal.clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), authenticate(session, CONSOLE), "15 idle minutes");

        Operator ada = portal.operator("Ada", OperatorRole.ADMIN).operator();
        String adas = portal.consoleSession(ada);
        ada.disable(portal.clock.instant());
        portal.stores.operators().update(ada);
        assertEquals(Optional.empty(), authenticate(adas, CONSOLE), "disabled: the session ends at once");
    }

    @Test
    void aSessionWorksOnlyInItsOwnChannel() {
        String api = session(SessionChannel.API);
        String web = session(SessionChannel.WEB);

        assertEquals(Optional.of(InMemoryPortal.actor(ann)), authenticate(api, API));
        assertEquals(Optional.empty(), authenticate(api, WEB), "an API token is no web session");
        assertEquals(Optional.of(InMemoryPortal.actor(ann)), authenticate(web, WEB));
        assertEquals(Optional.empty(), authenticate(web, API), "a web cookie is no API token");
    }

    @Test
    void aWebSessionEndsAfterThirtyIdleMinutesButUseKeepsItAlive() {
        String web = session(SessionChannel.WEB);
        portal.clock.advance(Duration.ofMinutes(29));
        assertTrue(authenticate(web, WEB).isPresent());
        portal.clock.advance(Duration.ofMinutes(29));
        assertTrue(authenticate(web, WEB).isPresent(), "29 minutes after its last use");

        portal.clock.advance(Duration.ofMinutes(30));

        assertEquals(Optional.empty(), authenticate(web, WEB), "30 idle minutes");
        assertEquals(0, portal.stores.sessions().count(), "a timed-out session is removed");
    }

    @Test
    void everySessionEndsEightHoursAfterSignInHoweverOftenItIsUsed() {
        String web = session(SessionChannel.WEB);
        String api = session(SessionChannel.API);
        for (int minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
            portal.clock.advance(Duration.ofMinutes(20));
            assertTrue(authenticate(web, WEB).isPresent());
        }
        portal.clock.set(NOW.plus(SessionTimeouts.ABSOLUTE).minusSeconds(1));
        assertTrue(authenticate(api, API).isPresent(), "an API token's idle limit is its lifetime by default");

        portal.clock.set(NOW.plus(SessionTimeouts.ABSOLUTE));

        assertEquals(Optional.empty(), authenticate(web, WEB));
        assertEquals(Optional.empty(), authenticate(api, API));
    }

    @Test
    void aUseIsRecordedAtMostOnceAMinute() {
        String web = session(SessionChannel.WEB);
        portal.clock.advance(Duration.ofSeconds(59));
        authenticate(web, WEB);
        assertEquals(NOW, portal.stores.sessions().find(SecretTokens.hash(web)).orElseThrow().lastUsedAt());

        portal.clock.advance(Duration.ofSeconds(1));
        authenticate(web, WEB);

        assertEquals(NOW.plusSeconds(60), portal.stores.sessions().find(SecretTokens.hash(web)).orElseThrow()
                .lastUsedAt());
    }

    @Test
    void aSessionInUseIsReadAloneAndAUnitOfWorkOpenedOnlyToRecordAUseOrEndIt() {
        String web = session(SessionChannel.WEB);
        int before = portal.stores.unitOfWork().commits();
        portal.clock.advance(Duration.ofSeconds(59));

        assertEquals(Optional.of(InMemoryPortal.actor(ann)), authenticate(web, WEB));
        assertEquals(Optional.empty(), authenticate(SecretTokens.generate(), WEB));
        assertEquals(before, portal.stores.unitOfWork().commits(), "nothing to write, no unit of work");

        portal.clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(InMemoryPortal.actor(ann)), authenticate(web, WEB));
        assertEquals(before + 1, portal.stores.unitOfWork().commits(), "a use recorded");

        portal.clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), authenticate(web, WEB));
        assertEquals(before + 2, portal.stores.unitOfWork().commits(), "a timed-out session removed");
        assertEquals(0, portal.stores.sessions().count());
    }

    @Test
    void unknownEmptyAndOverlongTokensAreNobody() {
        assertEquals(Optional.empty(), authenticate(SecretTokens.generate(), API));
        assertEquals(Optional.empty(), authenticate("", API));
        assertEquals(Optional.empty(), authenticate("x".repeat(513), API));
    }

    @Test
    void anInstallationKeyShorterThanSixteenCharactersIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> service(Optional.of("short")));
    }
}
