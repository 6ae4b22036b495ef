package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/** The failed notifications across accounts (spec §12), each with why it failed and "Retry". */
public record ConsoleNotificationsView(Chrome chrome, List<Row> rows, Optional<String> olderHref,
                                       Optional<String> newestHref, Optional<String> notice, String zone) {

    /** One failed delivery; {@code accountHref}: its account's page, when it is an account's. */
    public record Row(String id, String when, String kind, String recipient, String reason,
                      Optional<String> accountHref) {
    }

    public ConsoleNotificationsView {
        rows = List.copyOf(rows);
    }
}
