package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.request.JsonBody;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.domain.user.TimeZones;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the portal-user endpoints: documented as schemas, read strictly. */
public final class PortalUserRequests {
    private PortalUserRequests() {
    }

    @Schema(name = "EditPortalUser", description = "All editable fields (PUT replaces them). The username cannot "
            + "change: sending a different one is a 422.")
    public record EditRequest(
            @Schema(description = "Defaults to the username when that is an e-mail address") String email,
            @Schema(required = true, maxLength = 100) String firstName,
            @Schema(required = true, maxLength = 100) String lastName,
            @Schema(required = true, example = "America/Toronto") String timeZone,
            @Schema(required = true) Boolean billingNotifications,
            @Schema(description = "Optional; if sent, must be the user's own") String username) {
    }

    public record Edit(ProfileEdit edit, Optional<String> username) {
    }

    static PortalUserProfile add(JsonBody body) {
        JsonFields fields = body.fields();
        PortalUserProfile profile = PortalUserFields.newUser(fields);
        fields.validate();
        return profile;
    }

    static Edit edit(JsonBody body) {
        JsonFields fields = body.fields();
        EmailAddress email = fields.optionalValue("email", EmailAddress::new).orElse(null);
        PersonName firstName = fields.value("firstName", PersonName::new);
        PersonName lastName = fields.value("lastName", PersonName::new);
        ZoneId timeZone = fields.value("timeZone", TimeZones::parse);
        Boolean billingNotifications = fields.requiredBoolean("billingNotifications");
        Optional<String> username = fields.optionalString("username");
        fields.validate();
        return new Edit(new ProfileEdit(email, firstName, lastName, timeZone, billingNotifications), username);
    }
}
