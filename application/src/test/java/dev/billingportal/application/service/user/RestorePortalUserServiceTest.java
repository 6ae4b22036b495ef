package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §3 rule 6: support restores a deleted user, active again if they had a password, else invited anew. */
class RestorePortalUserServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final RestorePortalUserService service = new RestorePortalUserService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.recorder, portal.webhooks,
                    portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    private PortalUser deleted(PortalUser user) {
        PortalUser current = portal.reload(user);
        current.delete(ann.id(), portal.clock.instant());
        return portal.stores.users().update(current);
    }

    @Test
    void aUserWhoHadAPasswordComesBackActiveWithoutAMail() {
        PortalUser bob = deleted(portal.active(account, "Bob", false));

        PortalUser restored = service.restore(new PortalUserCommand(Actor.INSTALLATION, account.id(), bob.id()));

        assertEquals(UserStatus.ACTIVE, restored.status());
        assertEquals(null, restored.deletedAt());
        assertEquals(List.of(), portal.deliveries(NotificationKind.INVITATION));
    }

    @Test
    void aUserWhoNeverChoseAPasswordComesBackInvitedWithAFreshInvitation() {
        PortalUser bob = deleted(portal.invited(account, "Bob", false));

        PortalUser restored = service.restore(new PortalUserCommand(Actor.INSTALLATION, account.id(), bob.id()));

        assertEquals(UserStatus.INVITED, restored.status());
        assertEquals(List.of(Recipient.of(bob.id())), portal.deliveries(NotificationKind.INVITATION).stream()
                .map(Delivery::recipient).toList());
    }

    @Test
    void onlySupportRestoresAndOnlyADeletedUser() {
        PortalUser bob = deleted(portal.active(account, "Bob", false));

        assertThrows(AccessDenied.class, () -> service.restore(new PortalUserCommand(InMemoryPortal.actor(ann),
                account.id(), bob.id())));
        assertEquals(UserStatus.DELETED, portal.reload(bob).status());
        assertThrows(StateConflict.class, () -> service.restore(new PortalUserCommand(Actor.INSTALLATION, account.id(),
                ann.id())));
    }
}
