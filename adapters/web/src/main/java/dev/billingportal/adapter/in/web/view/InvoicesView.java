package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The invoices page (spec §9): the account's invoices, newest first, a page at a time; {@code olderHref} leads to
 * older ones, {@code newestHref} back to the newest when this is not the first page.
 */
public record InvoicesView(Chrome chrome, BillingPaths paths, List<InvoiceLine> invoices, Optional<String> olderHref,
                           Optional<String> newestHref) {
}
