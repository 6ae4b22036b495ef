package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.Invoice;

/** An invoice as a reader sees it today (overdue is decided on the reader's date). */
public record InvoiceView(Invoice invoice, boolean overdue) {
}
