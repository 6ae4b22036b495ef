package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.notification.NotificationStatsQuery;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What was e-mailed to whom: the account's billing notifications, the operators' failed list, the metrics. */
class NotificationQueryServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final NotificationQueryService service = new NotificationQueryService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.deliveries(), portal.stores.outbox(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", true);

    private void posted() {
        portal.stores.unitOfWork().inTransaction(() -> portal.recorder.billing(NotificationKind.TRANSACTION_POSTED,
                account, Map.of(), Optional.empty(), portal.stores.users().listByAccount(account.id(), false),
                portal.clock.instant()));
    }

    @Test
    void anAccountSeesItsBillingNotificationsButNotItsInvitations() {
        portal.stores.unitOfWork().inTransaction(() -> portal.recorder.invitation(account, ann, portal.clock.instant()));
        posted();

        List<Delivery> seen = service.list(InMemoryPortal.actor(ann), account.id(), PageRequest.first(10)).items();

        assertEquals(List.of(NotificationKind.TRANSACTION_POSTED), seen.stream().map(Delivery::kind).toList());
        assertThrows(NotFound.class, () -> service.list(InMemoryPortal.actor(ann), portal.account().id(),
                PageRequest.first(10)));
    }

    @Test
    void operatorsListFailedDeliveriesAndPortalUsersCannot() {
        posted();
        Delivery failed = portal.deliveries(NotificationKind.TRANSACTION_POSTED).get(0);
        failed.failed("550 no such user", true);
        portal.stores.deliveries().update(failed);
        posted();

        List<Delivery> listed = service.list(Actor.INSTALLATION, Optional.of(DeliveryStatus.FAILED), PageRequest.first(10))
                .items();

        assertEquals(List.of(failed.id()), listed.stream().map(Delivery::id).toList());
        assertThrows(AccessDenied.class, () -> service.list(InMemoryPortal.actor(ann), Optional.empty(),
                PageRequest.first(10)));
    }

    @Test
    void theStatsCountStatusesAndTheOutboxLag() {
        posted();
        portal.clock.advance(Duration.ofSeconds(42));

        NotificationStatsQuery.Stats stats = service.stats();

        assertEquals(1, stats.pending());
        assertEquals(0, stats.sent());
        assertEquals(1, stats.unpublished());
        assertEquals(Duration.ofSeconds(42), stats.outboxLag());
    }
}
