package dev.billingportal.domain.failure;

import java.util.List;

/**
 * The action does not fit the current state (restoring a user who is not deleted...) or would duplicate
 * something unique (an invoice number); in the latter case the offending field is named.
 */
public final class StateConflict extends PortalFailure {
    private final String code;
    private final List<FieldError> errors;

    public StateConflict(String code, String message) {
        this(code, message, List.of());
    }

    public StateConflict(String code, String message, List<FieldError> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String code() {
        return code;
    }
}
