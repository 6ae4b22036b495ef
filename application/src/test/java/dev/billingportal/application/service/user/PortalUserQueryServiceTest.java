package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manage Users' list: deleted users are gone for customers; support sees them when it asks. */
class PortalUserQueryServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PortalUserQueryService service = new PortalUserQueryService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users());
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);
    private final PortalUser bob = portal.active(account, "Bob", false);

    private void deleteBob() {
        PortalUser deleted = portal.reload(bob);
        deleted.delete(ann.id(), portal.clock.instant());
        portal.stores.users().update(deleted);
    }

    @Test
    void deletedUsersAreListedForOperatorsWhoAskOnly() {
        deleteBob();

        assertEquals(List.of(ann.id()), ids(service.list(InMemoryPortal.actor(ann), account.id(), true)),
                "a portal user's includeDeleted is ignored");
        assertEquals(List.of(ann.id()), ids(service.list(Actor.INSTALLATION, account.id(), false)));
        assertEquals(List.of(ann.id(), bob.id()), ids(service.list(Actor.INSTALLATION, account.id(), true)));
        assertThrows(NotFound.class, () -> service.get(InMemoryPortal.actor(ann), account.id(), bob.id()));
    }

    @Test
    void meIsTheSignedInUserAndTheirAccountWhileTheyMaySignIn() {
        assertEquals(ann.id(), service.me(InMemoryPortal.actor(ann)).user().id());
        assertEquals(account, service.me(InMemoryPortal.actor(ann)).account());

        deleteBob();
        assertThrows(AuthenticationFailed.class, () -> service.me(InMemoryPortal.actor(bob)));
    }

    @Test
    void anotherAccountIsNotFound() {
        Account other = portal.account();
        assertThrows(NotFound.class, () -> service.list(InMemoryPortal.actor(ann), other.id(), false));
        assertThrows(NotFound.class, () -> service.list(Actor.INSTALLATION,
                new dev.billingportal.domain.account.AccountId(PortalUserId.random().value()), false));
    }

    private static List<PortalUserId> ids(List<PortalUser> users) {
        return users.stream().map(PortalUser::id).toList();
    }
}
