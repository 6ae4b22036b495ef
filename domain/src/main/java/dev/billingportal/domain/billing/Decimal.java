package dev.billingportal.domain.billing;

import dev.billingportal.domain.failure.InvalidValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A non-negative decimal number as the API writes it: digits, optionally a point and more digits
 * ({@code "123.45"}, {@code "9.975"}, {@code "10"}). No sign, no exponent, no grouping: amounts are never
 * negative (the transaction type gives the sign) and never guessed at.
 */
public record Decimal(BigDecimal value, String text) {
    private static final Pattern FORMAT = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?");

    public static Decimal parse(String text) {
        if (text == null) {
            throw new InvalidValue("is required");
        }
        if (!FORMAT.matcher(text).matches()) {
            throw new InvalidValue("must be a positive decimal number written as a string, such as \"123.45\"");
        }
        return new Decimal(new BigDecimal(text), text);
    }

    /** Digits after the point, as written ({@code "10.50"} has 2). */
    public int decimals() {
        return Math.max(0, value.scale());
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
