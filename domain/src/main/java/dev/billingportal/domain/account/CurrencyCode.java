package dev.billingportal.domain.account;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Currency;
import java.util.regex.Pattern;

/** An ISO 4217 currency with a fixed number of minor digits (CAD: 2, JPY: 0). One per account. */
public record CurrencyCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");
    public static final CurrencyCode CAD = new CurrencyCode("CAD");

    public CurrencyCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("must be a three-letter ISO 4217 code such as CAD");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValue("is not an ISO 4217 currency: " + value);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValue("is not a currency that accounts can be billed in: " + value);
        }
    }

    public int minorDigits() {
        return Currency.getInstance(value).getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return value;
    }
}
