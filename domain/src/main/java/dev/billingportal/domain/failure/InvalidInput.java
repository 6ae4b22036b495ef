package dev.billingportal.domain.failure;

import java.util.List;

/** The command has invalid fields; nothing was changed. Every invalid field is named at once. */
public final class InvalidInput extends PortalFailure {
    private final List<FieldError> errors;

    public InvalidInput(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(List<FieldError> errors) {
        return new InvalidInput(FieldChecks.summary(errors), errors);
    }

    public static InvalidInput field(String field, String message) {
        return of(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String code() {
        return "invalid-input";
    }
}
