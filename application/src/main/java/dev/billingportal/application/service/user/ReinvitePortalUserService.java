package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Clock;
import java.time.Instant;

/** Sends an invited user a new invitation; the previous link stops working in the same transaction. */
public final class ReinvitePortalUserService implements ReinvitePortalUserUseCase {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final OneTimeTokens<PortalUserId> tokens;
    private final NotificationRecorder notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    public ReinvitePortalUserService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users,
                                     OneTimeTokens<PortalUserId> tokens, NotificationRecorder notifications, AuditLog auditLog,
                                     Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void reinvite(PortalUserCommand command) {
        AccountAccessPolicy.requireToAct(command.actor(), command.account(), Permission.ASSIST_CUSTOMERS);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Account account = accounts.find(command.account()).orElseThrow(() -> new NotFound("The account"));
            PortalUser user = UserLookup.current(users, command.account(), command.user());
            if (user.status() != UserStatus.INVITED) {
                throw new StateConflict("user-not-invited",
                        "Only a user who has not accepted their invitation yet can be invited again.");
            }
            tokens.revoke(user.id(), TokenPurpose.INVITATION);
            notifications.invitation(account, user, now);
            auditLog.record(AuditEvent.about(user, command.actor(), AuditAction.USER_REINVITED, now)
                    .because(command.reason()));
        });
    }
}
