package dev.billingportal.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceArithmeticTest {
    private static final CurrencyCode CAD = CurrencyCode.CAD;

    static InvoiceDraft draft(String lineAmount, String taxAmount) {
        return new InvoiceDraft("INV-2026-0042", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"),
                List.of(new InvoiceDraft.LineDraft("Hosted PBX seat", Decimal.parse("10"), Decimal.parse("10.00"),
                        Decimal.parse(lineAmount)),
                        new InvoiceDraft.LineDraft("Long distance minutes", Decimal.parse("37.5"),
                                Decimal.parse("0.05"), Decimal.parse("1.88"))),
                List.of(new InvoiceDraft.TaxDraft("GST", Decimal.parse("5"), Decimal.parse("5.09")),
                        new InvoiceDraft.TaxDraft("QST", Decimal.parse("9.975"), Decimal.parse(taxAmount))));
    }

    private static Money cad(String amount) {
        return Money.of(Decimal.parse(amount), CAD);
    }

    @Test
    void theFiguresAFormShowsAreTheOnesTheCheckExpects() {
        assertEquals(cad("1.88"), InvoiceArithmetic.lineAmount(Decimal.parse("37.5"), cad("0.05")), "1.875 half-up");
        assertEquals(cad("10.16"), InvoiceArithmetic.taxAmount(cad("101.88"), Decimal.parse("9.975")), "10.1625");
        assertEquals(cad("5.09"), InvoiceArithmetic.taxAmount(cad("101.88"), Decimal.parse("5")), "5.094");
    }

    @Test
    void aCorrectInvoiceAddsUpToTheCent() {
        InvoiceArithmetic.Checked checked = InvoiceArithmetic.check(draft("100.00", "10.16"), CAD, cad("117.13"));

        assertEquals(cad("101.88"), checked.subtotal(), "100.00 + 37.5 × 0.05 = 1.875 → 1.88");
        assertEquals(cad("15.25"), checked.taxTotal(), "GST 5.094 → 5.09, QST 10.1625 → 10.16");
        assertEquals(cad("117.13"), checked.total());
    }

    @Test
    void aLineOffByOneCentIsNamedWithTheRightFigure() {
        RuleViolation wrong = assertThrows(RuleViolation.class,
                () -> InvoiceArithmetic.check(draft("100.01", "10.16"), CAD, cad("117.13")));

        FieldError line = wrong.errors().get(0);
        assertEquals("invoice.lines[0].amount", line.field().toString());
        assertTrue(line.message().startsWith("must be 100.00"), line.message());
    }

    @Test
    void aTaxOffByOneCentAndATotalThatDoesNotMatchAreNamed() {
        RuleViolation wrong = assertThrows(RuleViolation.class,
                () -> InvoiceArithmetic.check(draft("100.00", "10.17"), CAD, cad("117.13")));

        assertEquals(List.of("invoice.taxes[1].amount", "amount"),
                wrong.errors().stream().map(error -> error.field().toString()).toList());
    }

    @Test
    void figuresWithTheWrongNumberOfDecimalsAreInvalidInput() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> InvoiceArithmetic.check(draft("100.000", "10.16"), CAD, cad("117.13")));

        assertEquals("invoice.lines[0].amount", invalid.errors().get(0).field().toString());
    }

    @Test
    void paymentsCreditsAndRefundsSettleAnInvoiceWithinItsTotal() {
        InvoiceArithmetic.Checked figures = InvoiceArithmetic.check(draft("100.00", "10.16"), CAD, cad("117.13"));
        Invoice invoice = Invoice.issue(InvoiceId.random(), AccountId.random(), TransactionId.random(), 1,
                draft("100.00", "10.16"), figures, Instant.parse("2026-11-01T12:00:00Z"));
        assertEquals(InvoiceStatus.OPEN, invoice.status());
        assertTrue(invoice.isOverdue(LocalDate.parse("2026-12-01")));
        assertFalse(invoice.isOverdue(LocalDate.parse("2026-11-30")), "due on the 30th, overdue the day after");

        invoice.apply(TransactionType.PAYMENT, cad("100.00"));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.status());
        assertEquals(cad("17.13"), invoice.amountDue());
        assertThrows(RuleViolation.class, () -> invoice.apply(TransactionType.CREDIT, cad("17.14")));
        invoice.apply(TransactionType.CREDIT, cad("17.13"));
        assertEquals(InvoiceStatus.PAID, invoice.status());
        assertFalse(invoice.isOverdue(LocalDate.parse("2026-12-01")), "paid invoices are never overdue");

        assertThrows(RuleViolation.class, () -> invoice.apply(TransactionType.REFUND, cad("100.01")),
                "credits are not refunded as payments");
        invoice.apply(TransactionType.REFUND, cad("40.00"));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.status());
        assertEquals(cad("40.00"), invoice.amountDue());
    }

    @Test
    void datesMustBeInOrder() {
        RuleViolation late = assertThrows(RuleViolation.class, () -> new InvoiceDraft("INV-1",
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-01"), null, null, List.of(), List.of()));
        assertEquals("invoice.dueDate", late.errors().get(0).field().toString());
    }
}
