package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §3 rules 1 and 2: any user adds users, who are invited; a username is taken forever, in any case. */
class AddPortalUserServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final AddPortalUserService service = new AddPortalUserService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.invitations, portal.recorder, portal.webhooks,
                    portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", true);

    private static NewPortalUserInput bob(String username) {
        return new NewPortalUserInput(username, null, "Bob", "O'Brien", "America/Vancouver", true);
    }

    @Test
    void anAddedUserIsInvitedAndTheOthersWhoWantItAreTold() {
        PortalUser quiet = portal.active(account, "Quiet", false);

        PortalUser bob = service.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(),
                bob("bob@example.com")));

        assertEquals(UserStatus.INVITED, bob.status());
        assertEquals("bob@example.com", bob.email().value(), "the e-mail defaults to the username");
        assertEquals(List.of(Recipient.of(bob.id())), portal.deliveries(NotificationKind.INVITATION).stream()
                .map(Delivery::recipient).toList());
        assertEquals(List.of(Recipient.of(ann.id())), portal.deliveries(NotificationKind.USER_ADDED).stream()
                .map(Delivery::recipient).toList(), "not the added user, not " + quiet.username());
        assertEquals(List.of(AuditAction.USER_ADDED), portal.stores.auditLog().actions());
    }

    @Test
    void aUsernameThatExistsInAnyLetterCaseIsTakenAndNothingIsWritten() {
        service.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(), bob("bob@example.com")));
        int deliveries = portal.stores.deliveries().deliveries().size();

        assertThrows(UsernameTaken.class, () -> service.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann),
                account.id(), bob("BOB@Example.COM"))));
        assertThrows(UsernameTaken.class, () -> service.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann),
                account.id(), bob("ann@example.com"))));

        assertEquals(deliveries, portal.stores.deliveries().deliveries().size());
    }

    @Test
    void aUserOfAnotherAccountCannotAddHere() {
        Account other = portal.account();
        assertThrows(NotFound.class, () -> service.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann), other.id(),
                bob("bob@example.com"))));
        assertEquals(0, portal.stores.users().listByAccount(other.id(), true).size());
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> AddPortalUserCommand.of(
                InMemoryPortal.actor(ann), account.id(), new NewPortalUserInput("has space", "not-an-address",
                        "Bob\r\nBcc: x@example.com", "", "Mars/Olympus_Mons", null)));

        assertEquals(List.of("username", "email", "firstName", "lastName", "timeZone"),
                invalid.errors().stream().map(error -> error.field().toString()).toList());
    }

    @Test
    void withoutAnAddressTheUsernameMustBeOne() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> AddPortalUserCommand.of(
                InMemoryPortal.actor(ann), account.id(), new NewPortalUserInput("bob", null, "Bob", "Lee",
                        "America/Toronto", false)));

        assertEquals("email", invalid.errors().get(0).field().toString());
    }
}
