package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaOutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private JpaDeliveries notifications;
    private JpaOutbox outbox;
    private JpaOneTimeTokens<PortalUserId> tokens;
    private Account account;
    private PortalUser user;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        notifications = new JpaDeliveries(unitOfWork);
        outbox = new JpaOutbox(unitOfWork);
        tokens = JpaOneTimeTokens.ofPortalUsers(unitOfWork);
        account = new Account(AccountId.random(), new AccountNumber("ACC-000001"), new AccountName("Acme <b>"),
                CurrencyCode.CAD, NOW);
        user = PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(
                Username.of("ann@example.com"), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Vancouver"), true), NOW);
        unitOfWork.inTransaction(() -> {
            new JpaAccounts(unitOfWork).add(account);
            new JpaPortalUsers(unitOfWork).add(user);
        });
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Delivery record(int i) {
        NotificationEvent event = new NotificationEvent(EventId.random(), NotificationKind.INVITATION, Optional.of(account.id()),
                NOW.plusSeconds(i), Map.of("accountName", "Acme <b>", "n", Integer.toString(i)));
        Delivery delivery = Delivery.pending(event, Recipient.of(user.id()), user.email());
        unitOfWork.inTransaction(() -> notifications.record(event, List.of(delivery)));
        return delivery;
    }

    @Test
    void entriesAreClaimedOldestFirstInBatchesAndOncePublishedNoMore() {
        List<Delivery> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(record(i));
        }
        assertEquals(Optional.of(NOW), unitOfWork.inTransaction(outbox::oldestUnpublished));

        java.util.UUID relay = java.util.UUID.randomUUID();
        List<Outbox.Entry> first = unitOfWork.inTransaction(() -> {
            List<Outbox.Entry> claimed = outbox.claim(relay, 3, NOW, Duration.ofSeconds(30));
            outbox.markPublished(relay, claimed, NOW);
            return claimed;
        });
        List<Outbox.Entry> rest = unitOfWork.inTransaction(() -> outbox.claim(relay, 10, NOW, Duration.ofSeconds(30)));

        assertEquals(recorded.subList(0, 3).stream().map(Delivery::id).toList(),
                first.stream().map(entry -> entry.notification().orElseThrow()).toList());
        assertEquals(recorded.subList(3, 5).stream().map(Delivery::id).toList(),
                rest.stream().map(entry -> entry.notification().orElseThrow()).toList());
    }

    @Test
    void aRolledBackRecordingLeavesNoEventNoDeliveryAndNoOutboxEntry() {
        NotificationEvent event = new NotificationEvent(EventId.random(), NotificationKind.INVITATION, Optional.of(account.id()),
                NOW, Map.of());
        Delivery delivery = Delivery.pending(event, Recipient.of(user.id()), user.email());
        try {
            unitOfWork.inTransaction(() -> {
                notifications.record(event, List.of(delivery));
                throw new IllegalStateException("the change failed after recording");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertTrue(unitOfWork.inTransaction(() -> outbox.claim(java.util.UUID.randomUUID(), 10, NOW,
                Duration.ofSeconds(30))).isEmpty());
        assertFalse(unitOfWork.inTransaction(() -> notifications.find(delivery.id())).isPresent());
        assertFalse(unitOfWork.inTransaction(() -> notifications.event(event.id())).isPresent());
    }

    @Test
    void factsAndDeliveryStateRoundTrip() {
        Delivery delivery = record(7);
        unitOfWork.inTransaction(() -> {
            Delivery locked = notifications.lockForDelivery(delivery.id()).orElseThrow();
            locked.attemptFailed("451 try later");
            notifications.update(locked);
        });

        Delivery read = unitOfWork.inTransaction(() -> notifications.find(delivery.id())).orElseThrow();
        NotificationEvent event = unitOfWork.inTransaction(() -> notifications.event(read.eventId())).orElseThrow();

        assertEquals(DeliveryStatus.PENDING, read.status());
        assertEquals(1, read.attempts());
        assertEquals("451 try later", read.lastError());
        assertEquals("Acme <b>", event.fact("accountName"));
        assertEquals("7", event.fact("n"));
    }

    @Test
    void aTokenWorksOnceEvenForConcurrentUsesAndNotAfterItExpires() throws Exception {
        unitOfWork.inTransaction(() -> tokens.replace(user.id(), TokenPurpose.INVITATION, "a".repeat(64),
                NOW.plus(Duration.ofDays(7)), NOW));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PortalUserId>>> uses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uses.add(pool.submit(() -> {
                start.await();
                return unitOfWork.inTransaction(() -> tokens.consume("a".repeat(64), TokenPurpose.INVITATION, NOW));
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Optional<PortalUserId>> use : uses) {
            if (use.get(30, TimeUnit.SECONDS).isPresent()) {
                granted++;
            }
        }
        pool.shutdown();
        assertEquals(1, granted);

        unitOfWork.inTransaction(() -> tokens.replace(user.id(), TokenPurpose.INVITATION, "b".repeat(64),
                NOW.plus(Duration.ofDays(7)), NOW));
        assertTrue(unitOfWork.inTransaction(() -> tokens.consume("b".repeat(64), TokenPurpose.PASSWORD_RESET, NOW))
                .isEmpty(), "a token only serves its own purpose");
        assertTrue(unitOfWork.inTransaction(() -> tokens.consume("b".repeat(64), TokenPurpose.INVITATION,
                NOW.plus(Duration.ofDays(7)))).isEmpty(), "expired at the end of its validity");
        assertEquals(Optional.of(user.id()), unitOfWork.inTransaction(() -> tokens.consume("b".repeat(64),
                TokenPurpose.INVITATION, NOW.plus(Duration.ofDays(7)).minusSeconds(1))));
    }
}
