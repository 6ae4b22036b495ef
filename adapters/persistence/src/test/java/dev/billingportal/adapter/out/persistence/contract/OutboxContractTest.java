package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.util.List;
import java.util.Optional;

/** What the relay relies on from {@code Outbox}. */
class OutboxContractTest {

    /** Publishes whatever other tests left, so that this one sees its own entries only. */
    private static void drain(Stores stores) {
        for (int round = 0; round < 1_000; round++) {
            boolean empty = stores.unitOfWork().inTransaction(() -> {
                List<Outbox.Entry> entries = stores.outbox().claimUnpublished(500);
                stores.outbox().markPublished(entries, NOW);
                return entries.isEmpty();
            });
            if (empty) {
                return;
            }
        }
        throw new IllegalStateException("the outbox did not drain");
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

        List<Outbox.Entry> claimed = stores.unitOfWork().inTransaction(() -> {
            List<Outbox.Entry> entries = stores.outbox().claimUnpublished(2);
            stores.outbox().markPublished(entries, NOW.plusSeconds(10));
            return entries;
        });

        assertEquals(first.get(0).id(), claimed.get(0).notificationId(), "the oldest first");
        assertTrue(second.stream().anyMatch(delivery -> delivery.id().equals(claimed.get(1).notificationId())));
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()));
        assertEquals(Optional.of(NOW.plusSeconds(5)),
                stores.unitOfWork().inTransaction(() -> stores.outbox().oldestUnpublished()));
        drain(stores);
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.outbox().oldestUnpublished()));
    }
}
