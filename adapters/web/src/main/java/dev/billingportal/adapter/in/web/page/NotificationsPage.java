package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.NotificationWords;
import dev.billingportal.adapter.in.web.view.NotificationsView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.notification.BillingNotification;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.domain.notification.Delivery;
import java.util.Locale;

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
        return new NotificationsView.Row(formats.localDateTime(delivery.createdAt()),
                NotificationWords.what(t, formats, item.event()), delivery.recipientEmail().value(),
                t.get("notifications.status." + status), "badge--" + status.toLowerCase(Locale.ROOT),
                NotificationWords.detail(t, formats, delivery));
    }
}
