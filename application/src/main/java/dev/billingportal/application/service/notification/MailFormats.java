package dev.billingportal.application.service.notification;

import dev.billingportal.domain.billing.BillingFormats;
import dev.billingportal.domain.user.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How mails show values to a recipient, in their language: times in their own time zone with the zone named, dates
 * as the language writes them, amounts with their currency's code as a statement prints them — {@code 1234.56 CAD}
 * in English, as the API writes amounts and as spec §6's subjects read; {@code 1 234,56 CAD} in French.
 */
public final class MailFormats {
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a zzz",
            Locale.US);
    private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm zzz",
            Locale.CANADA_FRENCH);

    private MailFormats() {
    }

    /** e.g. {@code November 25, 2026 at 3:00 AM EST (America/Toronto)}, {@code 25 novembre 2026 à 3 h 00 HNE (…)}. */
    public static String localTime(Instant instant, ZoneId zone, Language language) {
        return (language == Language.FR_CA ? FR_TIME : EN_TIME).format(instant.atZone(zone)) + " (" + zone.getId()
                + ")";
    }

    /** e.g. {@code November 30, 2026}, {@code 30 novembre 2026}: a statement's date ({@link BillingFormats}). */
    public static String date(LocalDate date, Language language) {
        return BillingFormats.statementDate(date, language);
    }

    /** An amount given as the API writes it ({@code 1234.56}), with its currency's code: a statement's. */
    public static String amount(String decimal, String currency, Language language) {
        return BillingFormats.statementMoney(decimal, currency, language);
    }
}
