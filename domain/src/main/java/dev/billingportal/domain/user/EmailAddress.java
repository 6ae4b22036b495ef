package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Optional;

/**
 * Where a portal user's mail goes. The accepted syntax is the practical subset of RFC 5322 that mail
 * systems deliver to (the HTML "valid e-mail address" rule, plus a dotted domain); ASCII only.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    public EmailAddress {
        if (value == null) {
            throw new InvalidValue("is required");
        }
        value = value.strip();
        if (!isValid(value)) {
            throw new InvalidValue("must be a valid e-mail address");
        }
    }

    /** What someone typed as an address, if it is one: no failure to catch for what is only a wrong guess. */
    public static Optional<EmailAddress> ifValid(String typed) {
        return typed != null && isValid(typed.strip()) ? Optional.of(new EmailAddress(typed)) : Optional.empty();
    }

    /**
     * {@code local@domain}: the local part dot-separated runs of the characters RFC 5322 calls atext, at most 64;
     * the domain two or more dot-separated labels of letters, digits and inner hyphens, at most 63 each, the last
     * starting with a letter and at least two long. A scan, not a regular expression: every portal user read from
     * the database is checked again, and the expression's backtracking was a tenth of listing 200 users.
     */
    static boolean isValid(String candidate) {
        int at = candidate.indexOf('@');
        return candidate.length() <= MAX_LENGTH && at > 0 && at <= MAX_LOCAL_LENGTH
                && isLocalPart(candidate, at) && isDomain(candidate, at + 1);
    }

    private static boolean isLocalPart(String candidate, int end) {
        boolean afterDot = true; // no dot first, none twice in a row, none last
        for (int i = 0; i < end; i++) {
            char c = candidate.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    private static boolean isDomain(String candidate, int start) {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= candidate.length(); i++) {
            if (i == candidate.length() || candidate.charAt(i) == '.') {
                boolean last = i == candidate.length();
                if (!isLabel(candidate, labelStart, i, last)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    /** A label; the last one (the top-level domain) starts with a letter and has at least two characters. */
    private static boolean isLabel(String candidate, int start, int end, boolean last) {
        int length = end - start;
        if (length < (last ? 2 : 1) || length > MAX_LABEL_LENGTH) {
            return false;
        }
        char first = candidate.charAt(start);
        if (last ? !isLetter(first) : !isLetterOrDigit(first)) {
            return false;
        }
        if (!isLetterOrDigit(candidate.charAt(end - 1))) {
            return false;
        }
        for (int i = start + 1; i < end - 1; i++) {
            char c = candidate.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
