package dev.billingportal.domain.billing;

import dev.billingportal.domain.user.Language;

/**
 * A posted transaction in one line, in the reader's language — said here only, for the mail's subject and headline
 * (spec §6: {@code Invoice INV-2026-0042 posted: 123.45 CAD}) and the pages' lists of billing notifications, each
 * with its own way of writing the amount ({@link BillingFormats}).
 */
public final class TransactionHeadline {
    private TransactionHeadline() {
    }

    /**
     * {@code Invoice INV-1 posted: 113.00 CAD}, {@code Payment posted: 50.00 CAD (invoice INV-1)},
     * {@code Facture INV-1 émise : 113,00 CAD}, {@code Paiement inscrit : 50,00 CAD (facture INV-1)}.
     *
     * @param invoiceNumber the invoice's number, or null or empty when the transaction names none
     * @param amount        the amount as the reader's medium writes it
     */
    public static String of(TransactionType type, String invoiceNumber, String amount, Language language) {
        boolean french = language == Language.FR_CA;
        boolean onInvoice = invoiceNumber != null && !invoiceNumber.isEmpty();
        if (type == TransactionType.INVOICE) {
            String invoice = label(type, language) + (onInvoice ? " " + invoiceNumber : "");
            return invoice + (french ? " émise : " : " posted: ") + amount;
        }
        String line = label(type, language) + (french ? " inscrit : " : " posted: ") + amount;
        return onInvoice ? line + (french ? " (facture " : " (invoice ") + invoiceNumber + ")" : line;
    }

    /** The type's name: {@code Payment}, {@code Paiement}. */
    public static String label(TransactionType type, Language language) {
        if (language == Language.FR_CA) {
            return switch (type) {
                case INVOICE -> "Facture";
                case PAYMENT -> "Paiement";
                case REFUND -> "Remboursement";
                case CREDIT -> "Crédit";
            };
        }
        return switch (type) {
            case INVOICE -> "Invoice";
            case PAYMENT -> "Payment";
            case REFUND -> "Refund";
            case CREDIT -> "Credit";
        };
    }
}
