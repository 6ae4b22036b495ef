package dev.billingportal.application.service.notification;

import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Why a webhook endpoint was turned off, as its owners' mail says it, in the reader's language (spec §13). */
final class WebhookDisabledWords {
    private WebhookDisabledWords() {
    }

    /** The endpoint's address and the reason, into a mail's values. */
    static void put(Map<String, String> values, NotificationEvent event, ZoneId zone, Language language) {
        values.put("endpoint", event.fact(EventFacts.WEBHOOK_ENDPOINT));
        values.put("reason", reason(event, zone, language));
    }

    private static String reason(NotificationEvent event, ZoneId zone, Language language) {
        boolean french = language == Language.FR_CA;
        return switch (WebhookEndpoint.Disabled.valueOf(event.fact(EventFacts.WEBHOOK_DISABLED))) {
            case GONE -> french ? "il a répondu 410 Gone, qui demande de ne plus rien lui envoyer"
                    : "it answered 410 Gone, which asks for nothing more to be sent";
            case FAILING -> {
                String since = MailFormats.localTime(Instant.parse(event.fact(EventFacts.WEBHOOK_FAILING_SINCE)),
                        zone, language);
                yield french ? "toutes les tentatives de livraison échouent depuis le " + since
                        : "every attempt to deliver to it has failed since " + since;
            }
            case BY_OWNER -> throw new IllegalArgumentException("an endpoint turned off by its owner sends no mail");
        };
    }
}
