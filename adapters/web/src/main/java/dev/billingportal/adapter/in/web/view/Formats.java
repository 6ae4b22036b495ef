package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.billing.BillingFormats;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.account.CurrencyCode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Amounts, dates and times as the reader's language writes them ({@code $1,234.56} in en-CA, {@code 1 234,56 $} in
 * fr-CA), times in the reader's own time zone with the zone named. One per request (its number formats are not
 * thread-safe): a page of 50 rows formats 150 values, so the formats are made once, not per value — made per value
 * they were a third of the history page's time (docs/performance.md).
 */
public final class Formats {
    /** The localized patterns, resolved once per language (a localized formatter looks its pattern up per use). */
    private static final Map<Language, DateTimeFormatter> DATES = byLanguage(locale -> DateTimeFormatter.ofPattern(
            DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, null, IsoChronology.INSTANCE,
                    locale), locale));
    private static final Map<Language, DateTimeFormatter> DATE_TIMES = byLanguage(locale -> DateTimeFormatter.ofPattern(
            DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.SHORT,
                    IsoChronology.INSTANCE, locale), locale));
    private static final Map<Language, DateTimeFormatter> MONTHS = byLanguage(
            locale -> DateTimeFormatter.ofPattern("LLLL yyyy", locale));
    private static final Map<Language, DateTimeFormatter> SHORT_MONTHS = byLanguage(
            locale -> DateTimeFormatter.ofPattern("LLL", locale));

    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final Map<CurrencyCode, NumberFormat> amounts = new HashMap<>(2);

    public Formats(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        this.date = DATES.get(language);
        this.dateTime = DATE_TIMES.get(language);
    }

    private static Map<Language, DateTimeFormatter> byLanguage(Function<Locale, DateTimeFormatter> formatter) {
        Map<Language, DateTimeFormatter> formatters = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            formatters.put(language, formatter.apply(language.locale()));
        }
        return formatters;
    }

    /** An amount as a page shows it ({@link BillingFormats}: {@code $1,234.56}, {@code 1 234,56 $}). */
    public String money(Money amount) {
        return amounts.computeIfAbsent(amount.currency(), code -> BillingFormats.pageMoneyFormat(language, code))
                .format(amount.decimal());
    }

    /** A quantity as the language writes numbers ({@code 1,5} in fr-CA), with the digits it was given. */
    public String number(BigDecimal value) {
        return BillingFormats.number(value, language);
    }

    /** A tax rate given in percent ({@code 9.975}) as the language writes it: {@code 9.975%}, {@code 9,975 %}. */
    public String percent(BigDecimal ratePercent) {
        return BillingFormats.percent(ratePercent, language);
    }

    /** e.g. {@code December 2025}, {@code décembre 2025}. */
    public String month(YearMonth month) {
        return MONTHS.get(language).format(month);
    }

    /** e.g. {@code Dec}, {@code déc.}: a chart's axis. */
    public String shortMonth(YearMonth month) {
        return SHORT_MONTHS.get(language).format(month);
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
