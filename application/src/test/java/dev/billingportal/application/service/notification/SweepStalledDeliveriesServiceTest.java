package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pending delivery with nothing in flight is queued again a few times, then FAILED: none stays PENDING for ever. */
class SweepStalledDeliveriesServiceTest {
    private static final Duration STALLED_AFTER = Duration.ofMinutes(90);
    private final InMemoryPortal portal = new InMemoryPortal();
    private final SweepStalledDeliveriesService sweeper = new SweepStalledDeliveriesService(
            portal.stores.unitOfWork(), portal.stores.deliveries(), portal.relayWakeUps::incrementAndGet, portal.clock,
            STALLED_AFTER, 2, 10);
    private final Account account = portal.account();
    private final PortalUser ann = portal.invited(account, "Ann", false);

    private Delivery invitation() {
        portal.stores.unitOfWork().inTransaction(() -> portal.recorder.invitation(account, ann, portal.clock.instant()));
        return portal.deliveries(NotificationKind.INVITATION).get(0);
    }

    /** The relay hands everything waiting to the queue now. */
    private void publishAll() {
        UUID relay = UUID.randomUUID();
        Outbox outbox = portal.stores.outbox();
        outbox.markPublished(relay, outbox.claim(relay, 100, portal.clock.instant(), Duration.ofSeconds(30)),
                portal.clock.instant());
    }

    private Delivery reload(Delivery delivery) {
        return portal.stores.deliveries().find(delivery.id()).orElseThrow();
    }

    @Test
    void aDeliveryIsLeftAloneWhileItsMessageMayStillBeInFlightOrItWaitsInTheOutbox() {
        Delivery delivery = invitation();
        portal.clock.advance(STALLED_AFTER.multipliedBy(3));
        assertEquals(0, sweeper.sweepBatch(), "still in the outbox (the broker was down): the relay will publish it");

        publishAll();
        portal.clock.advance(STALLED_AFTER);
        assertEquals(0, sweeper.sweepBatch(), "published lately: the broker may still be redelivering it");
        assertEquals(DeliveryStatus.PENDING, reload(delivery).status());
    }

    @Test
    void aStalledDeliveryIsQueuedAgainAndTheRelayWoken() {
        Delivery delivery = invitation();
        publishAll();
        int wakeUps = portal.relayWakeUps.get();
        portal.clock.advance(STALLED_AFTER.plusMillis(1));

        assertEquals(1, sweeper.sweepBatch());

        assertEquals(1, portal.stores.outbox().unpublishedEntries().size(), "a new outbox entry");
        assertEquals(1, reload(delivery).stalls());
        assertEquals(wakeUps + 1, portal.relayWakeUps.get());
        assertEquals(0, sweeper.sweepBatch(), "queued: not stalled any more");
    }

    @Test
    void afterItsLastStallADeliveryIsFailedWithTheReasonAndNotQueuedAgain() {
        Delivery delivery = invitation();
        for (int round = 0; round < 2; round++) {
            publishAll();
            portal.clock.advance(STALLED_AFTER.plusMillis(1));
            assertEquals(1, sweeper.sweepBatch());
        }
        publishAll();
        portal.clock.advance(STALLED_AFTER.plusMillis(1));

        assertEquals(1, sweeper.sweepBatch());

        Delivery failed = reload(delivery);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertTrue(failed.lastError().startsWith("Stalled: queued 3 times"), failed.lastError());
        assertEquals(List.of(), portal.stores.outbox().unpublishedEntries());
        assertEquals(0, sweeper.sweepBatch(), "FAILED is settled: operators may re-drive it");
    }

    @Test
    void settledDeliveriesAreNeverSwept() {
        Delivery delivery = invitation();
        publishAll();
        delivery.sent(portal.clock.instant());
        portal.stores.deliveries().update(delivery);
        portal.clock.advance(STALLED_AFTER.multipliedBy(2));

        assertEquals(0, sweeper.sweepBatch());
        assertEquals(DeliveryStatus.SENT, reload(delivery).status());
    }
}
