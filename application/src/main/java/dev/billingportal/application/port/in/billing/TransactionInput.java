package dev.billingportal.application.port.in.billing;

/**
 * A transaction as the billing system sends it (spec §5, Appendix A): text as sent — amounts too, so that
 * their digits are never guessed at — and {@code null} for what was left out.
 */
public record TransactionInput(String type, String amount, String currency, String postedAt, String reference,
                               String description, String invoiceId, InvoiceInput invoice) {
}
