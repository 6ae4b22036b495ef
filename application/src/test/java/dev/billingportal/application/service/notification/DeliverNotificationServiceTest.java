package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.InMemoryDeliveries;
import dev.billingportal.testing.InMemoryOneTimeTokens;
import dev.billingportal.testing.InMemoryOperators;
import dev.billingportal.testing.InMemoryPortalUsers;
import dev.billingportal.testing.InMemoryUnitOfWork;
import dev.billingportal.testing.MutableClock;
import dev.billingportal.testing.RecordingMailer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliverNotificationServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final int MAX_ATTEMPTS = 3;

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryPortalUsers users = new InMemoryPortalUsers();
    private final InMemoryDeliveries notifications = new InMemoryDeliveries();
    private final InMemoryOneTimeTokens<PortalUserId> tokens = new InMemoryOneTimeTokens<>();
    private final RecordingMailer mailer = new RecordingMailer();
    private final MutableClock clock = new MutableClock(NOW);
    private final DeliverNotificationService service = new DeliverNotificationService(unitOfWork, notifications,
            users, new InMemoryOperators(unitOfWork), new MailComposer(tokens, new InMemoryOneTimeTokens<>(),
            "https://billing.example.com/"), mailer, clock, MAX_ATTEMPTS);
    private final Account account = new Account(AccountId.random(), new AccountNumber("ACC-000001"),
            new AccountName("Acme"), CurrencyCode.CAD, NOW);
    private PortalUser ann;
    private DeliveryId invitation;

    @BeforeEach
    void inviteAnn() {
        ann = users.add(PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(
                Username.of("ann@example.com"), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Vancouver"), false), NOW));
        NotificationRecorder recorder = new NotificationRecorder(notifications, unitOfWork, () -> { });
        unitOfWork.inTransaction(() -> recorder.invitation(account, ann, NOW));
        invitation = notifications.deliveries().get(0).id();
    }

    private Delivery delivery() {
        return notifications.find(invitation).orElseThrow();
    }

    @Test
    void anInvitationCarriesAFreshTokenWhoseHashAloneIsStored() {
        assertEquals(DeliveryOutcome.SENT, service.deliver(new DeliverNotificationCommand(invitation, 1)));

        OutgoingMail mail = mailer.sent().get(0);
        Matcher link = Pattern.compile("https://billing\\.example\\.com/invitation\\?token=([A-Za-z0-9_-]{43})")
                .matcher(mail.values().get("link"));
        assertTrue(link.matches(), mail.values().get("link"));
        assertEquals(Map.of(SecretTokens.hash(link.group(1)), TokenPurpose.INVITATION), tokens.hashes());
        assertEquals("Ann", mail.values().get("firstName"));
        assertEquals("December 2, 2026 at 12:00 AM PST (America/Vancouver)", mail.values().get("expiresAt"),
                "7 days, in the recipient's zone");
        assertEquals(invitation, mail.notificationId());
        assertEquals(DeliveryStatus.SENT, delivery().status());
        assertEquals(NOW, delivery().sentAt());
    }

    @Test
    void aDeliveryAlreadySentIsNotSentAgain() {
        service.deliver(new DeliverNotificationCommand(invitation, 1));

        assertEquals(DeliveryOutcome.NOTHING_TO_DO, service.deliver(new DeliverNotificationCommand(invitation, 2)));
        assertEquals(1, mailer.sent().size());
    }

    @Test
    void temporaryFailuresRetryThenDeadLetterOnTheLastAttempt() {
        mailer.failTemporarily("451 4.3.0 Try again later");

        assertEquals(DeliveryOutcome.RETRY_LATER, service.deliver(new DeliverNotificationCommand(invitation, 1)));
        assertEquals(DeliveryOutcome.RETRY_LATER, service.deliver(new DeliverNotificationCommand(invitation, 2)));
        assertEquals(DeliveryStatus.PENDING, delivery().status());
        assertEquals(2, delivery().attempts());
        assertEquals("451 4.3.0 Try again later", delivery().lastError());
        assertTrue(tokens.hashes().isEmpty() || tokens.hashes().size() == 1, "at most the latest token");

        assertEquals(DeliveryOutcome.DEAD_LETTER, service.deliver(new DeliverNotificationCommand(invitation, MAX_ATTEMPTS)));
        assertEquals(DeliveryStatus.FAILED, delivery().status());
        assertEquals(3, delivery().attempts());
        assertTrue(delivery().lastError().startsWith("Gave up after 3 attempts"), delivery().lastError());
    }

    @Test
    void aPermanentRejectionFailsAtOnce() {
        mailer.failPermanently("550 5.1.1 No such user");

        assertEquals(DeliveryOutcome.FAILED, service.deliver(new DeliverNotificationCommand(invitation, 1)));
        assertEquals(DeliveryStatus.FAILED, delivery().status());
        assertEquals("Rejected: 550 5.1.1 No such user", delivery().lastError());
    }

    @Test
    void aRecipientDeletedMeanwhileGetsNothing() {
        PortalUser deleted = users.find(ann.id()).orElseThrow();
        deleted.delete(PortalUserId.random(), NOW);
        users.update(deleted);

        assertEquals(DeliveryOutcome.FAILED, service.deliver(new DeliverNotificationCommand(invitation, 1)));
        assertTrue(mailer.sent().isEmpty());
        assertEquals(0, delivery().attempts(), "nothing was attempted");
    }

    @Test
    void anInvitationIsPointlessOnceTheUserHasAPassword() {
        PortalUser active = users.find(ann.id()).orElseThrow();
        active.choosePassword("$argon2id$x", NOW);
        users.update(active);
        clock.advance(Duration.ofMinutes(1));

        assertEquals(DeliveryOutcome.FAILED, service.deliver(new DeliverNotificationCommand(invitation, 1)));
        assertTrue(mailer.sent().isEmpty());
    }
}
