package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookUrl;
import dev.billingportal.testing.InMemoryPortal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The webhook services over the in-memory stores, with a receiver the test scripts. */
final class WebhookServicesFixture {
    static final Set<String> INSECURE = Set.of("receiver.test");

    /** One request as the receiver saw it. */
    record Received(WebhookUrl url, Map<String, String> headers, String body) {
    }

    final InMemoryPortal portal = new InMemoryPortal();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** What the receiver answers each request with; 2xx by default. */
    volatile Function<Received, WebhookSender.Attempt> answer = request -> answered(204);
    /** Hosts the address check refuses, with the reason it gives. */
    final Map<String, String> refusedHosts = new java.util.concurrent.ConcurrentHashMap<>();
    final List<WebhookEndpoint> disabled = new CopyOnWriteArrayList<>();

    final WebhookSender sender = new WebhookSender() {
        @Override
        public Attempt post(WebhookUrl url, Map<String, String> headers, String body) {
            Received request = new Received(url, Map.copyOf(headers), body);
            received.add(request);
            return answer.apply(request);
        }

        @Override
        public Optional<String> refusal(WebhookUrl url) {
            return Optional.ofNullable(refusedHosts.get(url.host()));
        }
    };

    final WebhookEndpointService endpoints = new WebhookEndpointService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.webhookEndpoints(), portal.stores.webhookMessages(),
            new dev.billingportal.testing.PlainWebhookPayloads(), sender, portal.stores.auditLog(),
            portal.relayWakeUps::incrementAndGet, portal.clock, new SecureRandom(), INSECURE);
    final DeliverWebhookService deliver = new DeliverWebhookService(portal.stores.unitOfWork(),
            portal.stores.webhookMessages(), portal.stores.webhookEndpoints(), sender, portal.clock, () -> 0.5,
            (endpoint, at) -> disabled.add(endpoint));
    final QueueDueWebhooksService scheduler = new QueueDueWebhooksService(portal.stores.unitOfWork(),
            portal.stores.webhookMessages(), portal.relayWakeUps::incrementAndGet, portal.clock, 100);

    static WebhookSender.Attempt answered(int status) {
        return new WebhookSender.Attempt(Optional.of(status), Duration.ofMillis(12), Optional.empty(), "ok",
                Optional.empty());
    }

    static WebhookSender.Attempt failed(String error) {
        return new WebhookSender.Attempt(Optional.empty(), Duration.ofMillis(12), Optional.of(error), "",
                Optional.empty());
    }

    /** The webhook messages waiting in the outbox, as a relay would publish them, and taken off it. */
    List<Outbox.Webhook> publish() {
        List<Outbox.Webhook> queued = new ArrayList<>();
        java.util.UUID relay = java.util.UUID.randomUUID();
        Instant now = portal.clock.instant();
        List<Outbox.Entry> entries = portal.stores.outbox().claim(relay, 10_000, now, Duration.ofMinutes(1));
        portal.stores.outbox().markPublished(relay, entries, now);
        entries.forEach(entry -> {
            if (entry.work() instanceof Outbox.Webhook webhook) {
                queued.add(webhook);
            }
        });
        return queued;
    }

    /** Publishes what waits and has each delivered by a worker; returns how many were attempted. */
    int deliverQueued() {
        int attempted = 0;
        for (Outbox.Webhook webhook : publish()) {
            if (deliver.deliver(webhook.message(), webhook.lease())
                    == dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase.Outcome.ATTEMPTED) {
                attempted++;
            }
        }
        return attempted;
    }
}
