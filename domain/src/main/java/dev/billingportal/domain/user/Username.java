package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Locale;

/**
 * A portal user's sign-in name, usually their e-mail address. Kept as typed (trimmed) for display;
 * compared through {@link #key()}, its lower-case form, because uniqueness ignores letter case.
 */
public final class Username {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 254;

    private final String value;
    private final String key;

    private Username(String value) {
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    public static Username of(String raw) {
        if (raw == null) {
            throw new InvalidValue("is required");
        }
        String value = raw.strip();
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValue("must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (isSpaceOrControl(c)) {
                throw new InvalidValue("must not contain spaces or control characters");
            }
            i += Character.charCount(c);
        }
        return new Username(value);
    }

    /** Printable ASCII but the space is decided at once: every username read from the database is checked again. */
    static boolean isSpaceOrControl(int c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    /** The form uniqueness is decided on. */
    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** Whether the username can serve as the user's e-mail address too. */
    public boolean isEmailAddress() {
        return EmailAddress.isValid(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Username that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
