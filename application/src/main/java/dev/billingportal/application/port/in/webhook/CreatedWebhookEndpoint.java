package dev.billingportal.application.port.in.webhook;

import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookSecret;

/** A new endpoint and its signing secret, which is shown this once. */
public record CreatedWebhookEndpoint(WebhookEndpoint endpoint, WebhookSecret secret) {
}
