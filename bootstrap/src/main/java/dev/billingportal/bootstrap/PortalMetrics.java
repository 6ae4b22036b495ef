package dev.billingportal.bootstrap;

import dev.billingportal.application.port.in.notification.NotificationStatsQuery;
import dev.billingportal.application.port.in.webhook.WebhookStatsQuery;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The notification pipeline on {@code /metrics}: deliveries sent, failed and pending; the outbox's backlog and
 * lag; the dead-letter queue's depth; webhook messages delivered, failed and pending, and endpoints turned off. Read from the database (and broker) when scraped, at most once a second,
 * so that every process of a deployment reports the same truth.
 */
@ApplicationScoped
public class PortalMetrics {
    private static final Duration CACHE = Duration.ofSeconds(1);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;
    @Inject
    NotificationStatsQuery statsQuery;
    @Inject
    WebhookStatsQuery webhookStatsQuery;
    @Inject
    Portal portal;

    private Snapshot<NotificationStatsQuery.Stats> notifications;
    private Snapshot<WebhookStatsQuery.Stats> webhooks;

    void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) @Initialized(ApplicationScoped.class)
                  Object event) {
        notifications = new Snapshot<>(statsQuery::stats);
        webhooks = new Snapshot<>(webhookStatsQuery::stats);
        gauge("portal.notifications.sent", "Deliveries the mail server accepted", NotificationStatsQuery.Stats::sent);
        gauge("portal.notifications.failed", "Deliveries given up on (FAILED)", NotificationStatsQuery.Stats::failed);
        gauge("portal.notifications.pending", "Deliveries waiting to be sent", NotificationStatsQuery.Stats::pending);
        gauge("portal.outbox.unpublished", "Outbox entries not yet handed to the broker",
                NotificationStatsQuery.Stats::unpublished);
        gauge("portal.outbox.lag.seconds", "Age of the oldest unpublished outbox entry",
                snapshot -> snapshot.outboxLag().toMillis() / 1000.0);
        gauge("portal.webhooks.delivered", "Webhook messages a receiver took (2xx)", webhooks,
                WebhookStatsQuery.Stats::delivered);
        gauge("portal.webhooks.failed", "Webhook messages given up on (FAILED)", webhooks,
                WebhookStatsQuery.Stats::failed);
        gauge("portal.webhooks.pending", "Webhook messages waiting for an attempt or a retry", webhooks,
                WebhookStatsQuery.Stats::pending);
        gauge("portal.webhooks.endpoints.disabled", "Webhook endpoints turned off (410, five days of failures, or by"
                + " their owners)", webhooks, WebhookStatsQuery.Stats::endpointsDisabled);
        registry.gauge(Metadata.builder().withName("portal.notifications.deadletter.depth")
                        .withDescription("Messages in billing.notifications.dlq (-1: no broker in this process)").build(),
                (Supplier<Long>) () -> portal.messaging().map(messaging -> messaging.deadLetterDepth()).orElse(-1L));
    }

    private void gauge(String name, String description, Function<NotificationStatsQuery.Stats, Number> value) {
        gauge(name, description, notifications, value);
    }

    private <S> void gauge(String name, String description, Snapshot<S> snapshot, Function<S, Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                (Supplier<Number>) () -> value.apply(snapshot.get()));
    }

    /** Figures read from the database at most once per {@link #CACHE}, however many gauges a scrape asks. */
    private static final class Snapshot<S> {
        private final Supplier<S> read;
        private S value;
        private long readAt;

        Snapshot(Supplier<S> read) {
            this.read = read;
        }

        synchronized S get() {
            long now = System.nanoTime();
            if (value == null || now - readAt > CACHE.toNanos()) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
