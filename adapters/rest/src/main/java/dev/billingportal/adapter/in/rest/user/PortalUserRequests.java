package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.application.port.in.user.ProfileEditInput;
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
            @Schema(description = "en-CA or fr-CA; kept as it is when left out", example = "fr-CA") String language,
            @Schema(description = "Optional; if sent, must be the user's own") String username) {
    }

    static NewPortalUserInput add(JsonFields fields) {
        return PortalUserFields.newUser(fields);
    }

    static ProfileEditInput edit(JsonFields fields) {
        return new ProfileEditInput(fields.string("email"), fields.string("firstName"), fields.string("lastName"),
                fields.string("timeZone"), fields.flag("billingNotifications"), fields.string("language"),
                fields.string("username"));
    }
}
