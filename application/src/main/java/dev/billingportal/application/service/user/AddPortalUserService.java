package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Adds a user: stored {@code INVITED}, invited, announced to the account and audited, in one transaction. */
public final class AddPortalUserService implements AddPortalUserUseCase {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final Invitations invitations;
    private final NotificationRecorder notifications;
    private final WebhookRecorder webhooks;
    private final Clock clock;

    public AddPortalUserService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users, Invitations invitations,
                                NotificationRecorder notifications, WebhookRecorder webhooks, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.invitations = invitations;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public PortalUser add(AddPortalUserCommand command) {
        AccountAccessPolicy.requireCustomer(command.actor(), command.account());
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Account account = accounts.find(command.account()).orElseThrow(() -> new NotFound("The account"));
            PortalUser added = invitations.addInvited(account, command.profile(), command.actor(), now);
            notifications.billing(NotificationKind.USER_ADDED, account, UserEvents.facts(added, command.actor()),
                    Optional.of(added.id()), users.listByAccount(account.id(), false), now);
            webhooks.portalUser(WebhookEventType.PORTAL_USER_ADDED, added, now);
            return added;
        });
    }
}
