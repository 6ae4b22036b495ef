package dev.billingportal.application.port.in.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An account's input rules live in its command: the CAD default, and the first user's fields under firstUser. */
class CreateAccountCommandTest {
    private static final NewPortalUserInput ANN = new NewPortalUserInput("ann@example.com", null, "Ann", "Lee",
            "America/Toronto", null);

    @Test
    void theCurrencyIsCadAndTheNumberGeneratedUnlessGiven() {
        CreateAccountCommand command = CreateAccountCommand.of(null, "Acme Telecom", null, ANN);

        assertEquals(CurrencyCode.CAD, command.currency());
        assertTrue(command.accountNumber().isEmpty());
        assertEquals("ACC-42", CreateAccountCommand.of(" acc-42 ", "Acme", "USD", ANN).accountNumber().orElseThrow()
                .value());
    }

    @Test
    void theFirstUsersErrorsAreNamedUnderFirstUserWithTheAccountsOwn() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> CreateAccountCommand.of("!", "", "XYZ",
                new NewPortalUserInput("bad user", null, "Ann", "Lee", "Mars/Base", true)));

        assertEquals(List.of("accountNumber", "name", "currency", "firstUser.username", "firstUser.timeZone"),
                invalid.errors().stream().map(error -> error.field().toString()).toList());
        assertEquals("firstUser", assertThrows(InvalidInput.class, () -> CreateAccountCommand.of(null, "Acme", null,
                null)).errors().get(0).field().toString());
    }
}
