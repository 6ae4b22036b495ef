package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleNotificationsView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.webhooks.WebhooksPages;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.in.webhook.FailedWebhook;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.in.webhook.RetryFailedWebhookUseCase;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code /console/notifications}: every account's failed notifications and every endpoint's failed webhook messages,
 * newest first, with the reason and "Retry" (spec §12), one or the selected ones — the queue of what the billing team
 * has to look at. The two lists page on their own ({@code cursor}, {@code webhooks}).
 */
public final class NotificationsPage {
    static final String PATH = "/console/notifications";
    static final String WEBHOOKS = PATH + "/webhooks";
    private static final int PAGE_SIZE = 50;

    private final Console console;
    private final ListDeliveriesQuery deliveries;
    private final RetryNotificationUseCase retry;
    private final FailedWebhooksQuery failedWebhooks;
    private final RetryFailedWebhookUseCase retryWebhook;

    public NotificationsPage(Console console, ListDeliveriesQuery deliveries, RetryNotificationUseCase retry,
                             FailedWebhooksQuery failedWebhooks, RetryFailedWebhookUseCase retryWebhook) {
        this.console = console;
        this.deliveries = deliveries;
        this.retry = retry;
        this.failedWebhooks = failedWebhooks;
        this.retryWebhook = retryWebhook;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        Optional<NewestFirstPage<Delivery>> mails = NewestFirstPage.read(exchange, PATH, PAGE_SIZE,
                request -> deliveries.list(visit.actor(), Optional.of(DeliveryStatus.FAILED), request));
        if (mails.isEmpty()) {
            return;
        }
        Optional<NewestFirstPage<FailedWebhook>> webhooks = NewestFirstPage.read(exchange, PATH, "webhooks",
                PAGE_SIZE, request -> failedWebhooks.list(visit.actor(), request));
        if (webhooks.isEmpty()) {
            return;
        }
        boolean mayOpenProviders = visit.actor().may(Permission.ADMINISTER);
        console.page(exchange, 200, "console/notifications.jte", new ConsoleNotificationsView(console.chrome(visit,
                "console.notifications.title", "notifications"), mails.get().page().items().stream()
                .map(item -> row(t, formats, item)).toList(), mails.get().olderHref(), mails.get().newestHref(),
                webhooks.get().page().items().stream().map(item -> webhookRow(t, formats, item, mayOpenProviders))
                        .toList(), webhooks.get().olderHref().map(href -> href + "#failed-webhooks"),
                webhooks.get().newestHref().map(href -> href + "#failed-webhooks"), notice(exchange, t),
                formats.zone().getId()));
    }

    private static Optional<String> notice(WebExchange exchange, Texts t) {
        Optional<String> retried = exchange.query("retried").filter(count -> count.matches("[0-9]{1,3}"))
                .map(count -> t.get("console.notifications.retriedMany", count, exchange.query("skipped")
                        .filter(skipped -> skipped.matches("[0-9]{1,3}")).orElse("0")));
        return exchange.query("notice").flatMap(notice -> switch (notice) {
            case "retried" -> Optional.of(t.get("console.account.notice.retried"));
            case "webhook-retried" -> Optional.of(t.get("console.notifications.webhookRetried"));
            case "endpoint-off" -> Optional.of(t.get("console.notifications.webhookEndpointOff"));
            case "none-selected" -> Optional.of(t.get("console.notifications.noneSelected"));
            default -> Optional.<String>empty();
        }).or(() -> retried);
    }

    /**
     * "Retry the selected ones": each queued again as if retried alone; one that is no longer failed (another
     * operator was first) or gone is skipped and counted, not an error for the others.
     */
    public void retrySelected(WebExchange exchange, Console.Visit visit) {
        retryEach(exchange, "", id -> retry.retry(new RetryNotificationCommand(visit.actor(),
                new DeliveryId(UUID.fromString(id)))));
    }

    /** The same for the selected webhook messages. */
    public void retrySelectedWebhooks(WebExchange exchange, Console.Visit visit) {
        retryEach(exchange, "#failed-webhooks", id -> retryWebhook.retry(visit.actor(), id));
    }

    /** {@code POST /console/notifications/webhooks/{messageId}/retry}: one failed webhook message again. */
    public void retryWebhook(WebExchange exchange, Console.Visit visit) {
        try {
            retryWebhook.retry(visit.actor(), exchange.pathParameter("messageId").orElse(""));
        } catch (RuleViolation endpointOff) {
            exchange.redirect(PATH + "?notice=endpoint-off#failed-webhooks");
            return;
        }
        exchange.redirect(PATH + "?notice=webhook-retried#failed-webhooks");
    }

    private static void retryEach(WebExchange exchange, String fragment, Consumer<String> retryOne) {
        List<String> ids = exchange.form().all("ids");
        if (ids.isEmpty()) {
            exchange.redirect(PATH + "?notice=none-selected" + fragment);
            return;
        }
        if (ids.size() > PAGE_SIZE) {
            throw new Forms.Unreadable("more than a page shows"); // only a forged form: 400
        }
        int retried = 0;
        int skipped = 0;
        for (String id : ids) {
            try {
                retryOne.accept(id);
                retried++;
            } catch (IllegalArgumentException | NotFound | StateConflict | RuleViolation notRetryable) {
                skipped++;
            }
        }
        exchange.redirect(PATH + "?retried=" + retried + "&skipped=" + skipped + fragment);
    }

    private static ConsoleNotificationsView.WebhookRow webhookRow(Texts t, Formats formats, FailedWebhook failed,
                                                                   boolean mayOpenProviders) {
        WebhookMessage message = failed.message();
        String endpoint = message.endpoint().value().toString();
        Optional<String> place = failed.account().map(account -> Optional.of(AccountPage.PATH + account.value()
                + "/webhooks")).orElse(mayOpenProviders ? Optional.of("/console/webhooks") : Optional.empty());
        return new ConsoleNotificationsView.WebhookRow(message.id(), formats.localDateTime(message.createdAt()),
                t.get("webhooks.event." + message.type().wireName()), failed.endpointUrl(),
                t.get(failed.account().isPresent() ? "console.notifications.accountsEndpoint"
                        : "console.notifications.providersEndpoint"),
                failed.account().map(account -> AccountPage.PATH + account.value()),
                failed.lastAttempt().map(attempt -> WebhooksPages.outcome(t, attempt))
                        .orElse(t.get("console.notifications.endpointWasOff")),
                place.map(path -> path + "/" + endpoint + "/messages/" + message.id()));
    }

    private static ConsoleNotificationsView.Row row(Texts t, Formats formats, Delivery delivery) {
        return new ConsoleNotificationsView.Row(delivery.id().value().toString(),
                formats.localDateTime(delivery.createdAt()), t.get("console.notifications.kind."
                + delivery.kind().name()), delivery.recipientEmail().value(),
                Optional.ofNullable(delivery.lastError()).orElse(t.get("notifications.noReason")),
                delivery.accountId().map(account -> AccountPage.PATH + account.value()));
    }
}
