package dev.billingportal.adapter.in.rest.billing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2026-12-05T23:18:29.120Z}: the fraction in groups of
 * three digits, none when it is zero), written into a caller's buffer. {@code Instant.toString} goes through the
 * general formatter and a string builder, and was half the cost of turning a history page's values into text
 * (docs/performance.md); the years a posting can carry (0000–9999) are written here digit by digit, any other
 * instant by {@code Instant.toString} itself.
 */
final class IsoInstant {
    /** The longest text an instant is written as: {@link Instant#MAX}'s, with a ten-digit year and nine-digit fraction. */
    static final int MAX_LENGTH = Instant.MAX.toString().length();
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    /** Writes {@code instant} into {@code text} (at least {@link #MAX_LENGTH} long); returns how many chars. */
    static int write(Instant instant, char[] text) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            String general = instant.toString();
            general.getChars(0, general.length(), text, 0);
            return general.length();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int at = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** {@code value}'s last {@code count} decimal digits at {@code at}, zero-padded; returns the index after them. */
    private static int digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }
}
