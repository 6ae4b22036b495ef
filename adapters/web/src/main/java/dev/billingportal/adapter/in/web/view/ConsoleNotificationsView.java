package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The failed notifications and webhook messages across accounts (spec §12), each with why it failed and "Retry"; each
 * list pages on its own.
 */
public record ConsoleNotificationsView(Chrome chrome, List<Row> rows, Optional<String> olderHref,
                                       Optional<String> newestHref, List<WebhookRow> webhooks,
                                       Optional<String> webhooksOlderHref, Optional<String> webhooksNewestHref,
                                       Optional<String> notice, String zone) {

    /** One failed delivery; {@code accountHref}: its account's page, when it is an account's. */
    public record Row(String id, String when, String kind, String recipient, String reason,
                      Optional<String> accountHref) {
    }

    /**
     * One failed webhook message: where it went (an account's endpoint, or the provider's) and why; {@code href}: its
     * page with the body and every attempt, when the reader may open it.
     */
    public record WebhookRow(String id, String when, String event, String endpointUrl, String owner,
                             Optional<String> ownerHref, String reason, Optional<String> href) {
    }

    public ConsoleNotificationsView {
        rows = List.copyOf(rows);
        webhooks = List.copyOf(webhooks);
    }
}
