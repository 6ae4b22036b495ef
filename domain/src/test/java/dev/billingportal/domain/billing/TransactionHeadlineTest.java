package dev.billingportal.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.user.Language;
import org.junit.jupiter.api.Test;

/** A posted transaction in one line, as spec §6's subjects say it, in both languages. */
class TransactionHeadlineTest {

    @Test
    void anInvoiceIsPostedByItsNumberAndAnotherTypeNamesTheInvoiceItIsOn() {
        assertEquals("Invoice INV-2026-0042 posted: 123.45 CAD", TransactionHeadline.of(TransactionType.INVOICE,
                "INV-2026-0042", "123.45 CAD", Language.EN_CA));
        assertEquals("Payment posted: 50.00 CAD (invoice INV-1)", TransactionHeadline.of(TransactionType.PAYMENT,
                "INV-1", "50.00 CAD", Language.EN_CA));
        assertEquals("Credit posted: $5.00", TransactionHeadline.of(TransactionType.CREDIT, null, "$5.00",
                Language.EN_CA));
        assertEquals("Refund posted: $5.00", TransactionHeadline.of(TransactionType.REFUND, "", "$5.00",
                Language.EN_CA));
    }

    @Test
    void inFrenchAnInvoiceIsIssuedAndTheRestIsRecorded() {
        assertEquals("Facture INV-9 émise : 113,00 CAD", TransactionHeadline.of(TransactionType.INVOICE, "INV-9",
                "113,00 CAD", Language.FR_CA));
        assertEquals("Paiement inscrit : 50,00 $ (facture INV-9)", TransactionHeadline.of(TransactionType.PAYMENT,
                "INV-9", "50,00 $", Language.FR_CA));
        assertEquals("Remboursement", TransactionHeadline.label(TransactionType.REFUND, Language.FR_CA));
    }
}
