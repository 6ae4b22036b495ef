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

    /** Control characters (Cc, including CR, LF, TAB, NUL) and the Unicode line and paragraph separators. */
    public static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Text::isControl);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
