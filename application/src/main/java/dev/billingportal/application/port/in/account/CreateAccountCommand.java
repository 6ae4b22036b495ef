package dev.billingportal.application.port.in.account;

import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.PortalUserProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator opens a customer account together with its first portal user (spec §2). The account number is
 * generated when none is chosen; the currency is {@code CAD} unless another is named.
 */
public record CreateAccountCommand(Optional<AccountNumber> accountNumber, AccountName name, CurrencyCode currency,
                                   PortalUserProfile firstUser) {
    public static final CurrencyCode DEFAULT_CURRENCY = CurrencyCode.CAD;

    public CreateAccountCommand {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(firstUser, "firstUser");
    }

    /** From what was sent; {@code null} for what was left out. Every invalid field is reported at once. */
    public static CreateAccountCommand of(String accountNumber, String name, String currency,
                                          NewPortalUserInput firstUser) {
        FieldChecks checks = FieldChecks.start();
        Optional<AccountNumber> number = checks.optional("accountNumber", accountNumber, AccountNumber::parse);
        AccountName accountName = checks.required("name", name, AccountName::new);
        CurrencyCode code = checks.optional("currency", currency, CurrencyCode::new).orElse(DEFAULT_CURRENCY);
        PortalUserProfile profile = null;
        if (firstUser == null) {
            checks.reject("firstUser", "is required");
        } else {
            profile = firstUser.profile(checks.within("firstUser"));
        }
        checks.orThrow();
        return new CreateAccountCommand(number, accountName, code, profile);
    }
}
