package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.activeUser;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.testing.Stores;
import java.time.Duration;
import java.util.Optional;

/** What the services rely on from {@code Sessions}. */
class SessionsContractTest {

    /** The session as a unit of work finds it, the same as read alone (every case here holds both). */
    private static Optional<Sessions.StoredSession> find(Stores stores, String hash) {
        Optional<Sessions.StoredSession> found = stores.unitOfWork().inTransaction(() -> stores.sessions().find(hash));
        assertEquals(found, stores.sessionReads().find(hash), "read outside a unit of work");
        return found;
    }

    @EveryStore
    void aSessionIsFoundWithItsOwnerChannelAndTimes(Stores stores) {
        Account account = account(stores);
        PortalUser ann = activeUser(stores, account, "ann");
        String hash = unique("hash");
        stores.unitOfWork().inTransaction(() -> stores.sessions().open(hash, ann.id(), SessionChannel.WEB, NOW,
                NOW.plus(Duration.ofHours(8))));

        Sessions.StoredSession session = find(stores, hash).orElseThrow();

        assertEquals(new Sessions.SessionOwner(ann.id(), account.id(), ann.username().value()), session.owner());
        assertEquals(SessionChannel.WEB, session.channel());
        assertEquals(NOW, session.lastUsedAt());
        assertEquals(NOW.plus(Duration.ofHours(8)), session.expiresAt());
        assertTrue(find(stores, unique("unknown")).isEmpty());
    }

    @EveryStore
    void aTouchRecordsTheLastUse(Stores stores) {
        PortalUser ann = activeUser(stores, account(stores), "ann");
        String hash = unique("hash");
        stores.unitOfWork().inTransaction(() -> stores.sessions().open(hash, ann.id(), SessionChannel.API, NOW,
                NOW.plus(Duration.ofHours(8))));

        stores.unitOfWork().inTransaction(() -> stores.sessions().touch(hash, NOW.plus(Duration.ofMinutes(7))));

        assertEquals(NOW.plus(Duration.ofMinutes(7)), find(stores, hash).orElseThrow().lastUsedAt());
        assertEquals(SessionChannel.API, find(stores, hash).orElseThrow().channel());
    }

    @EveryStore
    void aSessionOfAUserWhoIsNotActiveIsNotFound(Stores stores) {
        Account account = account(stores);
        PortalUser invited = user(stores, account, "invited", false);
        PortalUser deleted = activeUser(stores, account, "deleted");
        String invitedHash = unique("hash");
        String deletedHash = unique("hash");
        stores.unitOfWork().inTransaction(() -> {
            stores.sessions().open(invitedHash, invited.id(), SessionChannel.API, NOW, NOW.plusSeconds(3600));
            stores.sessions().open(deletedHash, deleted.id(), SessionChannel.WEB, NOW, NOW.plusSeconds(3600));
        });
        assertTrue(find(stores, deletedHash).isPresent());

        deleted.delete(PortalUserId.random(), NOW);
        stores.unitOfWork().inTransaction(() -> stores.users().update(deleted));

        assertTrue(find(stores, invitedHash).isEmpty(), "an invited user has no password to have signed in with");
        assertTrue(find(stores, deletedHash).isEmpty(), "a deleted user's session stops working at once");
    }

    @EveryStore
    void closingEndsOneSessionAndClosingAllEndsEveryOneOfTheUser(Stores stores) {
        Account account = account(stores);
        PortalUser ann = activeUser(stores, account, "ann");
        PortalUser bob = activeUser(stores, account, "bob");
        String one = unique("hash");
        String two = unique("hash");
        String bobs = unique("hash");
        stores.unitOfWork().inTransaction(() -> {
            stores.sessions().open(one, ann.id(), SessionChannel.API, NOW, NOW.plusSeconds(3600));
            stores.sessions().open(two, ann.id(), SessionChannel.WEB, NOW, NOW.plusSeconds(3600));
            stores.sessions().open(bobs, bob.id(), SessionChannel.WEB, NOW, NOW.plusSeconds(3600));
        });

        stores.unitOfWork().inTransaction(() -> stores.sessions().close(one));
        assertTrue(find(stores, one).isEmpty());
        assertTrue(find(stores, two).isPresent());

        stores.unitOfWork().inTransaction(() -> stores.sessions().closeAll(ann.id()));
        assertTrue(find(stores, two).isEmpty());
        assertTrue(find(stores, bobs).isPresent(), "another user's session is left alone");
    }

    @EveryStore
    void openingASessionClearsTheUsersExpiredOnes(Stores stores) {
        PortalUser ann = activeUser(stores, account(stores), "ann");
        String expired = unique("hash");
        String live = unique("hash");
        stores.unitOfWork().inTransaction(() -> {
            stores.sessions().open(expired, ann.id(), SessionChannel.API, NOW, NOW.plusSeconds(60));
            stores.sessions().open(live, ann.id(), SessionChannel.API, NOW, NOW.plusSeconds(3600));
        });

        stores.unitOfWork().inTransaction(() -> stores.sessions().open(unique("hash"), ann.id(), SessionChannel.WEB,
                NOW.plusSeconds(60), NOW.plusSeconds(7200)));

        assertTrue(find(stores, expired).isEmpty());
        assertTrue(find(stores, live).isPresent());
    }
}
