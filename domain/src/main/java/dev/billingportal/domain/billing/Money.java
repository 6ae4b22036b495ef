package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.InvalidValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of one currency, kept as a whole number of minor units (cents) so that sums are exact.
 * Written as a decimal string with exactly the currency's minor digits ({@code "123.45"} CAD, {@code "100"}
 * JPY). May be negative inside the portal (a credit balance); amounts in requests never are.
 */
public record Money(long minor, CurrencyCode currency) {
    /** Far beyond any bill, far below overflow. */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;
    /** Minor units in a major one, by the number of minor digits; ISO 4217 currencies have at most 4. */
    private static final long[] MINOR_UNITS = {1, 10, 100, 1_000, 10_000};

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (Math.abs(minor) > MAX_MINOR) {
            throw new InvalidValue("is too large");
        }
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /** An amount from a request: exactly the currency's minor digits ({@code "123.4"} is refused for CAD). */
    public static Money of(Decimal amount, CurrencyCode currency) {
        int digits = currency.minorDigits();
        if (amount.decimals() != digits) {
            throw new InvalidValue(digits == 0
                    ? "must be a whole number of " + currency + ", without decimals"
                    : "must have exactly " + digits + " decimals for " + currency + ", such as \""
                    + new BigDecimal(123).setScale(digits) + "\"");
        }
        return new Money(amount.value().movePointRight(digits).longValueExact(), currency);
    }

    /** {@code value} rounded half-up to the currency's minor unit (line amounts and taxes, spec §5). */
    public static Money roundedHalfUp(BigDecimal value, CurrencyCode currency) {
        BigDecimal scaled = value.setScale(currency.minorDigits(), RoundingMode.HALF_UP);
        return new Money(scaled.movePointRight(currency.minorDigits()).longValueExact(), currency);
    }

    public BigDecimal decimal() {
        return BigDecimal.valueOf(minor, currency.minorDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(-minor, currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    /** {@code "123.45"}, {@code "-50.00"}: the amount alone, as the API writes it. */
    @Override
    public String toString() {
        int digits = currency.minorDigits();
        if (digits == 0) {
            return Long.toString(minor);
        }
        if (digits >= MINOR_UNITS.length) {
            return decimal().toPlainString();
        }
        // As decimal().toPlainString() writes it, without the BigDecimal: a history page writes two amounts a row.
        long unit = MINOR_UNITS[digits];
        long whole = Math.abs(minor); // |minor| ≤ MAX_MINOR: no overflow
        String fraction = Long.toString(whole % unit + unit).substring(1);
        return (minor < 0 ? "-" : "") + whole / unit + "." + fraction;
    }

    /** {@code "123.45 CAD"}: as people read it. */
    public String withCurrency() {
        return this + " " + currency;
    }
}
