package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import org.junit.jupiter.api.Test;

/** Spec §6: operators re-drive a failed delivery; only a failed one, so nothing is sent twice. */
class RetryNotificationServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final RetryNotificationService service = new RetryNotificationService(portal.stores.unitOfWork(),
            portal.stores.deliveries(), portal.stores.auditLog(), portal.relayWakeUps::incrementAndGet, portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.invited(account, "Ann", false);

    private Delivery invitation() {
        portal.stores.unitOfWork().inTransaction(() -> portal.recorder.invitation(account, ann, portal.clock.instant()));
        return portal.deliveries(NotificationKind.INVITATION).get(0);
    }

    @Test
    void aFailedDeliveryIsPendingAgainAndQueuedAnew() {
        Delivery delivery = invitation();
        delivery.failed("550 mailbox unavailable", true);
        portal.stores.deliveries().update(delivery);
        int queued = portal.stores.outbox().unpublishedEntries().size();

        service.retry(new RetryNotificationCommand(Actor.INSTALLATION, delivery.id()));

        assertEquals(DeliveryStatus.PENDING, portal.stores.deliveries().find(delivery.id()).orElseThrow().status());
        assertEquals(queued + 1, portal.stores.outbox().unpublishedEntries().size());
        assertEquals(2, portal.relayWakeUps.get(), "one for the invitation, one for the re-drive");
    }

    @Test
    void onlyAFailedDeliveryOnlyByAnOperator() {
        Delivery pending = invitation();

        assertThrows(StateConflict.class, () -> service.retry(new RetryNotificationCommand(Actor.INSTALLATION,
                pending.id())));
        assertThrows(AccessDenied.class, () -> service.retry(new RetryNotificationCommand(InMemoryPortal.actor(ann),
                pending.id())));
        assertThrows(NotFound.class, () -> service.retry(new RetryNotificationCommand(Actor.INSTALLATION,
                DeliveryId.random())));
    }
}
