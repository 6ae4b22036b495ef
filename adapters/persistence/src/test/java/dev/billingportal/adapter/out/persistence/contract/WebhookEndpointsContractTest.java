package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookSubscription;
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
        List<WebhookSubscription> hearing = stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints()
                .subscriptionsFor(account.id()));
        assertTrue(hearing.contains(own.subscription()), "its own, as it is: " + hearing);
        assertTrue(hearing.contains(provider.subscription()), "and the provider's");
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().subscriptionsFor(account(stores)
                .id())).stream().anyMatch(subscription -> subscription.endpoint().equals(own.id())),
                "not another account's");

        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(own.id())));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(own.id())));
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints()
                .find(own.id())));
        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(provider.id()));
    }

    @EveryStore
    void anAccountHasTenPlacesAndAFreedOneIsTakenAgain(Stores stores) {
        Account account = account(stores);
        List<WebhookEndpoint> added = new java.util.ArrayList<>();
        for (int i = 0; i < WebhookEndpoint.MAX_PER_ACCOUNT; i++) {
            WebhookEndpoint endpoint = endpoint(Optional.of(account), "https://hooks.example.com/" + i, Set.of("*"));
            assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint)));
            added.add(endpoint);
        }
        WebhookEndpoint eleventh = endpoint(Optional.of(account), "https://hooks.example.com/11", Set.of("*"));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(eleventh)));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint(
                Optional.of(account(stores)), "https://hooks.example.com/other", Set.of("*")))), "another account's");

        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().remove(added.get(3).id()));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(eleventh)));
        assertEquals(WebhookEndpoint.MAX_PER_ACCOUNT, stores.unitOfWork().inTransaction(() -> stores
                .webhookEndpoints().of(Optional.of(account.id()))).size());
    }

    @EveryStore
    void twoEndpointsAddedAtOnceForTheLastPlaceAreNeverBothKept(Stores stores) throws Exception {
        Account account = account(stores);
        for (int i = 0; i < WebhookEndpoint.MAX_PER_ACCOUNT - 1; i++) {
            WebhookEndpoint endpoint = endpoint(Optional.of(account), "https://hooks.example.com/" + i, Set.of("*"));
            stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint));
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Boolean> addOne = () -> {
            WebhookEndpoint endpoint = endpoint(Optional.of(account), "https://hooks.example.com/last", Set.of("*"));
            together.await(5, java.util.concurrent.TimeUnit.SECONDS);
            try {
                return stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint));
            } catch (dev.billingportal.domain.failure.StateConflict clash) {
                return false;
            }
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(addOne);
            var two = pool.submit(addOne);
            assertEquals(1, (one.get() ? 1 : 0) + (two.get() ? 1 : 0), "one of them takes the last place");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(WebhookEndpoint.MAX_PER_ACCOUNT, stores.unitOfWork().inTransaction(() -> stores
                .webhookEndpoints().of(Optional.of(account.id()))).size());
    }
}
