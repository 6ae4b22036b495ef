package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.failure.InvalidInput;
import java.util.Optional;

/** Query parameters, read strictly: a bad value is a 400 naming the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    /** {@code limit} (1-200, default 50) and {@code cursor}. */
    public static PageRequest page(String limit, String cursor) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException notANumber) {
                throw InvalidInput.field("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(Optional.ofNullable(cursor).filter(c -> !c.isBlank()), size);
    }

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
