package dev.billingportal.domain.billing;

/** How much of an invoice is settled by the payments and credits applied to it (refunds undo them). */
public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID
}
