package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The account's billing notifications (spec §9): what was e-mailed to whom, and whether it went — Sent, Pending, or
 * Failed with the reason — newest first, a page at a time; times in the reader's {@code zone}.
 */
public record NotificationsView(Chrome chrome, List<Row> rows, Optional<String> olderHref,
                                Optional<String> newestHref, String zone) {

    /**
     * One e-mail to one recipient.
     *
     * @param detail what the status needs said beside it: when it was sent, or why it failed or waits
     */
    public record Row(String when, String what, String recipient, String status, String statusClass,
                      Optional<String> detail) {
    }
}
