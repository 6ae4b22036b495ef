package dev.billingportal.domain.failure;

import java.util.Objects;

/** One rejected field of a request: its path (e.g. {@code firstUser.timeZone}) and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public FieldError under(String prefix) {
        return new FieldError(prefix + field, message);
    }
}
