package dev.billingportal.domain.access;

/**
 * What a caller on the provider's side may do — the rows of spec §11's table. Each operator endpoint and each use case
 * of the provider's side names the one it needs; {@link OperatorRole} says which roles hold it.
 */
public enum Permission {
    /** Find accounts; read an account, its users (deleted ones too), transactions, invoices, notifications, audit. */
    READ_ACCOUNTS,
    /** Restore a deleted portal user; resend an invitation; end a portal user's sessions; retry a failed notification. */
    ASSIST_CUSTOMERS,
    /** Create accounts; post transactions; bill runs. */
    POST_BILLING,
    /** Invite, disable and re-role operators; reset an operator's second factor; API keys; the provider's webhooks. */
    ADMINISTER
}
