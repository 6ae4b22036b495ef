package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionHeadline;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import java.util.Optional;

/**
 * A billing notification in the reader's words, the same on the customers' page and the console's: what the e-mail
 * told of, and how its delivery stands — sent (when), pending (after which temporary failure) or failed (why).
 */
public final class NotificationWords {
    private NotificationWords() {
    }

    /** What the e-mail told of: the transaction posted, or the user added or deleted. */
    public static String what(Texts t, Formats formats, NotificationEvent event) {
        if (event == null) {
            return "";
        }
        return switch (event.kind()) {
            case TRANSACTION_POSTED -> {
                String amount = formats.money(Money.of(Decimal.parse(event.fact(EventFacts.AMOUNT)),
                        new CurrencyCode(event.fact(EventFacts.CURRENCY))));
                yield TransactionHeadline.of(TransactionType.valueOf(event.fact(EventFacts.TRANSACTION_TYPE)),
                        event.facts().get(EventFacts.INVOICE_NUMBER), amount, t.language());
            }
            case USER_ADDED, USER_DELETED -> t.get("notifications." + event.kind().name(),
                    event.fact(EventFacts.SUBJECT_FIRST_NAME) + " " + event.fact(EventFacts.SUBJECT_LAST_NAME),
                    event.fact(EventFacts.SUBJECT_USERNAME));
            case WEBHOOK_ENDPOINT_DISABLED -> t.get("notifications.WEBHOOK_ENDPOINT_DISABLED",
                    event.fact(EventFacts.WEBHOOK_ENDPOINT));
            default -> t.get("notifications.kind." + event.kind().name());
        };
    }

    /** How the delivery stands beyond its status, if there is more to say. */
    public static Optional<String> detail(Texts t, Formats formats, Delivery delivery) {
        return switch (delivery.status()) {
            case SENT -> Optional.ofNullable(delivery.sentAt())
                    .map(sent -> t.get("notifications.sentAt", formats.localDateTime(sent)));
            case FAILED -> Optional.of(t.get("notifications.failedBecause",
                    Optional.ofNullable(delivery.lastError()).orElse(t.get("notifications.noReason"))));
            case PENDING -> Optional.ofNullable(delivery.lastError())
                    .map(error -> t.get("notifications.retrying", delivery.attempts(), error));
        };
    }
}
