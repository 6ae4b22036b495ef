package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleNotificationsView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /console/notifications}: every account's failed notifications, newest first, with the reason and "Retry"
 * (spec §12), one or the selected ones — the queue of what the billing team has to look at.
 */
public final class NotificationsPage {
    static final String PATH = "/console/notifications";
    private static final int PAGE_SIZE = 50;

    private final Console console;
    private final ListDeliveriesQuery deliveries;
    private final RetryNotificationUseCase retry;

    public NotificationsPage(Console console, ListDeliveriesQuery deliveries, RetryNotificationUseCase retry) {
        this.console = console;
        this.deliveries = deliveries;
        this.retry = retry;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        Optional<String> notice = exchange.query("notice").filter("retried"::equals)
                .map(ignored -> t.get("console.account.notice.retried"))
                .or(() -> exchange.query("retried").filter(count -> count.matches("[0-9]{1,3}"))
                        .map(count -> t.get("console.notifications.retriedMany", count,
                                exchange.query("skipped").filter(skipped -> skipped.matches("[0-9]{1,3}"))
                                        .orElse("0"))))
                .or(() -> exchange.query("notice").filter("none-selected"::equals)
                        .map(ignored -> t.get("console.notifications.noneSelected")));
        NewestFirstPage.read(exchange, PATH, PAGE_SIZE,
                        request -> deliveries.list(visit.actor(), Optional.of(DeliveryStatus.FAILED), request))
                .ifPresent(read -> console.page(exchange, 200, "console/notifications.jte",
                        new ConsoleNotificationsView(console.chrome(visit, "console.notifications.title",
                                "notifications"), read.page().items().stream().map(item -> row(t, formats, item))
                                .toList(), read.olderHref(), read.newestHref(), notice, formats.zone().getId())));
    }

    /**
     * "Retry the selected ones": each queued again as if retried alone; one that is no longer failed (another
     * operator was first) or gone is skipped and counted, not an error for the others.
     */
    public void retrySelected(WebExchange exchange, Console.Visit visit) {
        List<String> ids = exchange.form().all("ids");
        if (ids.isEmpty()) {
            exchange.redirect(PATH + "?notice=none-selected");
            return;
        }
        if (ids.size() > PAGE_SIZE) {
            throw new Forms.Unreadable("more notifications than a page shows"); // only a forged form: 400
        }
        int retried = 0;
        int skipped = 0;
        for (String id : ids) {
            try {
                retry.retry(new RetryNotificationCommand(visit.actor(), new DeliveryId(UUID.fromString(id))));
                retried++;
            } catch (IllegalArgumentException | NotFound | StateConflict notRetryable) {
                skipped++;
            }
        }
        exchange.redirect(PATH + "?retried=" + retried + "&skipped=" + skipped);
    }

    private static ConsoleNotificationsView.Row row(Texts t, Formats formats, Delivery delivery) {
        return new ConsoleNotificationsView.Row(delivery.id().value().toString(),
                formats.localDateTime(delivery.createdAt()), t.get("console.notifications.kind."
                + delivery.kind().name()), delivery.recipientEmail().value(),
                Optional.ofNullable(delivery.lastError()).orElse(t.get("notifications.noReason")),
                delivery.accountId().map(account -> AccountPage.PATH + account.value()));
    }
}
