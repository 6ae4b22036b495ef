package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The console's home (spec §12): the one search box and what it found, or before a search, how many notifications
 * failed and what the operator did last. {@code error}: the text could not be searched (empty or too long); {@code mayOpenAccounts}: the
 * role may open accounts (billing, admin), so the page offers it.
 */
public record ConsoleHomeView(Chrome chrome, String query, boolean searched, List<Found> found,
                              Optional<String> error, Optional<Overview> overview, boolean mayOpenAccounts) {

    /** Before a search: how many notifications and webhook messages failed, and the operator's latest actions. */
    public record Overview(long failedNotifications, long failedWebhooks, List<ConsoleAuditView.Row> recent) {
        public Overview {
            recent = List.copyOf(recent);
        }
    }


    /** One account found, and in words what the text matched (a deleted user's e-mail, an invoice number...). */
    public record Found(String id, String number, String name, String currency, String matched) {
    }

    public ConsoleHomeView {
        found = List.copyOf(found);
    }
}
