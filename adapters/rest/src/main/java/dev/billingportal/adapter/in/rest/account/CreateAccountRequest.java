package dev.billingportal.adapter.in.rest.account;

import dev.billingportal.adapter.in.rest.request.JsonBody;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.user.PortalUserFields;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.user.PortalUserProfile;
import java.util.Optional;
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
            @Schema(defaultValue = "false") Boolean billingNotifications) {
    }

    static CreateAccountCommand read(JsonBody body) {
        JsonFields fields = body.fields();
        Optional<AccountNumber> number = fields.optionalValue("accountNumber", AccountNumber::parse);
        AccountName name = fields.value("name", AccountName::new);
        CurrencyCode currency = fields.optionalValue("currency", CurrencyCode::new).orElse(CurrencyCode.CAD);
        JsonFields firstUser = fields.object("firstUser");
        PortalUserProfile profile = firstUser == null ? null : PortalUserFields.newUser(firstUser);
        fields.validate();
        return new CreateAccountCommand(number, name, currency, profile);
    }
}
