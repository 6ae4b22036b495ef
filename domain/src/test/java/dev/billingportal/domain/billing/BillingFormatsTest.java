package dev.billingportal.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.user.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two ways amounts are written, in both languages (French groups digits with a no-break space, as the JDK has it). */
class BillingFormatsTest {
    private static final Money AMOUNT = Money.of(Decimal.parse("1234.50"), CurrencyCode.CAD);

    @Test
    void aStatementWritesTheAmountAsTheApiDoesInEnglishAndAsFrenchGroupsItInFrench() {
        assertEquals("1234.50 CAD", BillingFormats.statementMoney(AMOUNT, Language.EN_CA));
        assertEquals("1 234,50 CAD", spaced(BillingFormats.statementMoney(AMOUNT, Language.FR_CA)));
        assertEquals("0.05 USD", BillingFormats.statementMoney("0.05", "USD", Language.EN_CA));
        assertEquals("37,5", BillingFormats.statementNumber(new BigDecimal("37.5"), Language.FR_CA));
        assertEquals("November 30, 2026", BillingFormats.statementDate(LocalDate.of(2026, 11, 30), Language.EN_CA));
        assertEquals("30 novembre 2026", BillingFormats.statementDate(LocalDate.of(2026, 11, 30), Language.FR_CA));
    }

    @Test
    void aPageWritesTheCurrencysSymbolWhereTheLanguagePutsIt() {
        assertEquals("$1,234.50", BillingFormats.pageMoneyFormat(Language.EN_CA, CurrencyCode.CAD)
                .format(AMOUNT.decimal()));
        assertEquals("1 234,50 $", spaced(BillingFormats.pageMoneyFormat(Language.FR_CA, CurrencyCode.CAD)
                .format(AMOUNT.decimal())));
        assertEquals("1,234.5", BillingFormats.number(new BigDecimal("1234.5"), Language.EN_CA));
        assertEquals("9.975%", BillingFormats.percent(new BigDecimal("9.975"), Language.EN_CA));
        assertEquals("9,975 %", spaced(BillingFormats.percent(new BigDecimal("9.975"), Language.FR_CA)));
    }

    /** French's no-break spaces (U+00A0 or U+202F, whichever the JDK's data has) as plain ones, to compare. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
