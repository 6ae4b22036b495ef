package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleNotificationsView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import java.util.Optional;

/**
 * {@code /console/notifications}: every account's failed notifications, newest first, with the reason and "Retry"
 * (spec §12) — the queue of what the billing team has to look at.
 */
public final class NotificationsPage {
    static final String PATH = "/console/notifications";
    private static final int PAGE_SIZE = 50;

    private final Console console;
    private final ListDeliveriesQuery deliveries;

    public NotificationsPage(Console console, ListDeliveriesQuery deliveries) {
        this.console = console;
        this.deliveries = deliveries;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        Optional<String> notice = exchange.query("notice").filter("retried"::equals)
                .map(ignored -> t.get("console.account.notice.retried"));
        NewestFirstPage.read(exchange, PATH, PAGE_SIZE,
                        request -> deliveries.list(visit.actor(), Optional.of(DeliveryStatus.FAILED), request))
                .ifPresent(read -> console.page(exchange, 200, "console/notifications.jte",
                        new ConsoleNotificationsView(console.chrome(visit, "console.notifications.title",
                                "notifications"), read.page().items().stream().map(item -> row(t, formats, item))
                                .toList(), read.olderHref(), read.newestHref(), notice, formats.zone().getId())));
    }

    private static ConsoleNotificationsView.Row row(Texts t, Formats formats, Delivery delivery) {
        return new ConsoleNotificationsView.Row(delivery.id().value().toString(),
                formats.localDateTime(delivery.createdAt()), t.get("console.notifications.kind."
                + delivery.kind().name()), delivery.recipientEmail().value(),
                Optional.ofNullable(delivery.lastError()).orElse(t.get("notifications.noReason")),
                delivery.accountId().map(account -> AccountPage.PATH + account.value()));
    }
}
