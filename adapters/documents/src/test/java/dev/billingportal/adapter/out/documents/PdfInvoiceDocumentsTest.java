package dev.billingportal.adapter.out.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.user.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfInvoiceDocumentsTest {
    private static final CurrencyCode CAD = CurrencyCode.CAD;
    private final Account account = new Account(AccountId.random(), new AccountNumber("ACC-000042"),
            new AccountName("Télécom Gagné-Tremblay & Fils 李"), CAD, Instant.parse("2026-01-01T00:00:00Z"));

    private Invoice invoice(int lines) {
        List<InvoiceDraft.LineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            drafts.add(new InvoiceDraft.LineDraft("Hosted PBX seat " + i, Decimal.parse("1"), Decimal.parse("10.00"),
                    Decimal.parse("10.00")));
        }
        String subtotal = Money.of(Decimal.parse("10.00"), CAD).decimal().multiply(java.math.BigDecimal.valueOf(lines))
                .toPlainString();
        Money hst = Money.roundedHalfUp(new java.math.BigDecimal(subtotal).multiply(new java.math.BigDecimal("0.13")), CAD);
        InvoiceDraft draft = new InvoiceDraft("INV-2026-0042", LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), drafts,
                List.of(new InvoiceDraft.TaxDraft("HST", Decimal.parse("13"), Decimal.parse(hst.toString()))));
        Money total = Money.of(Decimal.parse(subtotal), CAD).plus(hst);
        InvoiceArithmetic.Checked figures = InvoiceArithmetic.check(draft, CAD, total);
        return Invoice.issue(InvoiceId.random(), account.id(), TransactionId.random(), 1, draft, figures,
                Instant.parse("2026-11-01T12:00:00Z"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theInvoiceReadsBackWithItsNumberDatesLinesTaxesTotalAndAmountDue() throws Exception {
        Invoice invoice = invoice(10);
        invoice.apply(TransactionType.PAYMENT, Money.of(Decimal.parse("50.00"), CAD));

        String text = text(new PdfInvoiceDocuments().render(account, invoice, Language.EN_CA));

        assertTrue(text.contains("Invoice INV-2026-0042"), text);
        assertTrue(text.contains("Télécom Gagné-Tremblay & Fils ?"), "accents kept, a missing glyph replaced: " + text);
        assertTrue(text.contains("ACC-000042"));
        assertTrue(text.contains("Due: November 30, 2026"), text);
        assertTrue(text.contains("Hosted PBX seat 9"), text);
        assertTrue(text.contains("HST 13 %") && text.contains("13.00"), text);
        assertTrue(text.contains("Total") && text.contains("113.00 CAD"), text);
        assertTrue(text.contains("Amount due") && text.contains("63.00 CAD"), text);
    }

    @Test
    void aFrenchReadersInvoiceIsInFrenchWithFrenchNumbersAndDates() throws Exception {
        Invoice invoice = invoice(10);
        invoice.apply(TransactionType.PAYMENT, Money.of(Decimal.parse("50.00"), CAD));

        String text = text(new PdfInvoiceDocuments().render(account, invoice, Language.FR_CA))
                .replace('\u00a0', ' ');

        assertTrue(text.contains("Facture INV-2026-0042"), text);
        assertTrue(text.contains("Échéance : 30 novembre 2026"), text);
        assertTrue(text.contains("Prix unitaire") && text.contains("10,00"), text);
        assertTrue(text.contains("HST 13 %") && text.contains("13,00"), text);
        assertTrue(text.contains("Montant dû") && text.contains("63,00 CAD"), text);
    }

    @Test
    void aLongInvoiceContinuesOnMorePages() throws Exception {
        byte[] pdf = new PdfInvoiceDocuments().render(account, invoice(120), Language.EN_CA);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3, "pages: " + document.getNumberOfPages());
            assertEquals("Invoice INV-2026-0042", document.getDocumentInformation().getTitle());
        }
        assertTrue(text(pdf).contains("Hosted PBX seat 119"));
    }
}
