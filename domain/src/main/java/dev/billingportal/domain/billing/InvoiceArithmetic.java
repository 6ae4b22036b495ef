package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that an invoice adds up to the cent (spec §5): each line amount is quantity × unit price, each tax
 * is subtotal × rate / 100, both rounded half-up to the currency's minor unit; the total is the subtotal plus
 * the taxes and equals the transaction's amount. Every wrong figure is reported with its field and the
 * figure that would be right.
 */
public final class InvoiceArithmetic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceArithmetic() {
    }

    /** The invoice's figures, all checked. */
    public record Checked(List<InvoiceLine> lines, List<InvoiceTax> taxes, Money subtotal, Money taxTotal,
                          Money total) {
    }

    /**
     * @throws InvalidInput  a figure is not written with exactly the currency's minor digits (400)
     * @throws RuleViolation the figures do not add up (422)
     */
    public static Checked check(InvoiceDraft draft, CurrencyCode currency, Money transactionAmount) {
        List<FieldError> format = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            format.add(new FieldError("invoice.lines", "must have at least one line"));
        }
        List<Money[]> lineFigures = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            InvoiceDraft.LineDraft line = draft.lines().get(i);
            String path = "invoice.lines[" + i + "].";
            if (line.quantity().isZero()) {
                format.add(new FieldError(path + "quantity", "must be greater than zero"));
            }
            lineFigures.add(new Money[] {money(line.unitPrice(), currency, path + "unitPrice", format),
                    money(line.amount(), currency, path + "amount", format)});
        }
        List<Money> taxFigures = new ArrayList<>();
        for (int i = 0; i < draft.taxes().size(); i++) {
            InvoiceDraft.TaxDraft tax = draft.taxes().get(i);
            String path = "invoice.taxes[" + i + "].";
            if (tax.rate().isZero() || tax.rate().value().compareTo(HUNDRED) > 0) {
                format.add(new FieldError(path + "rate", "must be a percentage above 0 and at most 100"));
            }
            taxFigures.add(money(tax.amount(), currency, path + "amount", format));
        }
        if (!format.isEmpty()) {
            throw InvalidInput.of(format);
        }

        List<FieldError> arithmetic = new ArrayList<>();
        List<InvoiceLine> lines = new ArrayList<>();
        Money subtotal = Money.zero(currency);
        for (int i = 0; i < draft.lines().size(); i++) {
            InvoiceDraft.LineDraft line = draft.lines().get(i);
            Money unitPrice = lineFigures.get(i)[0];
            Money stated = lineFigures.get(i)[1];
            Money expected = Money.roundedHalfUp(line.quantity().value().multiply(unitPrice.decimal()), currency);
            if (!stated.equals(expected)) {
                arithmetic.add(new FieldError("invoice.lines[" + i + "].amount", "must be " + expected + " ("
                        + line.quantity() + " × " + unitPrice + ", rounded half-up), not " + stated));
            }
            lines.add(new InvoiceLine(line.description(), line.quantity(), unitPrice, stated));
            subtotal = subtotal.plus(stated);
        }
        List<InvoiceTax> taxes = new ArrayList<>();
        Money taxTotal = Money.zero(currency);
        for (int i = 0; i < draft.taxes().size(); i++) {
            InvoiceDraft.TaxDraft tax = draft.taxes().get(i);
            Money stated = taxFigures.get(i);
            Money expected = Money.roundedHalfUp(subtotal.decimal().multiply(tax.rate().value())
                    .divide(HUNDRED), currency);
            if (!stated.equals(expected)) {
                arithmetic.add(new FieldError("invoice.taxes[" + i + "].amount", "must be " + expected + " ("
                        + tax.rate() + " % of the subtotal " + subtotal + ", rounded half-up), not " + stated));
            }
            taxes.add(new InvoiceTax(tax.name(), tax.rate(), stated));
            taxTotal = taxTotal.plus(stated);
        }
        Money total = subtotal.plus(taxTotal);
        if (!transactionAmount.equals(total)) {
            arithmetic.add(new FieldError("amount", "must equal the invoice total " + total + " (subtotal " + subtotal
                    + " + taxes " + taxTotal + "), not " + transactionAmount));
        }
        if (!arithmetic.isEmpty()) {
            throw new RuleViolation("The invoice does not add up: " + arithmetic.get(0).field() + " "
                    + arithmetic.get(0).message(), arithmetic);
        }
        return new Checked(lines, taxes, subtotal, taxTotal, total);
    }

    private static Money money(Decimal value, CurrencyCode currency, String field, List<FieldError> errors) {
        try {
            return Money.of(value, currency);
        } catch (InvalidValue invalid) {
            errors.add(new FieldError(field, invalid.getMessage()));
            return Money.zero(currency);
        }
    }
}
