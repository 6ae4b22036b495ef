package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.TimeZones;
import dev.billingportal.domain.user.Username;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A new portal user as someone typed them (spec §3): text as sent, {@code null} for what was left out. Wherever
 * a new user is described — adding one, or an account's first user — these are read by {@link #profile}.
 */
public record NewPortalUserInput(String username, String email, String firstName, String lastName, String timeZone,
                                 Boolean billingNotifications, String language) {

    /** A new user in the default language. */
    public NewPortalUserInput(String username, String email, String firstName, String lastName, String timeZone,
                              Boolean billingNotifications) {
        this(username, email, firstName, lastName, timeZone, billingNotifications, null);
    }

    /** The profile described, every invalid field reported into {@code checks}; null when one is invalid. */
    public PortalUserProfile profile(FieldChecks checks) {
        Username name = checks.required("username", username, Username::of);
        Optional<EmailAddress> mail = checks.optional("email", email, EmailAddress::new);
        PersonName first = checks.required("firstName", firstName, PersonName::new);
        PersonName last = checks.required("lastName", lastName, PersonName::new);
        ZoneId zone = checks.required("timeZone", timeZone, TimeZones::parse);
        boolean notified = billingNotifications != null && billingNotifications;
        Language chosen = checks.optionalChoice("language", language, Language::parse).orElse(Language.DEFAULT);
        if (name == null || first == null || last == null || zone == null || (email != null && mail.isEmpty())) {
            return null;
        }
        return checks.rule("email", () -> new PortalUserProfile(name, mail.orElse(null), first, last, zone, notified,
                chosen));
    }
}
