package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.domain.user.TimeZones;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A user's editable fields as someone typed them: all of them (the edit replaces them) but the language, which
 * is kept when not sent, and the username only if it was sent — it must then be the user's own, since usernames
 * never change.
 */
public record ProfileEditInput(String email, String firstName, String lastName, String timeZone,
                               Boolean billingNotifications, String language, String username) {

    /** The edit described, every invalid field reported into {@code checks}; null when one is invalid. */
    ProfileEdit edit(FieldChecks checks) {
        Optional<EmailAddress> mail = checks.optional("email", email, EmailAddress::new);
        PersonName first = checks.required("firstName", firstName, PersonName::new);
        PersonName last = checks.required("lastName", lastName, PersonName::new);
        ZoneId zone = checks.required("timeZone", timeZone, TimeZones::parse);
        boolean notified = checks.requiredFlag("billingNotifications", billingNotifications);
        Optional<Language> chosen = checks.optionalChoice("language", language, Language::parse);
        if (checks.failed()) {
            return null;
        }
        return new ProfileEdit(mail.orElse(null), first, last, zone, notified, chosen);
    }
}
