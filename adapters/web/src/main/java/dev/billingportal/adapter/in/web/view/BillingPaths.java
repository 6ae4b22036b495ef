package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * Where an account's billing pages are on a site: the customers' portal has the reader's own at {@code /transactions}
 * and {@code /invoices}; the console has any account's under {@code /console/accounts/{id}/}, with a way back to the
 * account's page ({@code account}).
 */
public record BillingPaths(String transactions, String invoices, Optional<AccountLink> account) {
    /** The account's own page, named as its breadcrumb says it. */
    public record AccountLink(String href, String name) {
    }

    /** The customers' portal: the signed-in reader's own account. */
    public static final BillingPaths PORTAL = new BillingPaths("/transactions", "/invoices", Optional.empty());
}
