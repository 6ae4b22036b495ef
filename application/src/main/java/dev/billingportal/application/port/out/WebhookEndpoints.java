package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import java.util.List;
import java.util.Optional;

/** The webhook endpoints, their signing secrets kept sealed. */
public interface WebhookEndpoints {

    void add(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(WebhookEndpointId id);

    /** An account's endpoints, or with no account the provider's, oldest first. */
    List<WebhookEndpoint> of(Optional<AccountId> account);

    /** Where an event of {@code account} goes, before its subscription is asked: its endpoints and the provider's. */
    List<WebhookEndpoint> forEventsOf(AccountId account);

    /** Stores the endpoint's address, description, subscription, secrets and state as they now are. */
    void update(WebhookEndpoint endpoint);

    /** Removes the endpoint; false if there was none. */
    boolean remove(WebhookEndpointId id);
}
