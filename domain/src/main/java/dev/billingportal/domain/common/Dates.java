package dev.billingportal.domain.common;

import dev.billingportal.domain.failure.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates and instants written as text, in ISO-8601 — the one way the portal reads them. */
public final class Dates {
    private Dates() {
    }

    /** A calendar date: {@code 2026-11-30}. */
    public static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException invalid) {
            throw new InvalidValue("must be a date such as 2026-11-30");
        }
    }

    /** A moment in UTC: {@code 2026-11-25T08:00:00Z}. */
    public static Instant instant(String raw) {
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException invalid) {
            throw new InvalidValue("must be an ISO-8601 UTC time such as 2026-11-25T08:00:00Z");
        }
    }
}
