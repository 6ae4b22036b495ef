package dev.billingportal.application.service.access;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a token stands for: only the kinds the asking adapter accepts, and only while the session lives. */
class AuthenticateCallerServiceTest {
    private static final String OPERATOR_TOKEN = "operator-token-of-at-least-16";
    private static final Set<CallerKind> API = Set.of(CallerKind.OPERATOR, CallerKind.API_SESSION);
    private static final Set<CallerKind> WEB = Set.of(CallerKind.WEB_SESSION);

    private final InMemoryPortal portal = new InMemoryPortal();
    private final AuthenticateCallerService service = new AuthenticateCallerService(OPERATOR_TOKEN,
            portal.stores.unitOfWork(), portal.stores.sessions(), Map.of(
            SessionChannel.WEB, SessionTimeouts.withIdle(Duration.ofMinutes(30)),
            SessionChannel.API, SessionTimeouts.withIdle(SessionTimeouts.ABSOLUTE)), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    private String session(SessionChannel channel) {
        String token = SecretTokens.generate();
        portal.stores.sessions().open(SecretTokens.hash(token), ann.id(), channel, portal.clock.instant(),
                portal.clock.instant().plus(SessionTimeouts.ABSOLUTE));
        return token;
    }

    private Optional<Actor> authenticate(String token, Set<CallerKind> accepted) {
        return service.authenticate(new CallerToken(token, accepted));
    }

    @Test
    void theOperatorTokenIsTheOperatorWhereOperatorsAreAccepted() {
        assertEquals(Optional.of(Actor.OPERATOR), authenticate(OPERATOR_TOKEN, API));
    }

    @Test
    void aPortalOnlyAdapterNeverTakesTheOperatorToken() {
        assertEquals(Optional.empty(), authenticate(OPERATOR_TOKEN, WEB));
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
    void unknownEmptyAndOverlongTokensAreNobody() {
        assertEquals(Optional.empty(), authenticate(SecretTokens.generate(), API));
        assertEquals(Optional.empty(), authenticate("", API));
        assertEquals(Optional.empty(), authenticate("x".repeat(513), API));
    }

    @Test
    void anOperatorTokenShorterThanSixteenCharactersIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new AuthenticateCallerService("short", portal.stores
                .unitOfWork(), portal.stores.sessions(), Map.of(), portal.clock));
    }
}
