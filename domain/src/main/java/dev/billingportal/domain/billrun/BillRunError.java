package dev.billingportal.domain.billrun;

import java.util.Objects;

/** What is wrong with one line of a bill run's file (spec §14): its number (from 1), the field, the message. */
public record BillRunError(long line, String field, String message) {
    public BillRunError {
        if (line < 1) {
            throw new IllegalArgumentException("a file's lines are numbered from 1");
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
