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
 * lag; the dead-letter queue's depth. Read from the database (and broker) when scraped, at most once a second,
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

    private NotificationStatsQuery.Stats stats;
    private long readAt;
    private WebhookStatsQuery.Stats webhookStats;
    private long webhookStatsReadAt;

    void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) @Initialized(ApplicationScoped.class)
                  Object event) {
        gauge("portal.notifications.sent", "Deliveries the mail server accepted", NotificationStatsQuery.Stats::sent);
        gauge("portal.notifications.failed", "Deliveries given up on (FAILED)", NotificationStatsQuery.Stats::failed);
        gauge("portal.notifications.pending", "Deliveries waiting to be sent", NotificationStatsQuery.Stats::pending);
        gauge("portal.outbox.unpublished", "Outbox entries not yet handed to the broker",
                NotificationStatsQuery.Stats::unpublished);
        gauge("portal.outbox.lag.seconds", "Age of the oldest unpublished outbox entry",
                snapshot -> snapshot.outboxLag().toMillis() / 1000.0);
        webhookGauge("portal.webhooks.delivered", "Webhook messages a receiver took (2xx)",
                WebhookStatsQuery.Stats::delivered);
        webhookGauge("portal.webhooks.failed", "Webhook messages given up on (FAILED)", WebhookStatsQuery.Stats::failed);
        webhookGauge("portal.webhooks.pending", "Webhook messages waiting for an attempt or a retry",
                WebhookStatsQuery.Stats::pending);
        webhookGauge("portal.webhooks.endpoints.disabled", "Webhook endpoints turned off (410, five days of failures, "
                + "or by their owners)", WebhookStatsQuery.Stats::endpointsDisabled);
        registry.gauge(Metadata.builder().withName("portal.notifications.deadletter.depth")
                        .withDescription("Messages in billing.notifications.dlq (-1: no broker in this process)").build(),
                (Supplier<Long>) () -> portal.messaging().map(messaging -> messaging.deadLetterDepth()).orElse(-1L));
    }

    private void gauge(String name, String description, Function<NotificationStatsQuery.Stats, Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                (Supplier<Number>) () -> value.apply(stats()));
    }

    private void webhookGauge(String name, String description, Function<WebhookStatsQuery.Stats, Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                (Supplier<Number>) () -> value.apply(webhookStats()));
    }

    private synchronized WebhookStatsQuery.Stats webhookStats() {
        long now = System.nanoTime();
        if (webhookStats == null || now - webhookStatsReadAt > CACHE.toNanos()) {
            webhookStats = webhookStatsQuery.stats();
            webhookStatsReadAt = now;
        }
        return webhookStats;
    }

    private synchronized NotificationStatsQuery.Stats stats() {
        long now = System.nanoTime();
        if (stats == null || now - readAt > CACHE.toNanos()) {
            stats = statsQuery.stats();
            readAt = now;
        }
        return stats;
    }
}
