package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookUrl;
import dev.billingportal.testing.Stores;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the webhook services will rely on from {@code WebhookEndpoints}. */
class WebhookEndpointsContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static WebhookEndpoint endpoint(Optional<Account> account, String url, Set<String> types) {
        return WebhookEndpoint.create(account.map(Account::id), WebhookUrl.parse(url, Set.of()), "Ledger sync", types,
                WebhookSecret.generate(RANDOM), NOW);
    }

    @EveryStore
    void anEndpointIsReadBackWithItsSubscriptionAndSecret(Stores stores) {
        Account account = account(stores);
        WebhookEndpoint endpoint = endpoint(Optional.of(account), "https://hooks.example.com/billing?x=1",
                Set.of("transaction.posted", "portal_user.deleted"));
        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint));

        WebhookEndpoint read = stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().find(endpoint.id()))
                .orElseThrow();
        assertEquals(endpoint.url(), read.url());
        assertEquals(Set.of("transaction.posted", "portal_user.deleted"), read.eventTypes());
        assertEquals(endpoint.secretsAt(NOW), read.secretsAt(NOW), "the secret opens again");
        assertEquals(Optional.of(account.id()), read.account());
        assertTrue(read.enabled());
        assertEquals(List.of(endpoint.id()), stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints()
                .of(Optional.of(account.id()))).stream().map(WebhookEndpoint::id).toList());
    }

    @EveryStore
    void aRotationAndAFailureAreKeptAndTheProvidersEndpointsHearEveryAccount(Stores stores) {
        Account account = account(stores);
        WebhookEndpoint own = endpoint(Optional.of(account), "https://hooks.example.com/a", Set.of("*"));
        WebhookEndpoint provider = endpoint(Optional.empty(), "https://provider.example.com/all", Set.of("*"));
        stores.unitOfWork().inTransaction(() -> {
            stores.webhookEndpoints().add(own);
            stores.webhookEndpoints().add(provider);
        });
        WebhookSecret next = WebhookSecret.generate(RANDOM);
        own.rotate(next, NOW);
        own.failed(false, NOW.plusSeconds(60));
        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().update(own));

        WebhookEndpoint read = stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().find(own.id()))
                .orElseThrow();
        assertEquals(own.secretsAt(NOW), read.secretsAt(NOW), "both sign during the rotation");
        assertEquals(List.of(next), read.secretsAt(NOW.plus(Duration.ofDays(1))));
        assertEquals(Optional.of(NOW.plusSeconds(60)), read.failingSince());
        List<WebhookEndpoint> hearing = stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints()
                .forEventsOf(account.id()));
        assertTrue(hearing.stream().anyMatch(endpoint -> endpoint.id().equals(own.id())));
        assertTrue(hearing.stream().anyMatch(endpoint -> endpoint.id().equals(provider.id())));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().forEventsOf(account(stores)
                .id())).stream().anyMatch(endpoint -> endpoint.id().equals(own.id())), "not another account's");

        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(own.id())));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(own.id())));
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints()
                .find(own.id())));
        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(provider.id()));
    }
}
