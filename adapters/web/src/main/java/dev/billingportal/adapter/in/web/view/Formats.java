package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.user.Language;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

/**
 * Amounts, dates and times as the reader's language writes them ({@code $1,234.56} in en-CA, {@code 1 234,56 $} in
 * fr-CA), times in the reader's own time zone with the zone named.
 */
public final class Formats {
    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale());
    }

    public String money(Money amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        Currency currency = Currency.getInstance(amount.currency().value());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(amount.currency().minorDigits());
        format.setMaximumFractionDigits(amount.currency().minorDigits());
        return format.format(amount.decimal());
    }

    /** A quantity as the language writes numbers ({@code 1,5} in fr-CA), with the digits it was given. */
    public String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /** A tax rate given in percent ({@code 9.975}) as the language writes it: {@code 9.975%}, {@code 9,975 %}. */
    public String percent(BigDecimal ratePercent) {
        NumberFormat format = NumberFormat.getPercentInstance(language.locale());
        int digits = Math.max(0, ratePercent.stripTrailingZeros().scale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(ratePercent.movePointLeft(2));
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** e.g. {@code Nov. 25, 2026, 3:00 a.m. (America/Toronto)}. */
    public String dateTime(Instant instant) {
        return dateTime.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** e.g. {@code Nov. 25, 2026, 3:00 a.m.}: for a table whose caption names the zone. */
    public String localDateTime(Instant instant) {
        return dateTime.format(instant.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
