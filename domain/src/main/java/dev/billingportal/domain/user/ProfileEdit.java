package dev.billingportal.domain.user;

import java.time.ZoneId;
import java.util.Objects;

/** The editable fields of a portal user, as a whole (PUT semantics); {@code email} may be null. */
public record ProfileEdit(EmailAddress email, PersonName firstName, PersonName lastName, ZoneId timeZone,
                          boolean billingNotifications) {
    public ProfileEdit {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
