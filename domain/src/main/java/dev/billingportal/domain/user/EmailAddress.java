package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.regex.Pattern;

/**
 * Where a portal user's mail goes. The accepted syntax is the practical subset of RFC 5322 that mail
 * systems deliver to (the HTML "valid e-mail address" rule, plus a dotted domain); ASCII only.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SYNTAX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValue("is required");
        }
        value = value.strip();
        if (!isValid(value)) {
            throw new InvalidValue("must be a valid e-mail address");
        }
    }

    static boolean isValid(String candidate) {
        return candidate.length() <= MAX_LENGTH
                && candidate.indexOf('@') <= 64
                && SYNTAX.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
