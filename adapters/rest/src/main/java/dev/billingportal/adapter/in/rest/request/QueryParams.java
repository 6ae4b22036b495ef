package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.InvalidInput;

/** Query parameters that are the API's own switches rather than a command's fields. */
public final class QueryParams {
    private QueryParams() {
    }

    /** {@code true}, {@code false}, or absent (false); anything else is a 400 naming the parameter. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field(name, "must be true or false");
        };
    }
}
