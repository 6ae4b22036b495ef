package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * An account as the billing team sees it (spec §12): its figures, every user — deleted ones too, with what support
 * may do for each —, its billing notifications, a failed one with "Retry", and the latest of its billing and audit.
 *
 * @param notice  what the last action did, said once after its redirect
 * @param mayPost whether the operator's role may post transactions (else the link is not shown)
 */
public record ConsoleAccountView(Chrome chrome, String id, String number, String name, String currency,
                                 String balance, boolean credit, String overdue, List<User> users,
                                 List<Notification> notifications, Billing billing, Optional<String> notice,
                                 boolean mayPost) {

    /** The latest of the account's transactions, invoices and audit; {@code zone}: their times' zone. */
    public record Billing(List<TransactionLine> transactions, List<InvoiceLine> invoices,
                          List<ConsoleAuditView.Row> audit, String zone) {
        public Billing {
            transactions = List.copyOf(transactions);
            invoices = List.copyOf(invoices);
            audit = List.copyOf(audit);
        }
    }

    /** A portal user's row; {@code reasonError}: the restore's reason was missing or unusable. */
    public record User(String id, String username, String fullName, String status, String statusClass,
                       boolean deleted, boolean invited, boolean active, String reason,
                       Optional<String> reasonError) {
    }

    /** A billing notification's row; a failed one can be retried. */
    public record Notification(String id, String when, String what, String recipient, String status,
                               String statusClass, Optional<String> detail, boolean failed) {
    }

    public ConsoleAccountView {
        users = List.copyOf(users);
        notifications = List.copyOf(notifications);
    }

    public String path() {
        return "/console/accounts/" + id;
    }
}
