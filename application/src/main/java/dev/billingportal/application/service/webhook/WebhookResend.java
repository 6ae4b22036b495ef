package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.time.Instant;

/**
 * Sending a message again, by its endpoint's owner or by an operator: the same id and body, a fresh schedule. Only to
 * an endpoint that is on — except a test event, which is how an owner checks an endpoint before turning it on.
 */
final class WebhookResend {
    private WebhookResend() {
    }

    /** Within the caller's transaction, with the message's row locked. */
    static void resend(WebhookMessages messages, WebhookEndpoint endpoint, WebhookMessage message, Instant now) {
        if (!endpoint.enabled() && message.type() != WebhookEventType.WEBHOOK_TEST) {
            throw RuleViolation.field("enabled", "is off: turn the endpoint on before resending to it");
        }
        message.resend(now);
        messages.queue(message, now, WebhookLeases.QUEUED);
    }
}
