package dev.billingportal.application.port.in.account;

import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.user.PortalUserProfile;
import java.util.Objects;
import java.util.Optional;

/** An operator opens a customer account together with its first portal user. */
public record CreateAccountCommand(Optional<AccountNumber> accountNumber, AccountName name, CurrencyCode currency,
                                   PortalUserProfile firstUser) {
    public CreateAccountCommand {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(firstUser, "firstUser");
    }
}
