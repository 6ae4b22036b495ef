package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.persistence.Database;
import dev.billingportal.adapter.out.persistence.DatabaseSettings;
import dev.billingportal.adapter.out.persistence.JpaAccounts;
import dev.billingportal.adapter.out.persistence.JpaAuditLog;
import dev.billingportal.adapter.out.persistence.JpaDeliveries;
import dev.billingportal.adapter.out.persistence.JpaOneTimeTokens;
import dev.billingportal.adapter.out.persistence.JpaOperators;
import dev.billingportal.adapter.out.persistence.JpaOutbox;
import dev.billingportal.adapter.out.persistence.JpaPortalUsers;
import dev.billingportal.adapter.out.persistence.JpaUnitOfWork;
import dev.billingportal.adapter.out.persistence.SecretSeal;
import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.application.service.account.CreateAccountService;
import dev.billingportal.application.service.notification.DeliverNotificationService;
import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.notification.RelayOutboxService;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services on the real database: a change that fails after writing its outbox entry leaves nothing
 * to send, two workers handed the same delivery at the same moment send one mail, and a relay frozen in the middle
 * of publishing holds up no other relay.
 */
class DeliveryConsistencyTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private final List<DeliveryId> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @BeforeEach
    void open() {
        Path dir = TestPortal.newDataDir();
        database = Database.open(new DatabaseSettings("jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000",
                "sa", "", 10));
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CreateAccountService createAccount(Deliveries notifications) {
        NotificationRecorder recorder = new NotificationRecorder(notifications, unitOfWork, wakeUps::incrementAndGet);
        return new CreateAccountService(unitOfWork, new JpaAccounts(unitOfWork),
                new Invitations(new JpaPortalUsers(unitOfWork), recorder, new JpaAuditLog(unitOfWork)),
                new JpaAuditLog(unitOfWork), clock);
    }

    private RelayOutboxService relay() {
        return new RelayOutboxService(unitOfWork, new JpaOutbox(unitOfWork),
                (ids, webhooks) -> published.addAll(ids), clock, 100, LEASE);
    }

    private static CreateAccountCommand command(String username) {
        return new CreateAccountCommand(Optional.empty(), new AccountName("Acme"), CurrencyCode.CAD,
                new PortalUserProfile(Username.of(username), null, new PersonName("Ann"), new PersonName("Lee"),
                        ZoneId.of("America/Toronto"), false));
    }

    /** Records the event and its outbox entry, then fails — as a commit can, after everything was written. */
    private Deliveries failingAfterRecording(Deliveries real) {
        return (Deliveries) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Deliveries.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("record")) {
                        throw new IllegalStateException("the transaction fails after the outbox was written");
                    }
                    return result;
                });
    }

    @Test
    void aChangeThatFailsAfterWritingItsOutboxEntrySendsNothing() {
        Deliveries real = new JpaDeliveries(unitOfWork);

        assertThrows(IllegalStateException.class,
                () -> createAccount(failingAfterRecording(real)).create(Actor.INSTALLATION, command("rolled-back@example.com")));

        Db db = new Db(database.dataSource());
        assertEquals(0, db.count("account"));
        assertEquals(0, db.count("notification"));
        assertEquals(0, db.count("outbox_entry"));
        assertEquals(0, relay().relayBatch(), "nothing to publish");
        assertTrue(published.isEmpty());
        assertEquals(0, wakeUps.get(), "the relay is not even woken for a rolled-back change");

        createAccount(real).create(Actor.INSTALLATION, command("committed@example.com"));
        assertEquals(1, wakeUps.get(), "a committed change wakes the relay");
        assertEquals(1, relay().relayBatch());
    }

    @Test
    void twoWorkersHandedTheSameDeliveryAtOnceSendOneMail() throws Exception {
        AccountCreated created = createAccount(new JpaDeliveries(unitOfWork)).create(Actor.INSTALLATION, command("race@example.com"));
        relay().relayBatch();
        DeliveryId delivery = published.get(0);
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        Mailer slowMailer = (OutgoingMail mail) -> {
            inside.countDown();
            sleep(300); // the other worker arrives while this one is sending
            sent.incrementAndGet();
        };
        DeliverNotificationService deliver = new DeliverNotificationService(unitOfWork, new JpaDeliveries(unitOfWork),
                new JpaPortalUsers(unitOfWork), new JpaOperators(unitOfWork, new SecretSeal(SecretSeal.newKey())),
                new MailComposer(JpaOneTimeTokens.ofPortalUsers(unitOfWork), JpaOneTimeTokens.ofOperators(unitOfWork),
                        "http://portal.test"),
                slowMailer, clock, 5);

        ExecutorService workers = Executors.newFixedThreadPool(2);
        Future<DeliveryOutcome> first = workers.submit(() -> deliver.deliver(new DeliverNotificationCommand(delivery, 1)));
        inside.await(10, TimeUnit.SECONDS);
        Future<DeliveryOutcome> second = workers.submit(() -> deliver.deliver(new DeliverNotificationCommand(delivery, 1)));
        List<DeliveryOutcome> outcomes = new ArrayList<>(List.of(first.get(30, TimeUnit.SECONDS),
                second.get(30, TimeUnit.SECONDS)));
        workers.shutdown();

        assertEquals(1, sent.get(), "one mail");
        assertTrue(outcomes.contains(DeliveryOutcome.SENT) && outcomes.contains(DeliveryOutcome.NOTHING_TO_DO),
                outcomes.toString());
        Db db = new Db(database.dataSource());
        assertEquals(List.of("SENT"), db.strings("SELECT status FROM notification WHERE id = ?", delivery.value()));
        assertEquals(created.firstUser().id().value(), UUID.fromString(
                db.strings("SELECT recipient_user_id FROM notification WHERE id = ?", delivery.value()).get(0)));
    }

    @Test
    void aFrozenRelayBlocksNoOtherRelayAndItsEntriesAreTakenOverWhenItsLeaseRunsOut() throws Exception {
        MutableClock time = new MutableClock(clock.instant());
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch thaw = new CountDownLatch(1);
        RelayOutboxService frozen = new RelayOutboxService(unitOfWork, new JpaOutbox(unitOfWork), (ids, webhooks) -> {
            publishing.countDown();
            try {
                thaw.await(30, TimeUnit.SECONDS); // a broker that stopped answering
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, time, 100, LEASE);
        RelayOutboxService other = new RelayOutboxService(unitOfWork, new JpaOutbox(unitOfWork),
                (ids, webhooks) -> published.addAll(ids),
                time, 100, LEASE);
        JpaDeliveries deliveries = new JpaDeliveries(unitOfWork);
        AccountCreated held = createAccount(deliveries).create(Actor.INSTALLATION, command("held@example.com"));
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> stuck = relays.submit(frozen::relayBatch);
            assertTrue(publishing.await(10, TimeUnit.SECONDS), "the frozen relay claimed its batch");

            AccountCreated later = createAccount(deliveries).create(Actor.INSTALLATION, command("later@example.com"));
            // Holding a lock across the publish, the other relay would wait here for the database's lock timeout.
            assertEquals(1, relays.submit(other::relayBatch).get(5, TimeUnit.SECONDS),
                    "the other relay publishes what is free at once");
            Db db = new Db(database.dataSource());
            assertEquals(List.of(later.firstUser().id().value().toString()), db.strings("SELECT recipient_user_id"
                    + " FROM notification WHERE id = ?", published.get(0).value()));
            assertEquals(0, other.relayBatch(), "the frozen relay's entries stay its own during its lease");

            time.advance(LEASE);
            assertEquals(1, other.relayBatch(), "taken over when the lease runs out");
            assertEquals(List.of(held.firstUser().id().value().toString()), db.strings("SELECT recipient_user_id"
                    + " FROM notification WHERE id = ?", published.get(1).value()));
            thaw.countDown();
            assertEquals(1, stuck.get(10, TimeUnit.SECONDS), "the frozen relay finishes (a duplicate the workers drop)");
            assertEquals(0, db.count("outbox_entry WHERE published_at IS NULL"));
        } finally {
            thaw.countDown();
            relays.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
