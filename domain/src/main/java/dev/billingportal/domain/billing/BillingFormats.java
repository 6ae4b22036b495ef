package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.user.Language;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How amounts, numbers and dates are written for people — the one home of these rules for the pages, the invoice's
 * PDF and the mails. Two styles:
 * <ul>
 *   <li>a <b>statement</b>'s (mails, the PDF; spec §6's subjects): the amount and its currency's code, in English as
 *       the API writes it ({@code 1234.56 CAD}), in French as the language groups and separates digits
 *       ({@code 1 234,56 CAD}); dates written out ({@code November 30, 2026}, {@code 30 novembre 2026});</li>
 *   <li>a <b>page</b>'s (spec §9): the currency's symbol where the language puts it ({@code $1,234.56},
 *       {@code 1 234,56 $}), numbers grouped in both languages.</li>
 * </ul>
 * A {@link NumberFormat} is not thread-safe, so each call makes its own; a caller formatting many amounts keeps the
 * one {@link #pageMoneyFormat} gives.
 */
public final class BillingFormats {
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH);

    private BillingFormats() {
    }

    /** A statement's amount: {@code 1234.56 CAD}, {@code 1 234,56 CAD}. */
    public static String statementMoney(Money amount, Language language) {
        return statementNumber(amount.decimal(), language) + " " + amount.currency().value();
    }

    /** The same for an amount as the API writes it ({@code "1234.56"}), e.g. an event's fact. */
    public static String statementMoney(String decimal, String currency, Language language) {
        return statementNumber(new BigDecimal(decimal), language) + " " + currency;
    }

    /** A statement's bare number, with the digits it has: {@code 1234.5}, {@code 1 234,5}. */
    public static String statementNumber(BigDecimal value, Language language) {
        return language == Language.FR_CA ? number(value, language) : value.toPlainString();
    }

    /** A statement's date: {@code November 30, 2026}, {@code 30 novembre 2026}. */
    public static String statementDate(LocalDate date, Language language) {
        return (language == Language.FR_CA ? FR_DATE : EN_DATE).format(date);
    }

    /** A page's amounts in {@code currency}: {@code $1,234.56}, {@code 1 234,56 $}, with the currency's decimals. */
    public static NumberFormat pageMoneyFormat(Language language, CurrencyCode currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(Currency.getInstance(currency.value()));
        format.setMinimumFractionDigits(currency.minorDigits());
        format.setMaximumFractionDigits(currency.minorDigits());
        return format;
    }

    /** A number as the language groups and separates digits, with the digits it has: {@code 1,234.5}, {@code 1 234,5}. */
    public static String number(BigDecimal value, Language language) {
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /** A rate given in percent ({@code 9.975}) as the language writes it: {@code 9.975%}, {@code 9,975 %}. */
    public static String percent(BigDecimal ratePercent, Language language) {
        NumberFormat format = NumberFormat.getPercentInstance(language.locale());
        int digits = Math.max(0, ratePercent.stripTrailingZeros().scale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(ratePercent.movePointLeft(2));
    }
}
