package dev.billingportal.application.service.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How mails show values to a recipient: times in their own time zone, with the zone named. */
public final class MailFormats {
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a zzz", Locale.US);

    private MailFormats() {
    }

    /** e.g. {@code November 25, 2026 at 3:00 AM EST (America/Toronto)}. */
    public static String localTime(Instant instant, ZoneId zone) {
        return LOCAL_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
