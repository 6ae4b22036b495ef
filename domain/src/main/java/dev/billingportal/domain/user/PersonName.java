package dev.billingportal.domain.user;

import dev.billingportal.domain.common.Text;

/**
 * A first or last name. Any letters, accents, apostrophes and hyphens ({@code Zoë}, {@code O'Brien},
 * {@code Gagné-Tremblay}); never a control character, because names reach mail headers.
 */
public record PersonName(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonName {
        value = Text.singleLine(value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
