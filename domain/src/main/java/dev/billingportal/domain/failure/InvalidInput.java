package dev.billingportal.domain.failure;

import java.util.List;

/** The request is malformed or has invalid fields; nothing was changed. */
public final class InvalidInput extends PortalFailure {
    private final List<FieldError> errors;

    public InvalidInput(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(List<FieldError> errors) {
        return new InvalidInput(summary(errors), errors);
    }

    public static InvalidInput field(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError only = errors.get(0);
            return only.field() + ": " + only.message();
        }
        return "The request has " + errors.size() + " invalid fields.";
    }

    @Override
    public String code() {
        return "invalid-input";
    }
}
