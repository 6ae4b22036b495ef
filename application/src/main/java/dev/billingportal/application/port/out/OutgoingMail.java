package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail, ready to render: which template (one per notification kind), in which language (the recipient's), for
 * whom, and the values it shows — already formatted for the recipient (amounts with currency, times in their time
 * zone, words in their language). The mail's Message-ID derives from {@code notificationId}, so a message sent twice
 * is recognisably the same one.
 */
public record OutgoingMail(DeliveryId notificationId, NotificationKind template, Language language, EmailAddress to,
                           String recipientName, Map<String, String> values) {
    public OutgoingMail {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(recipientName, "recipientName");
        values = Map.copyOf(values);
    }
}
