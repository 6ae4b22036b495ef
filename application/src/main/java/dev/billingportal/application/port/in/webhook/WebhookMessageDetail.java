package dev.billingportal.application.port.in.webhook;

import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.util.List;

/** A message of an endpoint's delivery log with its attempts, oldest first. */
public record WebhookMessageDetail(WebhookMessage message, List<WebhookAttempt> attempts) {
    public WebhookMessageDetail {
        attempts = List.copyOf(attempts);
    }
}
