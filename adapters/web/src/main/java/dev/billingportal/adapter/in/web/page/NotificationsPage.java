package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.NotificationsView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.notification.BillingNotification;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * The account's billing notifications (spec §9): each e-mail — when, what it told of, to whom — and whether it went:
 * Sent (and when), Pending (with the last temporary failure, if any) or Failed with the reason.
 */
public final class NotificationsPage {
    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final ListNotificationsQuery notifications;

    public NotificationsPage(Pages pages, ListNotificationsQuery notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    /** {@code /notifications}, {@code /notifications?cursor=…}. */
    public void show(WebExchange exchange, Pages.Visit visit) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        NewestFirstPage.read(exchange, "/notifications", PAGE_SIZE,
                request -> notifications.withEvents(visit.session().actor(), visit.me().account().id(), request))
                .ifPresent(read -> pages.page(exchange, 200, "notifications.jte", new NotificationsView(
                        pages.chrome(visit, t.get("notifications.title"), "notifications"),
                        read.page().items().stream().map(item -> row(t, formats, item)).toList(), read.olderHref(),
                        read.newestHref(), formats.zone().getId())));
    }

    private static NotificationsView.Row row(Texts t, Formats formats, BillingNotification item) {
        Delivery delivery = item.delivery();
        String status = delivery.status().name();
        Optional<String> detail = switch (delivery.status()) {
            case SENT -> Optional.ofNullable(delivery.sentAt())
                    .map(sent -> t.get("notifications.sentAt", formats.localDateTime(sent)));
            case FAILED -> Optional.of(t.get("notifications.failedBecause",
                    Optional.ofNullable(delivery.lastError()).orElse(t.get("notifications.noReason"))));
            case PENDING -> Optional.ofNullable(delivery.lastError())
                    .map(error -> t.get("notifications.retrying", delivery.attempts(), error));
        };
        return new NotificationsView.Row(formats.localDateTime(delivery.createdAt()), what(t, formats, item.event()),
                delivery.recipientEmail().value(), t.get("notifications.status." + status),
                "badge--" + status.toLowerCase(Locale.ROOT), detail);
    }

    /** What the e-mail told of, in the reader's words: the transaction posted, or the user added or deleted. */
    static String what(Texts t, Formats formats, NotificationEvent event) {
        if (event == null) {
            return "";
        }
        return switch (event.kind()) {
            case TRANSACTION_POSTED -> {
                String type = event.fact(EventFacts.TRANSACTION_TYPE);
                String amount = formats.money(Money.of(Decimal.parse(event.fact(EventFacts.AMOUNT)),
                        new CurrencyCode(event.fact(EventFacts.CURRENCY))));
                String invoice = event.facts().get(EventFacts.INVOICE_NUMBER);
                String label = t.get("transaction.type." + type);
                if (invoice == null || invoice.isEmpty()) {
                    yield t.get("notifications.posted", label, amount);
                }
                yield type.equals("INVOICE") ? t.get("notifications.invoicePosted", invoice, amount)
                        : t.get("notifications.postedOn", label, invoice, amount);
            }
            case USER_ADDED, USER_DELETED -> t.get("notifications." + event.kind().name(),
                    event.fact(EventFacts.SUBJECT_FIRST_NAME) + " " + event.fact(EventFacts.SUBJECT_LAST_NAME),
                    event.fact(EventFacts.SUBJECT_USERNAME));
            default -> t.get("notifications.kind." + event.kind().name());
        };
    }
}
