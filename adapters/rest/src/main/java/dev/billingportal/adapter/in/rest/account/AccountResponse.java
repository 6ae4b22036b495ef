package dev.billingportal.adapter.in.rest.account;

import dev.billingportal.adapter.in.rest.user.PortalUserResponse;
import dev.billingportal.domain.account.Account;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account", description = "A customer's billing account.")
public record AccountResponse(UUID id, String accountNumber, String name, String currency, Instant createdAt) {

    public static AccountResponse of(Account account) {
        return new AccountResponse(account.id().value(), account.number().value(), account.name().value(),
                account.currency().value(), account.createdAt());
    }

    /** The answer to creating an account: the account and its first, invited user. */
    @Schema(name = "CreatedAccount")
    public record Created(UUID id, String accountNumber, String name, String currency, Instant createdAt,
                          PortalUserResponse firstUser) {
    }
}
