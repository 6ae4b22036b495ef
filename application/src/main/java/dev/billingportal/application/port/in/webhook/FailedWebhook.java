package dev.billingportal.application.port.in.webhook;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook message that failed for good, as the billing team's list shows it: whose endpoint (an account's, or none:
 * the provider's), where it went (the address without its query, which may carry a receiver's token) and the last
 * attempt, which says why.
 */
public record FailedWebhook(WebhookMessage message, Optional<AccountId> account, String endpointUrl,
                            Optional<WebhookAttempt> lastAttempt) {
    public FailedWebhook {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }
}
