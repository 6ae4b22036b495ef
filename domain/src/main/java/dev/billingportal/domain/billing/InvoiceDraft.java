package dev.billingportal.domain.billing;

import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.FieldPath;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** An invoice as a posting describes it, before its arithmetic is checked against its currency. */
public record InvoiceDraft(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, LocalDate periodStart,
                           LocalDate periodEnd, List<LineDraft> lines, List<TaxDraft> taxes) {
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    /** Where a posting carries its invoice. */
    public static final FieldPath FIELD = FieldPath.of("invoice");

    /** A line as written: each figure a decimal whose minor digits are checked later. */
    public record LineDraft(String description, Decimal quantity, Decimal unitPrice, Decimal amount) {
    }

    public record TaxDraft(String name, Decimal rate, Decimal amount) {
    }

    public InvoiceDraft {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        List<FieldError> violations = new ArrayList<>();
        if (dueDate.isBefore(issueDate)) {
            violations.add(new FieldError(FIELD.then("dueDate"), "must not be before the issue date " + issueDate));
        }
        if ((periodStart == null) != (periodEnd == null)) {
            violations.add(new FieldError(FIELD.then(periodStart == null ? "periodStart" : "periodEnd"),
                    "is required when the other end of the billing period is given"));
        } else if (periodStart != null && periodEnd.isBefore(periodStart)) {
            violations.add(new FieldError(FIELD.then("periodEnd"), "must not be before the period's start "
                    + periodStart));
        }
        if (!violations.isEmpty()) {
            throw RuleViolation.of(violations);
        }
    }

    /** Invoice numbers as billing systems write them: {@code INV-2026-0042}. */
    public static String invoiceNumber(String raw) {
        if (raw == null || !NUMBER.matcher(raw).matches()) {
            throw new InvalidValue("must be 1-40 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
        }
        return raw;
    }

    /** An account's invoice numbers are unique. */
    public static StateConflict numberTaken(String number) {
        return new StateConflict("invoice-number-taken", "The invoice number " + number
                + " already exists in this account.",
                List.of(new FieldError(FIELD.then("invoiceNumber"), "already exists in this account")));
    }

    public static String lineDescription(String raw) {
        return Text.singleLine(raw, 1, 200);
    }

    public static String taxName(String raw) {
        return Text.singleLine(raw, 1, 40);
    }
}
