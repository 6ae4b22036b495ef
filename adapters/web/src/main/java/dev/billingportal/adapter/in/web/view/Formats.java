package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.user.Language;
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

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** e.g. {@code Nov. 25, 2026, 3:00 a.m. (America/Toronto)}. */
    public String dateTime(Instant instant) {
        return dateTime.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public ZoneId zone() {
        return zone;
    }
}
