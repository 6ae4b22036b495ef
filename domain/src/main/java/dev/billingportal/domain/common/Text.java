package dev.billingportal.domain.common;

import dev.billingportal.domain.failure.InvalidValue;

/** Text rules shared by value objects: trimming, length in characters, no control characters. */
public final class Text {
    private Text() {
    }

    /**
     * Trims {@code raw} and checks it is {@code min..max} characters (code points) long and free of
     * control characters. CR and LF matter most: they would reach mail headers.
     */
    public static String singleLine(String raw, int min, int max) {
        if (raw == null) {
            throw new InvalidValue("is required");
        }
        String value = raw.strip();
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw new InvalidValue(min == 1 ? "must not be blank" : "must be at least " + min + " characters");
        }
        if (length > max) {
            throw new InvalidValue("must be at most " + max + " characters");
        }
        if (hasControlCharacter(value)) {
            throw new InvalidValue("must not contain line breaks or other control characters");
        }
        return value;
    }

    /**
     * Control characters (Cc, including CR, LF, TAB, NUL) and the Unicode line and paragraph separators. All of them
     * lie in the Basic Multilingual Plane, so a loop over chars finds them; every stored name is checked again when
     * read, and a stream of code points was a visible share of listing users.
     */
    public static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
