package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes a user: a tombstone that keeps the username reserved; their sessions and pending links stop
 * working in the same transaction; the account's notified users are told; the audit log records it.
 */
public final class DeletePortalUserService implements DeletePortalUserUseCase {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final Sessions sessions;
    private final OneTimeTokens<PortalUserId> tokens;
    private final NotificationRecorder notifications;
    private final WebhookRecorder webhooks;
    private final AuditLog auditLog;
    private final Clock clock;

    public DeletePortalUserService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users, Sessions sessions,
                                   OneTimeTokens<PortalUserId> tokens, NotificationRecorder notifications,
                                   WebhookRecorder webhooks, AuditLog auditLog,
                                   Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void delete(PortalUserCommand command) {
        AccountAccessPolicy.requireCustomer(command.actor(), command.account());
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Account account = accounts.find(command.account()).orElseThrow(() -> new NotFound("The account"));
            PortalUser user = UserLookup.current(users, command.account(), command.user());
            user.delete(command.actor() instanceof Actor.PortalUserActor self ? self.userId() : null, now);
            PortalUser deleted = users.update(user);
            sessions.closeAll(deleted.id());
            tokens.revoke(deleted.id(), TokenPurpose.INVITATION);
            tokens.revoke(deleted.id(), TokenPurpose.PASSWORD_RESET);
            notifications.billing(NotificationKind.USER_DELETED, account, UserEvents.facts(deleted, command.actor()),
                    Optional.of(deleted.id()), users.listByAccount(command.account(), false), now);
            webhooks.portalUser(WebhookEventType.PORTAL_USER_DELETED, deleted, now);
            auditLog.record(AuditEvent.about(deleted, command.actor(), AuditAction.USER_DELETED, now));
        });
    }
}
