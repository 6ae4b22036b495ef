package dev.billingportal.application.port.in;

import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
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

    /** From what a reader sent: the limit as text ({@value #DEFAULT_LIMIT} when blank) and the cursor, if any. */
    public static PageRequest of(String limit, String cursor) {
        FieldChecks checks = FieldChecks.start();
        Integer size = limit == null || limit.isBlank() ? Integer.valueOf(DEFAULT_LIMIT)
                : checks.required("limit", limit, PageRequest::limit);
        checks.orThrow();
        return new PageRequest(Optional.ofNullable(cursor).filter(c -> !c.isBlank()), size);
    }

    private static int limit(String raw) {
        int size;
        try {
            size = Integer.parseInt(raw.strip());
        } catch (NumberFormatException notANumber) {
            size = 0;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidValue("must be a whole number between 1 and " + MAX_LIMIT);
        }
        return size;
    }
}
