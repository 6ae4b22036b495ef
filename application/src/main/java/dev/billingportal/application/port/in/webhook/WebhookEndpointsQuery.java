package dev.billingportal.application.port.in.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.util.List;
import java.util.Optional;

/** An account's endpoints (or the provider's) and their delivery logs. */
public interface WebhookEndpointsQuery {

    List<WebhookEndpoint> list(Actor actor, Optional<AccountId> account);

    WebhookEndpoint get(Actor actor, Optional<AccountId> account, WebhookEndpointId id);

    /** The endpoint's messages, newest first. */
    Page<WebhookMessage> messages(Actor actor, Optional<AccountId> account, WebhookEndpointId id, PageRequest page);

    WebhookMessageDetail message(Actor actor, Optional<AccountId> account, WebhookEndpointId id, String message);
}
