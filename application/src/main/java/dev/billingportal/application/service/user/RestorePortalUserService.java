package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;

/** Support brings a deleted user back (spec §3 rule 6); any role of the provider may (spec §11), with a reason. */
public final class RestorePortalUserService implements RestorePortalUserUseCase {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final NotificationRecorder notifications;
    private final WebhookRecorder webhooks;
    private final AuditLog auditLog;
    private final Clock clock;

    public RestorePortalUserService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users,
                                    NotificationRecorder notifications, WebhookRecorder webhooks, AuditLog auditLog,
                                    Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public PortalUser restore(PortalUserCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ASSIST_CUSTOMERS);
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Account account = accounts.find(command.account()).orElseThrow(() -> new NotFound("The account"));
            PortalUser user = UserLookup.includingDeleted(users, command.account(), command.user());
            UserStatus status = user.restore(now);
            PortalUser restored = users.update(user);
            if (status == UserStatus.INVITED) {
                notifications.invitation(account, restored, now);
            }
            webhooks.portalUser(WebhookEventType.PORTAL_USER_RESTORED, restored, now);
            auditLog.record(AuditEvent.about(restored, command.actor(), AuditAction.USER_RESTORED, now)
                    .because(command.reason()));
            return restored;
        });
    }
}
