package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.domain.user.Username;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaPortalUsersTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T08:00:00.123Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private JpaAccounts accounts;
    private JpaPortalUsers users;
    private Account account;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        accounts = new JpaAccounts(unitOfWork);
        users = new JpaPortalUsers(unitOfWork);
        account = new Account(AccountId.random(), new AccountNumber("ACC-000001"), new AccountName("Acme"),
                CurrencyCode.CAD, CREATED);
        unitOfWork.inTransaction(() -> accounts.add(account));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private PortalUser newUser(String username) {
        return PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(Username.of(username),
                null, new PersonName("Zoë"), new PersonName("Gagné-Tremblay"), ZoneId.of("America/Toronto"), true),
                CREATED);
    }

    @Test
    void aStoredUserReadsBackEqualIncludingTheExactInstant() {
        PortalUser user = newUser("zoe@example.com");
        PortalUser added = unitOfWork.inTransaction(() -> users.add(user));

        PortalUser read = unitOfWork.inTransaction(() -> users.find(user.id())).orElseThrow();

        assertEquals(added.version(), read.version(), "what add returns carries the stored version");
        assertEquals(CREATED, read.createdAt(), "instants survive a JVM zone far from UTC");
        assertEquals("Zoë", read.firstName().value());
        assertEquals("Gagné-Tremblay", read.lastName().value());
        assertEquals(new EmailAddress("zoe@example.com"), read.email());
        assertEquals(ZoneId.of("America/Toronto"), read.timeZone());
        assertTrue(read.billingNotifications());
    }

    @Test
    void theUniqueConstraintRefusesTheSameUsernameInAnotherCaseAsUsernameTaken() {
        unitOfWork.inTransaction(() -> users.add(newUser("alice@example.com")));

        assertThrows(UsernameTaken.class, () -> unitOfWork.inTransaction(() -> users.add(newUser("ALICE@example.COM"))));
        assertEquals(1, unitOfWork.inTransaction(() -> users.listByAccount(account.id(), true)).size());
    }

    @Test
    void concurrentAddsOfOneUsernameLetExactlyOneThrough() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> add = () -> {
                start.await();
                try {
                    unitOfWork.inTransaction(() -> users.add(newUser("race@example.com")));
                    return true;
                } catch (UsernameTaken taken) {
                    return false;
                }
            };
            results.add(pool.submit(add));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> result : results) {
            if (result.get(30, TimeUnit.SECONDS)) {
                successes++;
            }
        }
        pool.shutdown();
        assertEquals(1, successes);
    }

    @Test
    void anUpdateFromAStaleReadIsAVersionMismatch() {
        PortalUser user = newUser("bob@example.com");
        unitOfWork.inTransaction(() -> users.add(user));
        PortalUser first = unitOfWork.inTransaction(() -> users.find(user.id())).orElseThrow();
        PortalUser second = unitOfWork.inTransaction(() -> users.find(user.id())).orElseThrow();

        unitOfWork.inTransaction(() -> {
            first.edit(new ProfileEdit(null, new PersonName("Robert"), first.lastName(), first.timeZone(), false), CREATED);
            users.update(first);
        });

        assertThrows(VersionMismatch.class, () -> unitOfWork.inTransaction(() -> {
            second.edit(new ProfileEdit(null, new PersonName("Bobby"), second.lastName(), second.timeZone(), true), CREATED);
            users.update(second);
        }));
        PortalUser stored = unitOfWork.inTransaction(() -> users.find(user.id())).orElseThrow();
        assertEquals("Robert", stored.firstName().value());
        assertEquals(first.version() + 1, stored.version(), "one successful update, one version step");
    }

    /**
     * The account's users are read without registering them in the unit of work; a user changed earlier in the same
     * unit must still be read as changed, not as it was when the unit first saw it (the case of a deletion or a
     * change of preferences that then notifies the account's users).
     */
    @Test
    void theAccountsUsersReadInAUnitShowWhatTheUnitChangedBefore() {
        PortalUser kept = newUser("dora@example.com");
        PortalUser changed = newUser("erin@example.com");
        unitOfWork.inTransaction(() -> {
            users.add(kept);
            users.add(changed);
        });

        List<PortalUser> seen = unitOfWork.inTransaction(() -> {
            users.listByAccount(account.id(), false); // the unit has seen both as they were
            PortalUser current = users.find(changed.id()).orElseThrow();
            current.edit(new ProfileEdit(null, new PersonName("Erin"), current.lastName(), current.timeZone(), false),
                    CREATED);
            users.update(current);
            PortalUser deleting = users.find(kept.id()).orElseThrow();
            deleting.delete(null, CREATED);
            users.update(deleting);
            return users.listByAccount(account.id(), true);
        });

        PortalUser erin = seen.stream().filter(user -> user.id().equals(changed.id())).findFirst().orElseThrow();
        PortalUser dora = seen.stream().filter(user -> user.id().equals(kept.id())).findFirst().orElseThrow();
        assertEquals("Erin", erin.firstName().value());
        assertFalse(erin.billingNotifications(), "the changed preference, not the one first read");
        assertTrue(dora.isDeleted(), "the deletion made earlier in the unit");
        assertEquals(List.of(changed.id()), unitOfWork.inTransaction(() -> users.listByAccount(account.id(), false))
                .stream().map(PortalUser::id).toList());
    }

    @Test
    void aRolledBackUnitLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            users.add(newUser("carol@example.com"));
            throw new IllegalStateException("boom");
        }));

        assertFalse(unitOfWork.inTransaction(() -> users.findByUsername(Username.of("carol@example.com"))).isPresent());
    }
}
