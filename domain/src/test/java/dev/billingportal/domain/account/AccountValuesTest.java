package dev.billingportal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.failure.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountValuesTest {

    @Test
    void generatedAccountNumbersArePaddedToSixDigits() {
        assertEquals("ACC-000123", AccountNumber.generated(123).value());
        assertEquals("ACC-1234567", AccountNumber.generated(1_234_567).value());
    }

    @Test
    void chosenAccountNumbersAreStoredUpperCase() {
        assertEquals("ACME-42", AccountNumber.parse(" acme-42 ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AB", "-ACME", "ACME 42", "ACME/42"})
    void malformedAccountNumbersAreRefused(String raw) {
        assertThrows(InvalidValue.class, () -> AccountNumber.parse(raw));
    }

    @Test
    void currenciesKnowTheirMinorDigits() {
        assertEquals(2, CurrencyCode.CAD.minorDigits());
        assertEquals(0, new CurrencyCode("JPY").minorDigits());
        assertEquals(3, new CurrencyCode("BHD").minorDigits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cad", "XYZ", "CA", "XAU"})
    void unknownLowerCaseOrNonMonetaryCurrenciesAreRefused(String code) {
        assertThrows(InvalidValue.class, () -> new CurrencyCode(code));
    }
}
