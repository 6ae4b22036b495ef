package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.access.RequestPasswordResetCommand;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A reset link goes to active users only, at most one a minute, and the answer never says which (spec §4). */
class RequestPasswordResetServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final RequestPasswordResetService service = new RequestPasswordResetService(portal.stores.unitOfWork(),
            portal.stores.users(), portal.stores.accounts(), portal.stores.deliveries(), portal.recorder,
            portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();

    @Test
    void anActiveUserGetsAResetMailWhateverTheLetterCaseTyped() {
        PortalUser ann = portal.active(account, "Ann", false);

        service.request(RequestPasswordResetCommand.of("  ANN@example.com "));

        assertEquals(1, portal.deliveries(NotificationKind.PASSWORD_RESET).size());
        assertEquals(Recipient.of(ann.id()), portal.deliveries(NotificationKind.PASSWORD_RESET).get(0).recipient());
        assertEquals(1, portal.relayWakeUps.get());
    }

    @Test
    void unknownInvitedAndMalformedUsernamesGetNothingAndNoError() {
        portal.invited(account, "Bob", false);

        service.request(RequestPasswordResetCommand.of("bob@example.com"));
        service.request(RequestPasswordResetCommand.of("nobody@example.com"));
        service.request(RequestPasswordResetCommand.of("not a username"));

        assertEquals(0, portal.deliveries(NotificationKind.PASSWORD_RESET).size());
    }

    @Test
    void oneMailAMinuteAtMost() {
        portal.active(account, "Ann", false);
        service.request(RequestPasswordResetCommand.of("ann@example.com"));
        portal.clock.advance(Duration.ofSeconds(59));
        service.request(RequestPasswordResetCommand.of("ann@example.com"));
        assertEquals(1, portal.deliveries(NotificationKind.PASSWORD_RESET).size());

        portal.clock.advance(Duration.ofSeconds(2));
        service.request(RequestPasswordResetCommand.of("ann@example.com"));

        assertEquals(2, portal.deliveries(NotificationKind.PASSWORD_RESET).size());
    }

    @Test
    void theUsernameMustBeGiven() {
        InvalidInput missing = assertThrows(InvalidInput.class, () -> RequestPasswordResetCommand.of(null));
        assertEquals("username", missing.errors().get(0).field().toString());
    }
}
