package dev.billingportal.testing;

import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook endpoints in memory, each kept as a copy so that a service's later changes need {@link #update}. */
public final class InMemoryWebhookEndpoints implements WebhookEndpoints {
    private final Map<WebhookEndpointId, WebhookEndpoint> endpoints = new LinkedHashMap<>();

    @Override
    public synchronized void add(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id(), copy(endpoint));
    }

    @Override
    public synchronized Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        return Optional.ofNullable(endpoints.get(id)).map(InMemoryWebhookEndpoints::copy);
    }

    @Override
    public synchronized List<WebhookEndpoint> of(Optional<AccountId> account) {
        return endpoints.values().stream().filter(endpoint -> endpoint.account().equals(account))
                .sorted(Comparator.comparing(WebhookEndpoint::createdAt)
                        .thenComparing(endpoint -> endpoint.id().value()))
                .map(InMemoryWebhookEndpoints::copy).toList();
    }

    @Override
    public synchronized List<WebhookEndpoint> forEventsOf(AccountId account) {
        List<WebhookEndpoint> found = new ArrayList<>(of(Optional.of(account)));
        found.addAll(of(Optional.empty()));
        return found;
    }

    @Override
    public synchronized void update(WebhookEndpoint endpoint) {
        if (!endpoints.containsKey(endpoint.id())) {
            throw new IllegalStateException("no webhook endpoint " + endpoint.id());
        }
        endpoints.put(endpoint.id(), copy(endpoint));
    }

    @Override
    public synchronized boolean remove(WebhookEndpointId id) {
        return endpoints.remove(id) != null;
    }

    private static WebhookEndpoint copy(WebhookEndpoint endpoint) {
        return WebhookEndpoint.reconstitute(endpoint.id(), endpoint.account(), endpoint.url(), endpoint.description(),
                endpoint.eventTypes(), endpoint.createdAt(), endpoint.signing(), endpoint.disabled(),
                endpoint.failingSince());
    }
}
