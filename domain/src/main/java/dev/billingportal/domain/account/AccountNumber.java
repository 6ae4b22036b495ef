package dev.billingportal.domain.account;

import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.StateConflict;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The customer-facing account number, chosen by the operator or generated ({@code ACC-000123}).
 * Stored upper-case so that uniqueness does not depend on how it was typed.
 */
public record AccountNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9._-]{2,39}");

    public AccountNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("must be 3-40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static AccountNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidValue("is required");
        }
        return new AccountNumber(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** The generated form for the n-th account: {@code ACC-000123}. */
    public static AccountNumber generated(long n) {
        return new AccountNumber(String.format(Locale.ROOT, "ACC-%06d", n));
    }

    /** Account numbers are unique. */
    public static StateConflict alreadyTaken() {
        return new StateConflict("account-number-taken", "The account number already exists.");
    }

    @Override
    public String toString() {
        return value;
    }
}
