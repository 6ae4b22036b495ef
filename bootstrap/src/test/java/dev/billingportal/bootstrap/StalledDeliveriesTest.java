package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.in.messaging.NotificationListener;
import dev.billingportal.adapter.in.messaging.OutboxRelay;
import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.messaging.MessagingSettings;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.adapter.out.messaging.RetryPolicy;
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
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.service.account.CreateAccountService;
import dev.billingportal.application.service.notification.DeliverNotificationService;
import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.notification.RelayOutboxService;
import dev.billingportal.application.service.notification.SweepStalledDeliveriesService;
import dev.billingportal.application.service.notification.TidyDeadLettersService;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.RecordingMailer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a real database and broker when handling a message keeps crashing (the database failing the
 * worker, say): the broker dead-letters the message while its delivery is still PENDING. Without the sweeper it
 * would stay PENDING for ever; with it, the delivery is queued again and sent once the trouble is over — or FAILED
 * with the reason after its last try — and the dead-letter queue keeps only what operators must look at.
 */
class StalledDeliveriesTest {
    /** The broker gives a message 2 × 2 deliveries within ~0.3 s before dead-lettering it. */
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 2);
    private static final Duration STALLED_AFTER = Duration.ofSeconds(1);

    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    /** Which deliveries' handling crashes; at first, all. */
    private volatile Predicate<DeliveryId> crashes = id -> true;
    private final AtomicInteger handled = new AtomicInteger();
    private final RecordingMailer mailer = new RecordingMailer();
    private Database database;
    private Messaging messaging;
    private OutboxRelay relay;
    private NotificationListener listener;
    private JpaUnitOfWork unitOfWork;
    private Db db;

    @BeforeEach
    void start() {
        Path dir = TestPortal.newDataDir();
        database = Database.open(new DatabaseSettings("jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000",
                "sa", "", 10));
        db = new Db(database.dataSource());
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        messaging = Messaging.start(new MessagingSettings(MessagingSettings.Mode.EMBEDDED, null, null, null,
                dir.resolve("broker"), FAST, 2, null));
        relay = new OutboxRelay(new RelayOutboxService(unitOfWork, new JpaOutbox(unitOfWork), messaging.queue(), clock,
                100, Duration.ofSeconds(30)), Duration.ofMillis(100), 100);
        relay.start();
        DeliverNotificationService deliver = new DeliverNotificationService(unitOfWork, new JpaDeliveries(unitOfWork),
                new JpaPortalUsers(unitOfWork), new JpaOperators(unitOfWork, new SecretSeal(SecretSeal.newKey())),
                new MailComposer(JpaOneTimeTokens.ofPortalUsers(unitOfWork), JpaOneTimeTokens.ofOperators(unitOfWork),
                        "http://portal.test"),
                mailer, clock, FAST.maxAttempts());
        DeliverNotificationUseCase troubled = command -> {
            handled.incrementAndGet();
            if (crashes.test(command.delivery())) {
                throw new IllegalStateException("Connection to the database lost");
            }
            return deliver.deliver(command);
        };
        listener = new NotificationListener(messaging.connections(), troubled, 2);
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
        relay.close();
        messaging.close();
        database.close();
    }

    private SweepStalledDeliveriesService sweeper(int maxStalls) {
        return new SweepStalledDeliveriesService(unitOfWork, new JpaDeliveries(unitOfWork), relay::wakeUp, clock,
                STALLED_AFTER, maxStalls, 100);
    }

    private TidyDeadLettersService tidy() {
        return new TidyDeadLettersService(unitOfWork, new JpaDeliveries(unitOfWork), messaging.deadLetters(), 100);
    }

    private long deadLetters() {
        return messaging.embeddedBroker().orElseThrow().messageCount(Queues.DEAD_LETTERS);
    }

    private String status() {
        return db.strings("SELECT status FROM notification").get(0);
    }

    private void createAccount() {
        createAccount("ann@example.com");
    }

    private void createAccount(String username) {
        NotificationRecorder recorder = new NotificationRecorder(new JpaDeliveries(unitOfWork), unitOfWork,
                relay::wakeUp);
        new CreateAccountService(unitOfWork, new JpaAccounts(unitOfWork), new Invitations(new JpaPortalUsers(unitOfWork),
                recorder, new JpaAuditLog(unitOfWork)), new JpaAuditLog(unitOfWork), clock).create(Actor.INSTALLATION,
                new CreateAccountCommand(Optional.empty(),
                new AccountName("Acme"), CurrencyCode.CAD, new PortalUserProfile(Username.of(username), null,
                new PersonName("Ann"), new PersonName("Lee"), ZoneId.of("America/Toronto"), false)));
    }

    @Test
    void aDeliveryWhoseMessageWasDeadLetteredWhileItCrashedIsQueuedAgainAndSentOnce() {
        createAccount();
        Await.until(Duration.ofSeconds(20), () -> deadLetters() == 1, "the broker dead-letters the crashing message");
        assertEquals(FAST.brokerDeliveryAttempts(), handled.get(), "the broker's attempts, then the dead-letter queue");
        assertEquals("PENDING", status(), "nothing settled it");
        assertEquals(0, sweeper(3).sweepBatch(), "its message may still be in flight: left alone");

        crashes = id -> false; // the database is back
        SweepStalledDeliveriesService sweeper = sweeper(3);
        Await.until(Duration.ofSeconds(10), () -> sweeper.sweepBatch() == 1, "stalled once nothing was queued for "
                + STALLED_AFTER);
        Await.until(Duration.ofSeconds(10), () -> status().equals("SENT"), "queued again and sent");
        assertEquals(1, mailer.sent().size(), "one mail");
        assertEquals(List.of("1"), db.strings("SELECT stalls FROM notification"));

        assertEquals(1, deadLetters(), "the old copy is still there");
        assertEquals(1, tidy().tidy());
        assertEquals(0, deadLetters(), "its delivery is SENT: the copy goes");
    }

    /** R5: a poison message is dead-lettered after the broker's attempts, and the other mails do not wait for it. */
    @Test
    void aPoisonMessageIsDeadLetteredWhileTheOtherMailsGoOutAtOnce() {
        createAccount("poison@example.com");
        DeliveryId poison = new DeliveryId(java.util.UUID.fromString(db.strings("SELECT id FROM notification")
                .get(0)));
        crashes = poison::equals;
        List<Long> latencies = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long posted = System.nanoTime();
            int before = mailer.sent().size();
            createAccount("other-" + i + "@example.com");
            Await.until(Duration.ofSeconds(5), () -> mailer.sent().size() == before + 1, "mail " + i);
            latencies.add((System.nanoTime() - posted) / 1_000_000);
        }
        Await.until(Duration.ofSeconds(20), () -> deadLetters() == 1, "the poison message is dead-lettered");

        assertEquals(FAST.brokerDeliveryAttempts(), handled.get() - 5, "the poison's attempts, then no more");
        assertTrue(latencies.stream().allMatch(ms -> ms < 1_000), "the others' post-to-mail times (ms): " + latencies);
        assertEquals(List.of("PENDING"), db.strings("SELECT status FROM notification WHERE id = ?", poison.value()),
                "left to the sweeper");
        assertEquals(5, db.strings("SELECT status FROM notification WHERE status = 'SENT'").size());
    }

    @Test
    void aDeliveryThatStallsEveryTimeIsFailedWithTheReasonAndItsDeadLetterKept() {
        createAccount();
        SweepStalledDeliveriesService sweeper = sweeper(1);
        Await.until(Duration.ofSeconds(20), () -> deadLetters() == 1, "dead-lettered once");
        Await.until(Duration.ofSeconds(10), () -> sweeper.sweepBatch() == 1, "queued again");
        assertTrue(tidy().tidy() == 1, "the old copy of a delivery queued again goes");
        Await.until(Duration.ofSeconds(20), () -> deadLetters() == 1, "dead-lettered again");
        Await.until(Duration.ofSeconds(10), () -> sweeper.sweepBatch() == 1, "given up");

        assertEquals("FAILED", status());
        assertTrue(db.strings("SELECT last_error FROM notification").get(0).startsWith("Stalled: queued 2 times"));
        assertEquals(0, tidy().tidy(), "a FAILED delivery's message stays for operators");
        assertEquals(1, deadLetters());
        assertEquals(0, mailer.sent().size());
        assertEquals(0, sweeper.sweepBatch(), "settled");
    }
}
