package dev.billingportal.domain.access;

import dev.billingportal.domain.failure.InvalidValue;

/** A password a user chooses: at least 12 characters (spec §4); the upper bound only keeps hashing cheap. */
public final class Password {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    public static Password of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValue("is required");
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < MIN_LENGTH) {
            throw new InvalidValue("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidValue("must be at most " + MAX_LENGTH + " characters");
        }
        return new Password(raw);
    }

    /** The plain text, to be hashed and forgotten. */
    public String reveal() {
        return value;
    }

    /** Never printed. */
    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
