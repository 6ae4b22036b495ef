package dev.billingportal.application.port.in.webhook;

import java.util.List;

/**
 * An endpoint as its owner describes it: the URL, a description, the event types ({@code ["*"]} for all) and, on a
 * change, whether it is on. On a change, a field left null stays as it is.
 */
public record WebhookEndpointInput(String url, String description, List<String> eventTypes, Boolean enabled) {
}
