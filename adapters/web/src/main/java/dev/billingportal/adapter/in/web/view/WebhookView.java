package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One webhook endpoint's page: what it is, its actions (a test event, a new secret, deleting it), the form that changes
 * it, and its delivery log, newest first.
 */
public record WebhookView(Chrome chrome, WebhookPlace place, WebhooksView.Row endpoint, WebhooksView.EndpointForm form,
                          List<MessageRow> messages, Optional<String> olderHref, Optional<String> newestHref,
                          Optional<String> notice, Optional<WebhooksView.Shown> shown, String zone) {

    /**
     * One message: when its event happened, what it was, how its delivery stands (delivered, retrying — next attempt
     * at, failed) and how many attempts it took.
     */
    public record MessageRow(String id, String when, String event, String status, String statusClass,
                             Optional<String> detail, int attempts) {
    }

    public WebhookView {
        messages = List.copyOf(messages);
    }
}
