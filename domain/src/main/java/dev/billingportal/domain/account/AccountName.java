package dev.billingportal.domain.account;

import dev.billingportal.domain.common.Text;

/** The customer's name as shown on invoices and in e-mails. */
public record AccountName(String value) {
    public static final int MAX_LENGTH = 200;

    public AccountName {
        value = Text.singleLine(value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
