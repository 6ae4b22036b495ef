package dev.billingportal.domain.audit;

import dev.billingportal.domain.failure.InvalidValue;

/**
 * Why someone on the provider's side did something (spec §11: a restore, a manual posting, a role change), kept in
 * the audit entry: 3–500 characters. Line breaks are allowed (it is written in a text area); other control
 * characters are not.
 */
public record Reason(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 500;

    public Reason {
        if (value == null) {
            throw new InvalidValue("is required");
        }
        value = value.strip();
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValue("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (!lineBreakOrTab && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
                throw new InvalidValue("must not contain control characters");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
