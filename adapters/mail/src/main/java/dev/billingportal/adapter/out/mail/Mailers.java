package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.Mailer;
import java.time.Clock;

/** Chooses the mail transport from the settings. */
public final class Mailers {
    private Mailers() {
    }

    public static Mailer create(MailSettings settings, Clock clock) {
        return switch (settings.transport()) {
            case FILE -> new FileMailer(settings, clock);
            case SMTP -> new SmtpMailer(settings, clock);
        };
    }
}
