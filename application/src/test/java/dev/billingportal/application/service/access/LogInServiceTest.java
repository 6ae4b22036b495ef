package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.out.PasswordHasher;
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

        assertThrows(AuthenticationFailed.class, () -> service.logIn("ann@example.com", "wrong password here"));
        List<String> known = List.copyOf(hasher.derivations);
        hasher.derivations.clear();
        assertThrows(AuthenticationFailed.class, () -> other.logIn("nobody@example.com", "wrong password here"));

        assertEquals(List.of("hash", "check"), known, "the decoy is made at the first attempt, whoever it is for");
        assertEquals(known, hasher.derivations);
    }

    @Test
    void laterAttemptsCheckOnceAndUnknownUsernamesStillCheck() {
        assertThrows(AuthenticationFailed.class, () -> service.logIn("nobody@example.com", "whatever it is"));
        hasher.derivations.clear();

        assertThrows(AuthenticationFailed.class, () -> service.logIn("nobody@example.com", "whatever it is"));

        assertEquals(List.of("check"), hasher.derivations);
    }
}
