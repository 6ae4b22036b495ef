package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the services rely on from {@code Deliveries}. */
class DeliveriesContractTest {

    static List<Delivery> record(Stores stores, Account account, NotificationKind kind, Instant at,
                                 PortalUser... recipients) {
        return record(stores, account, kind, at, Optional.empty(), recipients);
    }

    /** The same, for a bill run's posting when {@code billRun} names one. */
    static List<Delivery> record(Stores stores, Account account, NotificationKind kind, Instant at,
                                 Optional<BillRunId> billRun, PortalUser... recipients) {
        NotificationEvent event = new NotificationEvent(EventId.random(), kind, Optional.of(account.id()), at,
                Map.of(EventFacts.ACCOUNT_NAME, "Acme", EventFacts.AMOUNT, "12.34"));
        List<Delivery> deliveries = java.util.Arrays.stream(recipients)
                .map(recipient -> Delivery.pending(event, Recipient.of(recipient.id()), recipient.email())).toList();
        stores.unitOfWork().inTransaction(() -> stores.deliveries().record(event, deliveries, billRun));
        return deliveries;
    }

    private static long count(Stores stores, DeliveryStatus status) {
        return stores.unitOfWork().inTransaction(() -> stores.deliveries().countByStatus()).getOrDefault(status, 0L);
    }

    @EveryStore
    void aRecordedDeliveryIsFoundWithItsEventAndKeepsWhatHappensToIt(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        long sentBefore = count(stores, DeliveryStatus.SENT);
        Delivery delivery = record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW, ann).get(0);

        NotificationEvent event = stores.unitOfWork().inTransaction(() -> stores.deliveries()
                .event(delivery.eventId())).orElseThrow();
        assertEquals("12.34", event.fact(EventFacts.AMOUNT));
        assertEquals(NOW, event.occurredAt());

        stores.unitOfWork().inTransaction(() -> {
            Delivery locked = stores.deliveries().lockForDelivery(delivery.id()).orElseThrow();
            locked.attemptFailed("421 try again later");
            locked.sent(NOW.plusSeconds(20));
            stores.deliveries().update(locked);
        });

        Delivery read = stores.unitOfWork().inTransaction(() -> stores.deliveries().find(delivery.id())).orElseThrow();
        assertEquals(DeliveryStatus.SENT, read.status());
        assertEquals(2, read.attempts());
        assertEquals(NOW.plusSeconds(20), read.sentAt());
        assertEquals(ann.email(), read.recipientEmail());
        assertEquals(sentBefore + 1, count(stores, DeliveryStatus.SENT));
        assertEquals(sentBefore + 1, (long) stores.unitOfWork().inTransaction(() -> stores.deliveries()
                .count(DeliveryStatus.SENT)), "the one status counted alone agrees");
    }

    @EveryStore
    void theFailedOnesAreCountedAlone(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        PortalUser bob = user(stores, account, "bob", true);
        long failedBefore = stores.unitOfWork().inTransaction(() -> stores.deliveries().count(DeliveryStatus.FAILED));
        List<Delivery> deliveries = record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW, ann, bob);

        stores.unitOfWork().inTransaction(() -> {
            Delivery locked = stores.deliveries().lockForDelivery(deliveries.get(0).id()).orElseThrow();
            locked.failed("550 no such user", true);
            stores.deliveries().update(locked);
        });

        assertEquals(failedBefore + 1, (long) stores.unitOfWork().inTransaction(() -> stores.deliveries()
                .count(DeliveryStatus.FAILED)));
    }

    @EveryStore
    void eventsAreReadManyAtOnceByTheirIds(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        EventId first = record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW, ann).get(0).eventId();
        EventId second = record(stores, account, NotificationKind.USER_ADDED, NOW, ann).get(0).eventId();

        List<NotificationEvent> read = stores.unitOfWork().inTransaction(() -> stores.deliveries()
                .events(List.of(second, first, second, EventId.random())));

        assertEquals(java.util.Set.of(first, second), read.stream().map(NotificationEvent::id)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, read.size(), "each once, an unknown id skipped");
        assertEquals("12.34", read.get(0).fact(EventFacts.AMOUNT));
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() -> stores.deliveries().events(List.of())));
    }

    @EveryStore
    void anAccountsListShowsItsBillingNotificationsNewestFirstPageByPage(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        PortalUser bob = user(stores, account, "bob", true);
        record(stores, account, NotificationKind.INVITATION, NOW, bob);
        List<Delivery> older = record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW.plusSeconds(1), ann,
                bob);
        List<Delivery> newer = record(stores, account, NotificationKind.USER_ADDED, NOW.plusSeconds(2), ann);
        record(stores, account(stores), NotificationKind.TRANSACTION_POSTED, NOW.plusSeconds(3),
                user(stores, account(stores), "elsewhere", true));

        List<Delivery> first = stores.unitOfWork().inTransaction(() -> stores.deliveries().newestFirst(account.id(),
                Optional.empty(), 2));
        Delivery last = first.get(1);
        List<Delivery> rest = stores.unitOfWork().inTransaction(() -> stores.deliveries().newestFirst(account.id(),
                Optional.of(new Deliveries.Position(last.createdAt(), last.id().value())), 10));

        assertEquals(newer.get(0).id(), first.get(0).id());
        assertEquals(List.of(last.id(), rest.get(0).id()).stream().sorted(java.util.Comparator.comparing(Object::toString))
                .toList(), older.stream().map(Delivery::id).sorted(java.util.Comparator.comparing(Object::toString))
                .toList(), "the two of one event, once each; no invitation");
        assertEquals(1, rest.size());
    }

    @EveryStore
    void operatorsSeeDeliveriesByStatusAndARequeueIsANewOutboxEntry(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        Delivery delivery = record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW, ann).get(0);
        stores.unitOfWork().inTransaction(() -> {
            Delivery locked = stores.deliveries().lockForDelivery(delivery.id()).orElseThrow();
            locked.failed("550 no such user", true);
            stores.deliveries().update(locked);
        });

        List<Delivery> failed = stores.unitOfWork().inTransaction(() -> stores.deliveries().newestFirst(
                Optional.of(DeliveryStatus.FAILED), Optional.empty(), 200));
        assertTrue(failed.stream().anyMatch(found -> found.id().equals(delivery.id())
                && "550 no such user".equals(found.lastError())));
        assertTrue(failed.stream().allMatch(found -> found.status() == DeliveryStatus.FAILED));

        long waiting = stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished());
        stores.unitOfWork().inTransaction(() -> stores.deliveries().requeue(delivery.id(), NOW.plusSeconds(60)));
        assertEquals(waiting + 1, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()));
    }

    @EveryStore
    void aRecentMailOfAKindToARecipientIsKnown(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", false);
        record(stores, account, NotificationKind.PASSWORD_RESET, NOW, ann);

        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().recordedSince(Recipient.of(ann.id()),
                NotificationKind.PASSWORD_RESET, NOW)));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.deliveries().recordedSince(Recipient.of(ann.id()),
                NotificationKind.PASSWORD_RESET, NOW.plusMillis(1))));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.deliveries().recordedSince(Recipient.of(ann.id()),
                NotificationKind.INVITATION, NOW)));
    }

    /** A moment long before anything other tests record, and unlike any other run's: these tests' rows are the oldest. */
    private static Instant longAgo() {
        return NOW.minus(java.time.Duration.ofDays(4000))
                .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static void settle(Stores stores, Delivery delivery, boolean sent) {
        stores.unitOfWork().inTransaction(() -> {
            Delivery locked = stores.deliveries().lockForDelivery(delivery.id()).orElseThrow();
            if (sent) {
                locked.sent(NOW);
            } else {
                locked.failed("550 no such user", true);
            }
            stores.deliveries().update(locked);
        });
    }

    /** Marks the entries of {@code toPublish} published at {@code at} (claiming the oldest, releasing the others). */
    private static void publish(Stores stores, List<Delivery> toPublish, Instant at) {
        java.util.UUID relay = java.util.UUID.randomUUID();
        stores.unitOfWork().inTransaction(() -> {
            List<dev.billingportal.application.port.out.Outbox.Entry> claimed = stores.outbox().claim(relay, 1_000,
                    NOW.plus(java.time.Duration.ofDays(3650)), java.time.Duration.ofSeconds(30));
            java.util.Set<dev.billingportal.domain.notification.DeliveryId> ids = toPublish.stream().map(Delivery::id)
                    .collect(java.util.stream.Collectors.toSet());
            stores.outbox().markPublished(relay, claimed.stream().filter(e -> e.notification().filter(ids::contains).isPresent()).toList(),
                    at);
            stores.outbox().release(relay, claimed);
        });
    }

    @EveryStore
    void aPendingDeliveryWithNothingQueuedSinceTheCutOffIsStalled(Stores stores) {
        Instant past = longAgo();
        Account account = account(stores);
        Delivery inOutbox = record(stores, account, NotificationKind.TRANSACTION_POSTED, past,
                user(stores, account, "ann", true)).get(0);
        List<Delivery> published = record(stores, account, NotificationKind.TRANSACTION_POSTED, past.plusSeconds(1),
                user(stores, account, "bob", true), user(stores, account, "cy", true));
        publish(stores, published, past.plusSeconds(10));
        Delivery bob = published.get(0);
        Delivery cy = published.get(1);

        assertEquals(List.of(), stalled(stores, past.plusSeconds(10)), "published at the cut-off: maybe in flight");
        assertEquals(java.util.Set.of(bob.id(), cy.id()), java.util.Set.copyOf(stalled(stores, past.plusSeconds(11))),
                "an unpublished entry is not stalled: the relay will publish it");

        settle(stores, cy, true);
        assertEquals(List.of(bob.id()), stalled(stores, past.plusSeconds(11)), "a settled delivery never is");
        stores.unitOfWork().inTransaction(() -> stores.deliveries().requeue(bob.id(), past.plusSeconds(20)));
        assertEquals(List.of(), stalled(stores, past.plusSeconds(11)), "queued again");

        assertEquals(Map.of(inOutbox.id(), DeliveryStatus.PENDING, bob.id(), DeliveryStatus.PENDING, cy.id(),
                        DeliveryStatus.SENT),
                stores.unitOfWork().inTransaction(() -> stores.deliveries().statuses(List.of(inOutbox.id(), bob.id(),
                        cy.id(), dev.billingportal.domain.notification.DeliveryId.random()))));
        publish(stores, List.of(inOutbox, bob), past.plusSeconds(30));
        settle(stores, inOutbox, true);
        settle(stores, bob, true);
    }

    private static List<dev.billingportal.domain.notification.DeliveryId> stalled(Stores stores, Instant before) {
        return stores.unitOfWork().inTransaction(() -> stores.deliveries().lockStalled(before, 100)).stream()
                .map(Delivery::id).toList();
    }

    @EveryStore
    void settledDeliveriesWithTheirOutboxEntriesThenTheirEventsAreDeletedByAgeAndPendingOnesKept(Stores stores) {
        Instant past = longAgo();
        stores.unitOfWork().inTransaction(() -> {
            while (stores.deliveries().deleteSettledBefore(past, 500) > 0) {
                // older runs' rows
            }
        });
        Account account = account(stores);
        Delivery sent = record(stores, account, NotificationKind.TRANSACTION_POSTED, past,
                user(stores, account, "ann", true)).get(0);
        Delivery failed = record(stores, account, NotificationKind.TRANSACTION_POSTED, past.plusSeconds(1),
                user(stores, account, "bob", true)).get(0);
        Delivery pending = record(stores, account, NotificationKind.TRANSACTION_POSTED, past.plusSeconds(2),
                user(stores, account, "cy", true)).get(0);
        publish(stores, List.of(sent, failed, pending), past.plusSeconds(3));
        settle(stores, sent, true);
        settle(stores, failed, false);
        stores.unitOfWork().inTransaction(() -> stores.deliveries().requeue(failed.id(), past.plusSeconds(4)));

        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.deliveries().deleteSettledBefore(
                past.plusSeconds(5), 1)), "at most the limit");
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.deliveries().deleteSettledBefore(
                past.plusSeconds(5), 100)), "with its outbox entries, published or not");
        assertEquals(0, stores.unitOfWork().inTransaction(() -> stores.deliveries().deleteSettledBefore(
                past.plusSeconds(5), 100)), "a pending delivery is kept");
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().find(sent.id())).isEmpty());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().find(failed.id())).isEmpty());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().find(pending.id())).isPresent());

        assertEquals(2, stores.unitOfWork().inTransaction(() -> stores.deliveries().deleteEventsBefore(
                past.plusSeconds(5), 100)));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().event(sent.eventId())).isEmpty());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.deliveries().event(pending.eventId())).isPresent(),
                "an event with a delivery left stays");
        settle(stores, pending, true);
    }
}
