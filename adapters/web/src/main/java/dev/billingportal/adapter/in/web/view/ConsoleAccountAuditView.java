package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One account's audit in the console: what its users and the provider did to it, newest first, a page at a time,
 * with the way back to the account's page ({@code accountHref}).
 */
public record ConsoleAccountAuditView(Chrome chrome, String accountHref, String accountName,
                                      List<ConsoleAuditView.Row> rows, Optional<String> olderHref,
                                      Optional<String> newestHref, String zone) {
    public ConsoleAccountAuditView {
        rows = List.copyOf(rows);
    }
}
