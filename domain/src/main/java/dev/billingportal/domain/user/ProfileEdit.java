package dev.billingportal.domain.user;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The editable fields of a portal user, as a whole (PUT semantics); {@code email} may be null (it then defaults to
 * the username), and the language is kept when none is given.
 */
public record ProfileEdit(EmailAddress email, PersonName firstName, PersonName lastName, ZoneId timeZone,
                          boolean billingNotifications, Optional<Language> language) {
    public ProfileEdit {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(language, "language");
    }

    /** An edit that leaves the language as it is. */
    public ProfileEdit(EmailAddress email, PersonName firstName, PersonName lastName, ZoneId timeZone,
                       boolean billingNotifications) {
        this(email, firstName, lastName, timeZone, billingNotifications, Optional.empty());
    }
}
