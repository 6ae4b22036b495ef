package dev.billingportal.domain.failure;

import java.util.Objects;

/** One rejected field of a command: which field, and what is wrong with it. */
public record FieldError(FieldPath field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** An error on a field of the command itself (not nested). */
    public static FieldError of(String field, String message) {
        return new FieldError(FieldPath.of(field), message);
    }

    public FieldError under(FieldPath prefix) {
        return new FieldError(field.under(prefix), message);
    }
}
