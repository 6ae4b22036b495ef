package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidInput;
import java.time.ZoneId;
import java.util.Objects;

/** What is known about a new portal user when they are added. */
public record PortalUserProfile(Username username, EmailAddress email, PersonName firstName, PersonName lastName,
                                ZoneId timeZone, boolean billingNotifications, Language language) {
    public PortalUserProfile {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(timeZone, "timeZone");
        email = emailOrDefault(username, email);
    }

    /** A profile in the default language. */
    public PortalUserProfile(Username username, EmailAddress email, PersonName firstName, PersonName lastName,
                             ZoneId timeZone, boolean billingNotifications) {
        this(username, email, firstName, lastName, timeZone, billingNotifications, Language.DEFAULT);
    }

    /** The e-mail address may be left out when the username is one (spec §3). */
    static EmailAddress emailOrDefault(Username username, EmailAddress email) {
        if (email != null) {
            return email;
        }
        if (username.isEmailAddress()) {
            return new EmailAddress(username.value());
        }
        throw InvalidInput.field("email", "is required when the username is not an e-mail address");
    }
}
