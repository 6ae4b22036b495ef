package dev.billingportal.application.port.in.webhook;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSecret;
import java.util.Optional;

/**
 * An account's endpoints, managed by its portal users, or with no account the provider's, managed by its
 * administrators (spec §13). Another account's endpoint, or an account's under the provider's path, is not found.
 */
public interface ManageWebhookEndpointsUseCase {

    /** A new endpoint, if its URL is allowed (its host resolves only to addresses the rules allow). */
    CreatedWebhookEndpoint create(Actor actor, Optional<AccountId> account, WebhookEndpointInput input);

    /** Changes what the input names; turning a disabled endpoint on gives it five more days before it is judged. */
    WebhookEndpoint update(Actor actor, Optional<AccountId> account, WebhookEndpointId id,
                           WebhookEndpointInput input);

    /** Removes the endpoint and its delivery log. */
    void delete(Actor actor, Optional<AccountId> account, WebhookEndpointId id);

    /** A new secret, shown this once; the replaced one signs beside it for a day. */
    WebhookSecret rotateSecret(Actor actor, Optional<AccountId> account, WebhookEndpointId id);

    /** Queues a {@code webhook.test} message to the endpoint, whatever it subscribes to. */
    WebhookMessage sendTestEvent(Actor actor, Optional<AccountId> account, WebhookEndpointId id);

    /** Queues a message again at once, with the same {@code webhook-id} and a fresh schedule. */
    WebhookMessage resend(Actor actor, Optional<AccountId> account, WebhookEndpointId id, String message);
}
