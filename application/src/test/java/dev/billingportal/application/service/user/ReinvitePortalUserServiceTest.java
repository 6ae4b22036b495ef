package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Resend invitation": a new link for an invited user, and the old one stops working at once. */
class ReinvitePortalUserServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final ReinvitePortalUserService service = new ReinvitePortalUserService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.stores.tokens(), portal.recorder,
            portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    @Test
    void anInvitedUserGetsANewInvitationAndTheOldLinkEnds() {
        PortalUser bob = portal.invited(account, "Bob", false);
        portal.stores.tokens().replace(bob.id(), TokenPurpose.INVITATION, "old-link",
                portal.clock.instant().plusSeconds(3600), portal.clock.instant());

        service.reinvite(new PortalUserCommand(InMemoryPortal.actor(ann), account.id(), bob.id()));

        assertTrue(portal.stores.tokens().consume("old-link", TokenPurpose.INVITATION, portal.clock.instant())
                .isEmpty());
        assertEquals(List.of(Recipient.of(bob.id())), portal.deliveries(NotificationKind.INVITATION).stream()
                .map(Delivery::recipient).toList());
        assertEquals(List.of(AuditAction.USER_REINVITED), portal.stores.auditLog().actions());
    }

    @Test
    void anActiveUserIsNotInvitedAgain() {
        PortalUser bob = portal.active(account, "Bob", false);

        assertThrows(StateConflict.class, () -> service.reinvite(new PortalUserCommand(InMemoryPortal.actor(ann),
                account.id(), bob.id())));
        assertEquals(List.of(), portal.deliveries(NotificationKind.INVITATION));
    }
}
