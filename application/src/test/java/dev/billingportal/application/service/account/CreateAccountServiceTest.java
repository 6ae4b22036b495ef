package dev.billingportal.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.InMemoryAccounts;
import dev.billingportal.testing.InMemoryAuditLog;
import dev.billingportal.testing.InMemoryDeliveries;
import dev.billingportal.testing.InMemoryPortalUsers;
import dev.billingportal.testing.InMemoryUnitOfWork;
import dev.billingportal.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CreateAccountServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryPortalUsers users = new InMemoryPortalUsers();
    private final InMemoryDeliveries notifications = new InMemoryDeliveries();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final CreateAccountService service = new CreateAccountService(unitOfWork, accounts, new Invitations(users,
            new NotificationRecorder(notifications, unitOfWork, wakeUps::incrementAndGet), auditLog), auditLog,
            new MutableClock(NOW));

    private static CreateAccountCommand command(Optional<AccountNumber> number, String username) {
        return new CreateAccountCommand(number, new AccountName("Acme"), CurrencyCode.CAD, new PortalUserProfile(
                Username.of(username), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Toronto"), true));
    }

    @Test
    void theAccountItsInvitedFirstUserAndTheInvitationComeTogether() {
        AccountCreated created = service.create(Actor.INSTALLATION, command(Optional.empty(), "ann@example.com"));

        assertEquals("ACC-000001", created.account().number().value());
        assertEquals(NOW, created.account().createdAt());
        assertEquals(UserStatus.INVITED, created.firstUser().status());
        assertEquals(created.account().id(), created.firstUser().accountId());
        assertEquals(1, unitOfWork.commits(), "one transaction");
        Delivery invitation = notifications.deliveries().get(0);
        assertEquals(NotificationKind.INVITATION, invitation.kind());
        assertEquals(Recipient.of(created.firstUser().id()), invitation.recipient());
        assertEquals(DeliveryStatus.PENDING, invitation.status());
        assertEquals(1, notifications.unpublishedEntries().size(), "one outbox entry");
        assertEquals(1, wakeUps.get(), "the relay is woken after the commit");
        assertEquals(List.of(AuditAction.USER_ADDED, AuditAction.ACCOUNT_CREATED), auditLog.actions());
        assertEquals(Actor.INSTALLATION.ref(), auditLog.all().get(0).actor(), "by whoever created the account");
        assertTrue(auditLog.all().get(1).visibleToProvider());
        assertFalse(auditLog.all().get(1).visibleToCustomer(), "the account's creation is the provider's record");
    }

    @Test
    void onlyTheBillingAndAdminRolesCreateAccountsAndARefusalWritesNothing() {
        Actor support = new Actor.ApiKeyActor(ApiKeyId.random(), "Helpdesk", OperatorRole.SUPPORT);
        assertThrows(AccessDenied.class, () -> service.create(support, command(Optional.empty(), "x@example.com")));
        assertThrows(AccessDenied.class, () -> service.create(new Actor.PortalUserActor(PortalUserId.random(),
                AccountId.random(), "ann@example.com"), command(Optional.empty(), "y@example.com")));
        assertEquals(0, unitOfWork.commits());
        assertTrue(auditLog.all().isEmpty());
        Actor billing = new Actor.ApiKeyActor(ApiKeyId.random(), "Billing system", OperatorRole.BILLING);
        service.create(billing, command(Optional.empty(), "z@example.com"));
        assertEquals(billing.ref(), auditLog.all().get(1).actor());
    }

    @Test
    void generatedNumbersSkipOnesChosenByHand() {
        service.create(Actor.INSTALLATION, command(Optional.of(AccountNumber.parse("ACC-000001")), "chosen@example.com"));

        assertEquals("ACC-000002", service.create(Actor.INSTALLATION, command(Optional.empty(), "next@example.com")).account().number().value());
    }

    @Test
    void aTakenNumberOrUsernameIsRefusedAndTheRelayStaysAsleep() {
        service.create(Actor.INSTALLATION, command(Optional.of(AccountNumber.parse("ACME")), "first@example.com"));
        int wakeUpsBefore = wakeUps.get();

        assertThrows(StateConflict.class, () -> service.create(Actor.INSTALLATION, command(Optional.of(AccountNumber.parse("acme")),
                "second@example.com")));
        assertThrows(UsernameTaken.class, () -> service.create(Actor.INSTALLATION, command(Optional.empty(), "FIRST@example.com")));
        assertEquals(wakeUpsBefore, wakeUps.get());
    }
}
