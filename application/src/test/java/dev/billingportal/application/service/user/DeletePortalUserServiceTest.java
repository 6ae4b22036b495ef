package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §3 rules 4 and 5: a deletion is a tombstone that ends the user's sessions at once; never oneself. */
class DeletePortalUserServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final DeletePortalUserService service = new DeletePortalUserService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.stores.sessions(), portal.stores.tokens(),
            portal.recorder, portal.webhooks, portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", true);

    @Test
    void aDeletedUsersSessionsAndLinksEndAndTheOthersAreTold() {
        PortalUser bob = portal.active(account, "Bob", true);
        portal.stores.sessions().open("bobs-session", bob.id(), SessionChannel.WEB, portal.clock.instant(),
                portal.clock.instant().plusSeconds(3600));
        portal.stores.tokens().replace(bob.id(), TokenPurpose.PASSWORD_RESET, "bobs-link",
                portal.clock.instant().plusSeconds(3600), portal.clock.instant());

        service.delete(new PortalUserCommand(InMemoryPortal.actor(ann), account.id(), bob.id()));

        PortalUser tombstone = portal.reload(bob);
        assertEquals(UserStatus.DELETED, tombstone.status());
        assertEquals(portal.clock.instant(), tombstone.deletedAt());
        assertTrue(portal.stores.sessions().find("bobs-session").isEmpty());
        assertTrue(portal.stores.tokens().consume("bobs-link", TokenPurpose.PASSWORD_RESET, portal.clock.instant())
                .isEmpty());
        assertEquals(List.of(Recipient.of(ann.id())), portal.deliveries(NotificationKind.USER_DELETED).stream()
                .map(Delivery::recipient).toList(), "the deleted user is not told");
        assertEquals(List.of(AuditAction.USER_DELETED), portal.stores.auditLog().actions());
        assertThrows(NotFound.class, () -> service.delete(new PortalUserCommand(InMemoryPortal.actor(ann),
                account.id(), bob.id())), "gone from the account's users");
    }

    @Test
    void nobodyDeletesThemselfAndNothingChanges() {
        CannotDeleteOwnUser refused = assertThrows(CannotDeleteOwnUser.class, () -> service.delete(
                new PortalUserCommand(InMemoryPortal.actor(ann), account.id(), ann.id())));

        assertEquals("You cannot delete your own Billing Portal user.", refused.getMessage());
        assertEquals(UserStatus.ACTIVE, portal.reload(ann).status());
        assertEquals(List.of(), portal.stores.auditLog().actions());
        assertEquals(List.of(), portal.deliveries(NotificationKind.USER_DELETED));
    }

    @Test
    void aUserOfAnotherAccountIsNotFound() {
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> service.delete(new PortalUserCommand(InMemoryPortal.actor(ann),
                account.id(), stranger.id())));
        assertEquals(UserStatus.ACTIVE, portal.reload(stranger).status());
    }
}
