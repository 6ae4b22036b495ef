package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What the relay relies on from {@code Outbox}: oldest first, leases that keep relays apart, cleanup. */
class OutboxContractTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Past every lease any test takes: a drain claims everything left. */
    private static final Instant LATER = NOW.plus(Duration.ofDays(3650));

    /** Publishes whatever other tests left, so that this one sees its own entries only. */
    private static void drain(Stores stores) {
        UUID relay = UUID.randomUUID();
        for (int round = 0; round < 1_000; round++) {
            boolean empty = stores.unitOfWork().inTransaction(() -> {
                List<Outbox.Entry> entries = stores.outbox().claim(relay, 500, LATER, LEASE);
                stores.outbox().markPublished(relay, entries, NOW);
                return entries.isEmpty();
            });
            if (empty) {
                return;
            }
        }
        throw new IllegalStateException("the outbox did not drain");
    }

    private static List<Outbox.Entry> claim(Stores stores, UUID relay, int limit, Instant now) {
        return stores.unitOfWork().inTransaction(() -> stores.outbox().claim(relay, limit, now, LEASE));
    }

    private static int markPublished(Stores stores, UUID relay, List<Outbox.Entry> entries, Instant now) {
        return stores.unitOfWork().inTransaction(() -> stores.outbox().markPublished(relay, entries, now));
    }

    private static List<DeliveryId> deliveries(List<Outbox.Entry> entries) {
        return entries.stream().map(entry -> entry.notification().orElseThrow()).toList();
    }

    /**
     * A bill run's mails wait for the run: none is claimed while it posts, and then they come after every other
     * mail, however much older they are — a password reset does not queue behind a month's invoices.
     */
    @EveryStore
    void aBillRunsMailsWaitUntilTheRunIsPostedAndThenComeAfterEveryOtherMail(Stores stores) {
        drain(stores);
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        PortalUser bob = user(stores, account, "bob", true);
        BillRun run = BillRun.validating(BillRunId.random(), new ActorRef(ActorKind.INSTALLATION, Optional.empty(),
                "Installation key"), NOW);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().add(run));
        run.validated(2, List.of(), NOW);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().update(run));
        List<Delivery> ofTheRun = new ArrayList<>();
        ofTheRun.addAll(DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW,
                Optional.of(run.id()), ann, bob));
        ofTheRun.addAll(DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED,
                NOW.plusSeconds(1), Optional.of(run.id()), ann, bob));
        List<Delivery> single = DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED,
                NOW.plusSeconds(2), ann);

        UUID relay = UUID.randomUUID();
        List<Outbox.Entry> whilePosting = claim(stores, relay, 10, NOW.plusSeconds(3));
        assertEquals(List.of(single.getFirst().id()), deliveries(whilePosting), "only the mail of no run");
        assertEquals(5, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()),
                "the run's mails are waiting, not lost");
        markPublished(stores, relay, whilePosting, NOW.plusSeconds(3));
        assertEquals(List.of(), claim(stores, relay, 10, NOW.plusSeconds(4)), "nothing of the run while it posts");

        stores.unitOfWork().inTransaction(() -> {
            BillRun locked = stores.billRuns().lock(run.id()).orElseThrow();
            locked.progressed(2, 0, NOW.plusSeconds(5));
            stores.billRuns().update(locked);
        });
        List<Delivery> later = DeliveriesContractTest.record(stores, account, NotificationKind.USER_ADDED,
                NOW.plusSeconds(6), ann);
        List<Outbox.Entry> first = claim(stores, relay, 1, NOW.plusSeconds(7));
        assertEquals(List.of(later.getFirst().id()), deliveries(first), "a newer mail of no run goes first");
        List<Outbox.Entry> rest = claim(stores, relay, 10, NOW.plusSeconds(7));
        assertEquals(ofTheRun.stream().map(Delivery::id).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(deliveries(rest)), "then the run's, once it is posted");
        assertEquals(deliveries(rest).subList(0, 2).stream().collect(java.util.stream.Collectors.toSet()),
                ofTheRun.subList(0, 2).stream().map(Delivery::id).collect(java.util.stream.Collectors.toSet()),
                "the run's in the order they were written");
        markPublished(stores, relay, first, NOW.plusSeconds(8));
        markPublished(stores, relay, rest, NOW.plusSeconds(8));
    }

    @EveryStore
    void entriesAreClaimedOldestFirstAndGoneOncePublished(Stores stores) {
        drain(stores);
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        PortalUser bob = user(stores, account, "bob", true);
        List<Delivery> first = DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED,
                NOW, ann);
        List<Delivery> second = DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED,
                NOW.plusSeconds(5), ann, bob);

        assertEquals(3, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()));
        assertEquals(Optional.of(NOW), stores.unitOfWork().inTransaction(() -> stores.outbox().oldestUnpublished()));

        UUID relay = UUID.randomUUID();
        List<Outbox.Entry> claimed = claim(stores, relay, 2, NOW);
        assertEquals(2, markPublished(stores, relay, claimed, NOW.plusSeconds(10)));

        assertEquals(Optional.of(first.get(0).id()), claimed.get(0).notification(), "the oldest first");
        assertTrue(second.stream().anyMatch(delivery -> claimed.get(1).notification().equals(Optional.of(delivery.id()))));
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()));
        assertEquals(Optional.of(NOW.plusSeconds(5)),
                stores.unitOfWork().inTransaction(() -> stores.outbox().oldestUnpublished()));
        assertEquals(0, markPublished(stores, relay, claimed, NOW.plusSeconds(11)), "published once only");
        drain(stores);
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.outbox().oldestUnpublished()));
    }

    @EveryStore
    void aLiveClaimKeepsItsEntriesFromOtherRelaysUntilItsLeaseRunsOut(Stores stores) {
        drain(stores);
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        List<Delivery> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recorded.addAll(DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED,
                    NOW.plusSeconds(i), ann));
        }
        UUID frozen = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        List<Outbox.Entry> held = claim(stores, frozen, 2, NOW);
        List<Outbox.Entry> rest = claim(stores, other, 10, NOW.plusSeconds(1));
        assertEquals(deliveries(held), recorded.subList(0, 2).stream().map(Delivery::id).toList());
        assertEquals(List.of(recorded.get(2).id()), deliveries(rest), "the other relay takes only what is free");
        assertEquals(List.of(), claim(stores, other, 10, NOW.plus(LEASE).minusMillis(1)), "held until the lease ends");

        List<Outbox.Entry> takenOver = claim(stores, other, 10, NOW.plus(LEASE));
        assertEquals(deliveries(held), deliveries(takenOver), "claimable again when the lease runs out");
        assertEquals(0, markPublished(stores, frozen, held, NOW.plus(LEASE).plusSeconds(1)),
                "the frozen relay no longer holds them");
        assertEquals(2, markPublished(stores, other, takenOver, NOW.plus(LEASE).plusSeconds(1)));
        assertEquals(1, markPublished(stores, other, rest, NOW.plus(LEASE).plusSeconds(1)));
        assertEquals(0L, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()));
    }

    @EveryStore
    void releasedEntriesAreClaimableAtOnceButOnlyTheirHolderReleasesThem(Stores stores) {
        drain(stores);
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW, ann);
        UUID relay = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<Outbox.Entry> held = claim(stores, relay, 10, NOW);

        stores.unitOfWork().inTransaction(() -> stores.outbox().release(other, held));
        assertEquals(List.of(), claim(stores, other, 10, NOW.plusSeconds(1)), "not released by another relay");
        stores.unitOfWork().inTransaction(() -> stores.outbox().release(relay, held));
        assertEquals(deliveries(held), deliveries(claim(stores, other, 10, NOW.plusSeconds(1))));
    }

    @EveryStore
    void relaysClaimingAtOnceNeverHoldOneEntryTwice(Stores stores) throws Exception {
        drain(stores);
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        Set<DeliveryId> recorded = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW.plusMillis(i), ann)
                    .forEach(delivery -> recorded.add(delivery.id()));
        }
        ExecutorService relays = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<DeliveryId>>> claims = new ArrayList<>();
        try {
            for (int r = 0; r < 4; r++) {
                claims.add(relays.submit(() -> {
                    UUID relay = UUID.randomUUID();
                    List<DeliveryId> mine = new ArrayList<>();
                    start.await();
                    for (int round = 0; round < 100; round++) {
                        List<Outbox.Entry> batch = claim(stores, relay, 7, NOW.plusSeconds(1));
                        if (batch.isEmpty()) {
                            return mine;
                        }
                        mine.addAll(deliveries(batch));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<DeliveryId> all = new ArrayList<>();
            for (Future<List<DeliveryId>> claim : claims) {
                all.addAll(claim.get(60, TimeUnit.SECONDS));
            }
            assertEquals(recorded.size(), all.size(), "each entry claimed once: " + all.size());
            assertEquals(recorded, new HashSet<>(all));
        } finally {
            relays.shutdownNow();
        }
    }

    @EveryStore
    void onlyEntriesPublishedBeforeTheCutOffAreDeleted(Stores stores) {
        drain(stores);
        stores.unitOfWork().inTransaction(() -> {
            while (stores.outbox().deletePublishedBefore(LATER, 500) > 0) {
                // what other tests left
            }
        });
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", true);
        for (int i = 0; i < 3; i++) {
            DeliveriesContractTest.record(stores, account, NotificationKind.TRANSACTION_POSTED, NOW.plusSeconds(i), ann);
        }
        UUID relay = UUID.randomUUID();
        markPublished(stores, relay, claim(stores, relay, 1, NOW), NOW.plusSeconds(10));
        markPublished(stores, relay, claim(stores, relay, 1, NOW), NOW.plusSeconds(20));

        assertEquals(0, stores.unitOfWork().inTransaction(() -> stores.outbox().deletePublishedBefore(
                NOW.plusSeconds(10), 100)));
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.outbox().deletePublishedBefore(
                NOW.plusSeconds(21), 1)), "at most the limit");
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.outbox().deletePublishedBefore(
                NOW.plusSeconds(21), 100)));
        assertEquals(1L, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()),
                "an unpublished entry is never deleted");
    }
}
