package dev.billingportal.testing;

import dev.billingportal.application.port.out.WebhookPayloads;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import java.time.Instant;
import java.util.Optional;

/** Bodies that name the event, its subject and its account — enough for the services' tests to tell them apart. */
public final class PlainWebhookPayloads implements WebhookPayloads {

    @Override
    public String transactionPosted(Transaction transaction, Instant at) {
        return body(WebhookEventType.TRANSACTION_POSTED, transaction.id().toString(), transaction.accountId(), at);
    }

    @Override
    public String portalUser(WebhookEventType type, PortalUser user, Instant at) {
        return body(type, user.id().toString(), user.accountId(), at);
    }

    @Override
    public String test(WebhookEndpointId endpoint, Optional<AccountId> account, Instant at) {
        return "{\"type\":\"webhook.test\",\"timestamp\":\"" + at + "\",\"data\":{\"endpointId\":\"" + endpoint
                + "\"}}";
    }

    private static String body(WebhookEventType type, String id, AccountId account, Instant at) {
        return "{\"type\":\"" + type.wireName() + "\",\"timestamp\":\"" + at + "\",\"data\":{\"id\":\"" + id
                + "\",\"accountId\":\"" + account + "\"}}";
    }
}
