package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookSubscription;
import java.util.List;
import java.util.Optional;

/** The webhook endpoints, their signing secrets kept sealed. */
public interface WebhookEndpoints {

    /**
     * Adds the endpoint in one of its owner's {@link WebhookEndpoint#MAX_PER_ACCOUNT} places; false when every place
     * is taken. Two endpoints added at the same moment for the last place: the second is refused by the database
     * ({@code StateConflict}), never both kept.
     */
    boolean add(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(WebhookEndpointId id);

    /** An account's endpoints, or with no account the provider's, oldest first. */
    List<WebhookEndpoint> of(Optional<AccountId> account);

    /**
     * Where an event of {@code account} may go, before its type is asked: its endpoints' subscriptions and the
     * provider's, read without their secrets (recording an event, in the change's own transaction, needs none).
     */
    List<WebhookSubscription> subscriptionsFor(AccountId account);

    /** Reads the endpoint and locks it until the unit of work ends: an attempt that changes its state, one at a time. */
    Optional<WebhookEndpoint> lock(WebhookEndpointId id);

    /** Stores whether the endpoint is disabled and since when it fails, alone (its secrets are not rewritten). */
    void updateState(WebhookEndpoint endpoint);

    /** Stores the endpoint's address, description, subscription, secrets and state as they now are. */
    void update(WebhookEndpoint endpoint);

    /** How many endpoints are turned off, whatever the reason. */
    long countDisabled();

    /** Removes the endpoint; false if there was none. */
    boolean remove(WebhookEndpointId id);
}
