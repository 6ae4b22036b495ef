package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import java.time.Instant;

/**
 * The bodies of webhook messages (spec §13): {@code {"type","timestamp","data":{…,"accountId"}}}, where {@code data}
 * is the API's own rendering of the transaction or the portal user — so a receiver reads the same shapes as the API's
 * clients do. Written by the REST adapter, which owns that rendering.
 */
public interface WebhookPayloads {

    String transactionPosted(Transaction transaction, Instant at);

    /** {@code portal_user.added}, {@code portal_user.deleted} or {@code portal_user.restored}. */
    String portalUser(WebhookEventType type, PortalUser user, Instant at);

    /** {@code webhook.test}: the endpoint it was sent to, and its account when it is an account's. */
    String test(WebhookEndpointId endpoint, java.util.Optional<AccountId> account, Instant at);
}
