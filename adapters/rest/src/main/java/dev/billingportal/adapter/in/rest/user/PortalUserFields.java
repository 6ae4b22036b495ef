package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.TimeZones;
import dev.billingportal.domain.user.Username;
import java.time.ZoneId;

/** Reads a new portal user's fields (spec §3), wherever they appear in a request. */
public final class PortalUserFields {
    private PortalUserFields() {
    }

    /** The new user's profile, or null when a field was invalid (the errors are in {@code fields}). */
    public static PortalUserProfile newUser(JsonFields fields) {
        Username username = fields.value("username", Username::of);
        EmailAddress email = fields.optionalValue("email", EmailAddress::new).orElse(null);
        PersonName firstName = fields.value("firstName", PersonName::new);
        PersonName lastName = fields.value("lastName", PersonName::new);
        ZoneId timeZone = fields.value("timeZone", TimeZones::parse);
        boolean billingNotifications = fields.optionalBoolean("billingNotifications", false);
        if (username == null || firstName == null || lastName == null || timeZone == null
                || (fields.has("email") && email == null)) {
            return null;
        }
        return fields.convert("email", () -> new PortalUserProfile(username, email, firstName, lastName, timeZone,
                billingNotifications));
    }
}
