package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.Stores;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** What the services rely on from {@code PortalUsers}. */
class PortalUsersContractTest {

    @EveryStore
    void aUserIsStoredAsAddedWithItsFirstVersion(Stores stores) {
        Account account = account(stores);
        PortalUser added = user(stores, account, "zoe", true);

        PortalUser found = stores.unitOfWork().inTransaction(() -> stores.users().find(added.id())).orElseThrow();

        assertEquals(added.version(), found.version());
        assertEquals(added.username(), found.username());
        assertEquals(added.email(), found.email());
        assertEquals("Zoë", found.firstName().value());
        assertEquals("Gagné-Tremblay", found.lastName().value());
        assertEquals(ZoneId.of("America/St_Johns"), found.timeZone());
        assertTrue(found.billingNotifications());
        assertEquals(UserStatus.INVITED, found.status());
        assertEquals(NOW, found.createdAt());
    }

    @EveryStore
    void aUsernameIsTakenInAnyLetterCaseInAnyAccountEvenWhenDeleted(Stores stores) {
        Account first = account(stores);
        Account second = account(stores);
        PortalUser taken = user(stores, first, "ann", false);
        String shouted = taken.username().value().toUpperCase(Locale.ROOT);

        assertThrows(UsernameTaken.class, () -> stores.unitOfWork().inTransaction(() -> stores.users().add(
                PortalUser.invite(PortalUserId.random(), second.id(), profile(shouted), NOW))));

        taken.delete(PortalUserId.random(), NOW);
        stores.unitOfWork().inTransaction(() -> stores.users().update(taken));
        assertThrows(UsernameTaken.class, () -> stores.unitOfWork().inTransaction(() -> stores.users().add(
                PortalUser.invite(PortalUserId.random(), second.id(), profile(taken.username().value()), NOW))));
        assertEquals(taken.id(), stores.unitOfWork().inTransaction(
                () -> stores.users().findByUsername(Username.of(shouted))).orElseThrow().id());
    }

    @EveryStore
    void anUpdateMovesTheVersionOnAndAStaleOneIsRefused(Stores stores) {
        PortalUser user = user(stores, account(stores), "bob", false);
        PortalUser stale = stores.unitOfWork().inTransaction(() -> stores.users().find(user.id())).orElseThrow();
        user.edit(new ProfileEdit(null, new PersonName("Robert"), user.lastName(), user.timeZone(), false), NOW);

        PortalUser saved = stores.unitOfWork().inTransaction(() -> stores.users().update(user));

        assertEquals(user.version() + 1, saved.version());
        assertEquals("Robert", saved.firstName().value());
        stale.edit(new ProfileEdit(null, new PersonName("Bobby"), stale.lastName(), stale.timeZone(), false), NOW);
        assertThrows(VersionMismatch.class, () -> stores.unitOfWork().inTransaction(() -> stores.users().update(stale)));
        assertEquals("Robert", stores.unitOfWork().inTransaction(() -> stores.users().find(user.id()))
                .orElseThrow().firstName().value());
    }

    @EveryStore
    void anAccountsUsersAreListedOldestFirstAndDeletedOnesOnlyWhenAskedFor(Stores stores) {
        Account account = account(stores);
        PortalUser first = user(stores, account, "first", false);
        PortalUser second = stores.unitOfWork().inTransaction(() -> stores.users().add(PortalUser.invite(
                PortalUserId.random(), account.id(), profile(ContractFixtures.unique("second") + "@example.com"),
                NOW.plusSeconds(60))));
        user(stores, account(stores), "elsewhere", false);
        first.delete(second.id(), NOW.plusSeconds(120));
        stores.unitOfWork().inTransaction(() -> stores.users().update(first));

        List<PortalUser> current = stores.unitOfWork().inTransaction(() -> stores.users().listByAccount(account.id(),
                false));
        List<PortalUser> all = stores.unitOfWork().inTransaction(() -> stores.users().listByAccount(account.id(),
                true));

        assertEquals(List.of(second.id()), current.stream().map(PortalUser::id).toList());
        assertEquals(List.of(first.id(), second.id()), all.stream().map(PortalUser::id).toList());
        assertEquals(UserStatus.DELETED, all.get(0).status());
        assertEquals(NOW.plusSeconds(120), all.get(0).deletedAt());
    }

    private static PortalUserProfile profile(String username) {
        return new PortalUserProfile(Username.of(username), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Toronto"), false);
    }
}
