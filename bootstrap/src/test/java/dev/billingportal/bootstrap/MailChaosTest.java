package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.in.messaging.NotificationListener;
import dev.billingportal.adapter.in.messaging.OutboxRelay;
import dev.billingportal.adapter.out.mail.MailSettings;
import dev.billingportal.adapter.out.mail.Mailers;
import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.messaging.MessagingSettings;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.adapter.out.messaging.RetryPolicy;
import dev.billingportal.adapter.out.persistence.Database;
import dev.billingportal.adapter.out.persistence.DatabaseSettings;
import dev.billingportal.adapter.out.persistence.JpaAccounts;
import dev.billingportal.adapter.out.persistence.JpaDeliveries;
import dev.billingportal.adapter.out.persistence.JpaOneTimeTokens;
import dev.billingportal.adapter.out.persistence.JpaOperators;
import dev.billingportal.adapter.out.persistence.JpaOutbox;
import dev.billingportal.adapter.out.persistence.JpaPortalUsers;
import dev.billingportal.adapter.out.persistence.JpaUnitOfWork;
import dev.billingportal.adapter.out.persistence.SecretSeal;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.service.notification.DeliverNotificationService;
import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.notification.RelayOutboxService;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.ScriptedSmtpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R8: 10 000 events while the mail server fails about one mail in ten at random — half greylisted (451 at RCPT TO),
 * half losing the connection after the data, before it answers. The real pipeline (outbox, relay, broker, workers,
 * the SMTP mailer and its pooled connections) ends with every delivery SENT, each mail accepted exactly once, nothing
 * PENDING or dead-lettered. The seed is printed: a failure can be replayed with the same faults.
 */
class MailChaosTest {
    private static final int EVENTS = 10_000;
    private static final double FAULT_RATE = 0.10;
    private static final long SEED = 20261201L;
    /** Fast backoff, and enough attempts that ten failures in a row (odds 1e-10 each) never happen. */
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 10);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: (<[^>]+>)");

    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private ScriptedSmtpServer smtp;
    private Database database;
    private Messaging messaging;
    private OutboxRelay relay;
    private NotificationListener listener;
    private Mailer mailer;
    private JpaUnitOfWork unitOfWork;
    private Db db;

    @BeforeEach
    void start() {
        Path dir = TestPortal.newDataDir();
        smtp = new ScriptedSmtpServer().chaos(FAULT_RATE, SEED);
        database = Database.open(new DatabaseSettings("jdbc:h2:file:" + dir.resolve("db")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "", 20));
        db = new Db(database.dataSource());
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        messaging = Messaging.start(new MessagingSettings(MessagingSettings.Mode.EMBEDDED, null, null, null,
                dir.resolve("broker"), RETRY, 8, null));
        relay = new OutboxRelay(new RelayOutboxService(unitOfWork, new JpaOutbox(unitOfWork), messaging.queue(), clock,
                100, Duration.ofSeconds(30)), Duration.ofMillis(200), 100);
        relay.start();
        mailer = Mailers.create(new MailSettings(MailSettings.Transport.SMTP, "billing@portal.test", dir.resolve("mail"),
                "127.0.0.1", smtp.port(), null, null, false, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), "portal.test"), clock);
        listener = new NotificationListener(messaging.connections(), new DeliverNotificationService(unitOfWork,
                new JpaDeliveries(unitOfWork), new JpaPortalUsers(unitOfWork),
                new JpaOperators(unitOfWork, new SecretSeal(SecretSeal.newKey())),
                new MailComposer(JpaOneTimeTokens.ofPortalUsers(unitOfWork), JpaOneTimeTokens.ofOperators(unitOfWork),
                        "http://portal.test"), mailer, clock,
                RETRY.maxAttempts()), 8);
        listener.start();
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        relay.close();
        messaging.close();
        if (mailer instanceof AutoCloseable closeable) {
            closeable.close();
        }
        database.close();
        smtp.close();
    }

    private static PortalUser active(Account account, String name, boolean notifications) {
        PortalUser user = PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(
                Username.of(name + "@example.com"), null, new PersonName(name), new PersonName("Tremblay"),
                ZoneId.of("America/Toronto"), notifications), Clock.systemUTC().instant());
        user.choosePassword("not-a-real-hash", Clock.systemUTC().instant());
        return user;
    }

    @Test
    void tenThousandEventsThroughAFlakyMailServerAreAllSentExactlyOnce() {
        System.out.println("R8: seed " + SEED + ", fault rate " + FAULT_RATE);
        Account account = new Account(AccountId.random(), new AccountNumber("ACC-CHAOS1"), new AccountName("Chaos"),
                CurrencyCode.CAD, clock.instant());
        PortalUser ann = active(account, "ann", true);
        PortalUser bob = active(account, "bob", false);
        unitOfWork.inTransaction(() -> {
            new JpaAccounts(unitOfWork).add(account);
            new JpaPortalUsers(unitOfWork).add(ann);
            new JpaPortalUsers(unitOfWork).add(bob);
        });
        NotificationRecorder recorder = new NotificationRecorder(new JpaDeliveries(unitOfWork), unitOfWork,
                relay::wakeUp);
        Map<String, String> facts = Map.of(EventFacts.SUBJECT_FIRST_NAME, "Bob", EventFacts.SUBJECT_LAST_NAME,
                "Tremblay", EventFacts.SUBJECT_USERNAME, "bob@example.com", EventFacts.ACTOR, "ann@example.com");
        long started = System.nanoTime();
        for (int batch = 0; batch < EVENTS / 200; batch++) {
            unitOfWork.inTransaction(() -> {
                for (int i = 0; i < 200; i++) {
                    recorder.billing(NotificationKind.USER_ADDED, account, facts, Optional.of(bob.id()),
                            List.of(ann, bob), clock.instant());
                }
            });
        }

        Await.until(Duration.ofMinutes(4), () -> db.count("notification WHERE status = 'SENT'") == EVENTS
                || db.count("notification WHERE status = 'FAILED'") > 0, "every delivery settled");
        long took = (System.nanoTime() - started) / 1_000_000;

        Map<String, Long> accepted = smtp.received().stream()
                .map(mail -> {
                    Matcher id = MESSAGE_ID.matcher(mail.data());
                    return id.find() ? id.group(1) : "none";
                })
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long duplicates = accepted.values().stream().mapToLong(count -> count - 1).sum();
        System.out.printf("R8: %d events, %d deliveries SENT, %d FAILED, %d PENDING; faults injected: %d greylisted,"
                        + " %d dropped connections; %d mails accepted, %d distinct, %d duplicates; %d ms%n", EVENTS,
                db.count("notification WHERE status = 'SENT'"), db.count("notification WHERE status = 'FAILED'"),
                db.count("notification WHERE status = 'PENDING'"), smtp.greylisted(), smtp.dropped(),
                smtp.received().size(), accepted.size(), duplicates, took);

        assertEquals(EVENTS, db.count("notification WHERE status = 'SENT'"), "100 % SENT");
        assertEquals(0, db.count("notification WHERE status <> 'SENT'"), "nothing PENDING or FAILED");
        assertEquals(EVENTS, accepted.size(), "one distinct mail per delivery");
        assertEquals(0, duplicates, "no mail accepted twice");
        assertTrue(smtp.greylisted() > EVENTS * FAULT_RATE / 4 && smtp.dropped() > EVENTS * FAULT_RATE / 4,
                "the faults happened: " + smtp.greylisted() + " and " + smtp.dropped());
        Await.until(Duration.ofSeconds(10), () -> db.count("outbox_entry WHERE published_at IS NULL") == 0,
                "the outbox is drained");
        assertEquals(0, messaging.embeddedBroker().orElseThrow().messageCount(Queues.DEAD_LETTERS));
        Await.until(Duration.ofSeconds(10), () -> messaging.embeddedBroker().orElseThrow()
                .messageCount(Queues.NOTIFICATIONS) == 0, "the queue is empty");
    }
}
