package dev.billingportal.testing;

import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookSubscription;
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
    public synchronized boolean add(WebhookEndpoint endpoint) {
        if (of(endpoint.account()).size() >= WebhookEndpoint.MAX_PER_ACCOUNT) {
            return false;
        }
        endpoints.put(endpoint.id(), copy(endpoint));
        return true;
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
    public synchronized List<WebhookSubscription> subscriptionsFor(AccountId account) {
        List<WebhookEndpoint> found = new ArrayList<>(of(Optional.of(account)));
        found.addAll(of(Optional.empty()));
        return found.stream().map(WebhookEndpoint::subscription).toList();
    }

    @Override
    public synchronized Optional<WebhookEndpoint> lock(WebhookEndpointId id) {
        return find(id);
    }

    @Override
    public synchronized void updateState(WebhookEndpoint endpoint) {
        WebhookEndpoint stored = endpoints.get(endpoint.id());
        if (stored == null) {
            throw new IllegalStateException("no webhook endpoint " + endpoint.id());
        }
        endpoints.put(endpoint.id(), WebhookEndpoint.reconstitute(stored.id(), stored.account(), stored.url(),
                stored.description(), stored.eventTypes(), stored.createdAt(), stored.signing(),
                endpoint.disabled(), endpoint.failingSince()));
    }

    @Override
    public synchronized long countDisabled() {
        return endpoints.values().stream().filter(endpoint -> !endpoint.enabled()).count();
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
