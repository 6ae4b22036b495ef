package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.user.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Amounts and times as each language writes them (spec §9: $1,234.56 in en-CA, 1 234,56 $ in fr-CA). */
class FormatsTest {
    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Test
    void moneyFollowsTheLanguage() {
        Money amount = new Money(123_456, CurrencyCode.CAD);
        assertEquals("$1,234.56", new Formats(Language.EN_CA, VANCOUVER).money(amount));
        assertEquals("1 234,56 $", new Formats(Language.FR_CA, VANCOUVER).money(amount).replace('\u202f', ' ')
                .replace('\u00a0', ' '));
        assertEquals("¥500", new Formats(Language.EN_CA, VANCOUVER).money(new Money(500, new CurrencyCode("JPY")))
                .replace("JP", ""));
    }

    @Test
    void quantitiesAndTaxRatesFollowTheLanguageWithTheDigitsGiven() {
        Formats en = new Formats(Language.EN_CA, VANCOUVER);
        Formats fr = new Formats(Language.FR_CA, VANCOUVER);
        assertEquals("9.975%", en.percent(new BigDecimal("9.975")));
        assertEquals("13%", en.percent(new BigDecimal("13")));
        assertEquals("13%", en.percent(new BigDecimal("13.000")), "trailing zeros of a rate say nothing");
        assertEquals("9,975 %", spaces(fr.percent(new BigDecimal("9.975"))));
        assertEquals("1,234.5", en.number(new BigDecimal("1234.5")));
        assertEquals("1 234,50", spaces(fr.number(new BigDecimal("1234.50"))), "a quantity keeps its digits");
    }

    private static String spaces(String formatted) {
        return formatted.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void timesAreTheReadersOwnWithTheZoneNamed() {
        String shown = new Formats(Language.EN_CA, VANCOUVER).dateTime(Instant.parse("2026-11-01T04:30:00Z"));
        assertEquals("Oct 31, 2026, 9:30 p.m. (America/Vancouver)", shown.replace("\u202f", " "), "the previous day, in Vancouver");
    }
}
