package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Tells an endpoint's owners, in the unit of work of the attempt that turned it off, that it was: the account's users
 * with billing notifications on, or the provider's active administrators for one of its own (spec §13).
 */
public final class WebhookEndpointDisabledNotice implements BiConsumer<WebhookEndpoint, Instant> {
    private final Accounts accounts;
    private final PortalUsers users;
    private final Operators operators;
    private final NotificationRecorder notifications;

    public WebhookEndpointDisabledNotice(Accounts accounts, PortalUsers users, Operators operators,
                                         NotificationRecorder notifications) {
        this.accounts = accounts;
        this.users = users;
        this.operators = operators;
        this.notifications = notifications;
    }

    @Override
    public void accept(WebhookEndpoint endpoint, Instant now) {
        if (endpoint.account().isEmpty()) {
            notifications.providerWebhookDisabled(endpoint, operators.activeAdmins(), now);
            return;
        }
        Optional<Account> account = accounts.find(endpoint.account().get());
        account.ifPresent(owner -> notifications.webhookEndpointDisabled(owner, endpoint,
                users.listByAccount(owner.id(), false), now));
    }
}
