package dev.billingportal.adapter.in.web.view;

/**
 * Where the webhook pages are ({@code /webhooks}, {@code /console/webhooks}, {@code /console/accounts/{id}/webhooks})
 * and which of their forms the reader may use: managing endpoints (add, change, new secret, delete), and sending (a
 * test event, a resend).
 */
public record WebhookPlace(String path, boolean mayManage, boolean maySend) {
}
