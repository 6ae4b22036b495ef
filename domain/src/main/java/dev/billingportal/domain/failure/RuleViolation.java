package dev.billingportal.domain.failure;

import java.util.List;

/**
 * The command is well-formed but breaks a business rule (an immutable field changed, invoice arithmetic
 * that does not add up, an idempotency key reused for another request). Nothing was changed.
 */
public final class RuleViolation extends PortalFailure {
    private final List<FieldError> errors;

    public RuleViolation(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static RuleViolation of(List<FieldError> errors) {
        return new RuleViolation(FieldChecks.summary(errors), errors);
    }

    public static RuleViolation field(String field, String message) {
        return of(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String code() {
        return "rule-violation";
    }
}
