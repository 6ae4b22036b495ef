package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.FieldPath;
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
     * Errors name the posting's fields: {@code amount}, and under {@code invoice} its lines and taxes.
     *
     * @throws InvalidInput  a figure is malformed: not written with exactly the currency's minor digits, a zero
     *                       quantity, a rate outside (0, 100], no line at all
     * @throws RuleViolation well-formed figures that do not add up
     */
    public static Checked check(InvoiceDraft draft, CurrencyCode currency, Money transactionAmount) {
        List<FieldError> format = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            format.add(new FieldError(InvoiceDraft.FIELD.then("lines"), "must have at least one line"));
        }
        List<Money[]> lineFigures = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            InvoiceDraft.LineDraft line = draft.lines().get(i);
            FieldPath path = line(i);
            if (line.quantity().isZero()) {
                format.add(new FieldError(path.then("quantity"), "must be greater than zero"));
            }
            lineFigures.add(new Money[] {money(line.unitPrice(), currency, path.then("unitPrice"), format),
                    money(line.amount(), currency, path.then("amount"), format)});
        }
        List<Money> taxFigures = new ArrayList<>();
        for (int i = 0; i < draft.taxes().size(); i++) {
            InvoiceDraft.TaxDraft tax = draft.taxes().get(i);
            FieldPath path = tax(i);
            if (tax.rate().isZero() || tax.rate().value().compareTo(HUNDRED) > 0) {
                format.add(new FieldError(path.then("rate"), "must be a percentage above 0 and at most 100"));
            }
            taxFigures.add(money(tax.amount(), currency, path.then("amount"), format));
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
            Money expected = lineAmount(line.quantity(), unitPrice);
            if (!stated.equals(expected)) {
                arithmetic.add(new FieldError(line(i).then("amount"), "must be " + expected + " ("
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
            Money expected = taxAmount(subtotal, tax.rate());
            if (!stated.equals(expected)) {
                arithmetic.add(new FieldError(tax(i).then("amount"), "must be " + expected + " ("
                        + tax.rate() + " % of the subtotal " + subtotal + ", rounded half-up), not " + stated));
            }
            taxes.add(new InvoiceTax(tax.name(), tax.rate(), stated));
            taxTotal = taxTotal.plus(stated);
        }
        Money total = subtotal.plus(taxTotal);
        if (!transactionAmount.equals(total)) {
            arithmetic.add(FieldError.of("amount", "must equal the invoice total " + total + " (subtotal " + subtotal
                    + " + taxes " + taxTotal + "), not " + transactionAmount));
        }
        if (!arithmetic.isEmpty()) {
            throw new RuleViolation("The invoice does not add up.", arithmetic);
        }
        return new Checked(lines, taxes, subtotal, taxTotal, total);
    }

    /** A line's amount: quantity × unit price, rounded half-up to the currency's minor unit. */
    public static Money lineAmount(Decimal quantity, Money unitPrice) {
        return Money.roundedHalfUp(quantity.value().multiply(unitPrice.decimal()), unitPrice.currency());
    }

    /** A tax's amount: the subtotal × the rate / 100, rounded half-up to the currency's minor unit. */
    public static Money taxAmount(Money subtotal, Decimal ratePercent) {
        return Money.roundedHalfUp(subtotal.decimal().multiply(ratePercent.value()).divide(HUNDRED),
                subtotal.currency());
    }

    private static FieldPath line(int i) {
        return InvoiceDraft.FIELD.then("lines").at(i);
    }

    private static FieldPath tax(int i) {
        return InvoiceDraft.FIELD.then("taxes").at(i);
    }

    private static Money money(Decimal value, CurrencyCode currency, FieldPath field, List<FieldError> errors) {
        try {
            return Money.of(value, currency);
        } catch (InvalidValue invalid) {
            errors.add(new FieldError(field, invalid.getMessage()));
            return Money.zero(currency);
        }
    }
}
