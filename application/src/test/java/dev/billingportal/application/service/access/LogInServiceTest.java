package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.InMemoryAuditLog;
import dev.billingportal.testing.InMemoryLoginThrottles;
import dev.billingportal.testing.InMemoryPortalUsers;
import dev.billingportal.testing.InMemorySessions;
import dev.billingportal.testing.InMemoryUnitOfWork;
import dev.billingportal.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoy hash that keeps unknown usernames as slow as known ones — and off the startup path. */
class LogInServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    /** Counts what a login costs: every derivation, whether it makes a hash or checks one. */
    private static final class CountingHasher implements PasswordHasher {
        final List<String> derivations = new ArrayList<>();

        @Override
        public String hash(String password) {
            derivations.add("hash");
            return "hashed:" + password;
        }

        @Override
        public boolean matches(String password, String encodedHash) {
            derivations.add("check");
            return encodedHash.equals("hashed:" + password);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final InMemoryPortalUsers users = new InMemoryPortalUsers();
    private final LogInService service = new LogInService(new InMemoryUnitOfWork(), users,
            new InMemoryLoginThrottles(), new InMemorySessions(users), hasher, new InMemoryAuditLog(),
            new MutableClock(NOW));

    private void activeUser(String username, String password) {
        PortalUser user = PortalUser.invite(PortalUserId.random(), AccountId.random(), new PortalUserProfile(
                Username.of(username), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Toronto"), false), NOW);
        user.choosePassword(hasher.hash(password), NOW);
        users.add(user);
        hasher.derivations.clear();
    }

    @Test
    void nothingIsDerivedUntilSomeoneSignsIn() {
        assertEquals(List.of(), hasher.derivations);
    }

    @Test
    void theFirstAttemptCostsTheSameWhetherTheUsernameExistsOrNot() {
        activeUser("ann@example.com", "correct horse battery staple");
        LogInService other = new LogInService(new InMemoryUnitOfWork(), users, new InMemoryLoginThrottles(),
                new InMemorySessions(users), hasher, new InMemoryAuditLog(), new MutableClock(NOW));

        assertThrows(AuthenticationFailed.class, () -> service.logIn(LogInCommand.of("ann@example.com", "wrong password here", SessionChannel.API)));
        List<String> known = List.copyOf(hasher.derivations);
        hasher.derivations.clear();
        assertThrows(AuthenticationFailed.class, () -> other.logIn(LogInCommand.of("nobody@example.com", "wrong password here", SessionChannel.API)));

        assertEquals(List.of("hash", "check"), known, "the decoy is made at the first attempt, whoever it is for");
        assertEquals(known, hasher.derivations);
    }

    @Test
    void laterAttemptsCheckOnceAndUnknownUsernamesStillCheck() {
        assertThrows(AuthenticationFailed.class, () -> service.logIn(LogInCommand.of("nobody@example.com", "whatever it is", SessionChannel.API)));
        hasher.derivations.clear();

        assertThrows(AuthenticationFailed.class, () -> service.logIn(LogInCommand.of("nobody@example.com", "whatever it is", SessionChannel.API)));

        assertEquals(List.of("check"), hasher.derivations);
    }

    @Test
    void aSignInOpensASessionOfTheCommandsChannelForEightHours() {
        InMemoryPortal portal = new InMemoryPortal();
        PortalUser ann = portal.active(portal.account(), "Ann", false);
        LogInService signIn = new LogInService(portal.stores.unitOfWork(), portal.stores.users(),
                portal.stores.throttles(), portal.stores.sessions(), InMemoryPortal.HASHER, portal.stores.auditLog(),
                portal.clock);

        SessionToken web = signIn.logIn(LogInCommand.of("Ann@Example.com", "correct horse battery", SessionChannel.WEB));

        Sessions.StoredSession session = portal.stores.sessions().find(SecretTokens.hash(web.token())).orElseThrow();
        assertEquals(SessionChannel.WEB, session.channel());
        assertEquals(ann.id(), session.owner().userId());
        assertEquals(InMemoryPortal.NOW.plus(Duration.ofHours(8)), session.expiresAt());
        assertEquals(Duration.ofHours(8), web.expiresIn());
    }

    @Test
    void theFifthFailureWithinFifteenMinutesLocksTheUsernameWhateverTheChannel() {
        InMemoryPortal portal = new InMemoryPortal();
        portal.active(portal.account(), "Ann", false);
        LogInService signIn = new LogInService(portal.stores.unitOfWork(), portal.stores.users(),
                portal.stores.throttles(), portal.stores.sessions(), InMemoryPortal.HASHER, portal.stores.auditLog(),
                portal.clock);
        for (int i = 0; i < 5; i++) {
            SessionChannel channel = i % 2 == 0 ? SessionChannel.WEB : SessionChannel.API;
            assertThrows(AuthenticationFailed.class, () -> signIn.logIn(LogInCommand.of("ann@example.com",
                    "wrong password", channel)));
            portal.clock.advance(Duration.ofMinutes(2));
        }

        assertThrows(TooManyAttempts.class, () -> signIn.logIn(LogInCommand.of("ann@example.com",
                "correct horse battery", SessionChannel.WEB)));
        portal.clock.advance(Duration.ofMinutes(15));
        signIn.logIn(LogInCommand.of("ann@example.com", "correct horse battery", SessionChannel.API));
    }
}
