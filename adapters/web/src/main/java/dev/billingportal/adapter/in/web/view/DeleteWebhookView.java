package dev.billingportal.adapter.in.web.view;

/** "Delete this endpoint?" — asked before an endpoint and its log go. */
public record DeleteWebhookView(Chrome chrome, WebhookPlace place, String endpointId, String url) {
}
