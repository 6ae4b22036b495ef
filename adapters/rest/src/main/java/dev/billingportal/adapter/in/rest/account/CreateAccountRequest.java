package dev.billingportal.adapter.in.rest.account;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.user.PortalUserFields;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/operator/accounts}; documents the schema and reads it strictly. */
@Schema(name = "CreateAccountRequest")
public record CreateAccountRequest(
        @Schema(description = "Chosen by the operator, or generated (ACC-000123) when left out.",
                example = "ACC-000123") String accountNumber,
        @Schema(required = true, maxLength = 200) String name,
        @Schema(description = "ISO 4217; CAD when left out.", example = "CAD") String currency,
        @Schema(required = true) NewPortalUserRequest firstUser) {

    @Schema(name = "NewPortalUser")
    public record NewPortalUserRequest(
            @Schema(required = true, description = "Usually the person's e-mail address; 3-254 characters, no spaces.")
            String username,
            @Schema(description = "Required unless the username is an e-mail address.") String email,
            @Schema(required = true, maxLength = 100) String firstName,
            @Schema(required = true, maxLength = 100) String lastName,
            @Schema(required = true, example = "America/Toronto") String timeZone,
            @Schema(defaultValue = "false") Boolean billingNotifications,
            @Schema(description = "en-CA (the default) or fr-CA: the language of the user's pages and e-mails",
                    defaultValue = "en-CA") String language) {
    }

    static CreateAccountCommand read(JsonFields fields) {
        JsonFields firstUser = fields.object("firstUser");
        return fields.command(() -> CreateAccountCommand.of(fields.string("accountNumber"), fields.string("name"),
                fields.string("currency"), firstUser == null ? null : PortalUserFields.newUser(firstUser)));
    }
}
