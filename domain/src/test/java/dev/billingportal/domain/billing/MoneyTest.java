package dev.billingportal.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.InvalidValue;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final CurrencyCode CAD = CurrencyCode.CAD;

    @Test
    void amountsAreExactMinorUnits() {
        assertEquals(12345, Money.of(Decimal.parse("123.45"), CAD).minor());
        assertEquals("123.45", Money.of(Decimal.parse("123.45"), CAD).toString());
        assertEquals("100", Money.of(Decimal.parse("100"), new CurrencyCode("JPY")).toString());
        assertEquals("1.234", Money.of(Decimal.parse("1.234"), new CurrencyCode("BHD")).toString());
        assertEquals("-50.00", new Money(-5000, CAD).toString());
        assertEquals("0.30", new Money(10, CAD).plus(new Money(20, CAD)).toString(), "no floating point");
    }

    /** Seeded, so a failure repeats: every currency an account may bill in, amounts of every size and sign. */
    @Test
    void anAmountIsWrittenAsItsPlainDecimal() {
        Random random = new Random(20261205);
        List<CurrencyCode> currencies = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .map(currency -> new CurrencyCode(currency.getCurrencyCode())).toList();
        for (CurrencyCode currency : currencies) {
            for (long minor : new long[] {0, 1, -1, 9, 10, -10, 99, 100, 101, -100_001, Money.MAX_MINOR,
                -Money.MAX_MINOR}) {
                assertWrittenAsPlainDecimal(new Money(minor, currency));
            }
            for (int i = 0; i < 500; i++) {
                long minor = random.nextBoolean() ? random.nextLong(-100_000, 100_000)
                        : random.nextLong(-Money.MAX_MINOR, Money.MAX_MINOR + 1);
                assertWrittenAsPlainDecimal(new Money(minor, currency));
            }
        }
    }

    private static void assertWrittenAsPlainDecimal(Money amount) {
        assertEquals(amount.decimal().toPlainString(), amount.toString(), amount.currency() + " " + amount.minor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123.4", "123", "123.456", "1.2345"})
    void aCadAmountHasExactlyTwoDecimals(String text) {
        assertThrows(InvalidValue.class, () -> Money.of(Decimal.parse(text), CAD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "+5.00", "1e3", "1,000.00", "01.00", " 1.00", "", ".50", "5."})
    void onlyPlainNonNegativeDecimalsAreNumbers(String text) {
        assertThrows(InvalidValue.class, () -> Decimal.parse(text));
    }

    @Test
    void roundingIsHalfUpToTheCent() {
        assertEquals("9.98", Money.roundedHalfUp(new BigDecimal("9.975"), CAD).toString());
        assertEquals("9.97", Money.roundedHalfUp(new BigDecimal("9.9749"), CAD).toString());
        assertEquals("0.01", Money.roundedHalfUp(new BigDecimal("0.005"), CAD).toString());
    }

    @Test
    void theTypeGivesTheSign() {
        Money amount = Money.of(Decimal.parse("10.00"), CAD);
        assertEquals("10.00", TransactionType.INVOICE.effectOn(amount).toString());
        assertEquals("10.00", TransactionType.REFUND.effectOn(amount).toString());
        assertEquals("-10.00", TransactionType.PAYMENT.effectOn(amount).toString());
        assertEquals("-10.00", TransactionType.CREDIT.effectOn(amount).toString());
    }
}
