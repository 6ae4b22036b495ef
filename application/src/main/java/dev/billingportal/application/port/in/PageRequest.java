package dev.billingportal.application.port.in;

import dev.billingportal.domain.failure.InvalidInput;
import java.util.Optional;

/** Which page to read: after an opaque cursor from an earlier page, at most {@code limit} items (1-200). */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
