package dev.billingportal.application.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase.Outcome;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSignature;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recording at event time, one attempt per queue message, and what each answer does to message and endpoint. */
class DeliverWebhookServiceTest {
    private final WebhookServicesFixture fixture = new WebhookServicesFixture();
    private final InMemoryPortal portal = fixture.portal;
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", true);

    private CreatedWebhookEndpoint endpoint(Optional<Account> owner, String path, List<String> types) {
        return fixture.endpoints.create(owner.isPresent() ? InMemoryPortal.actor(ann) : admin(),
                owner.map(Account::id), new WebhookEndpointInput("http://receiver.test:8080" + path, "Ledger", types,
                        null));
    }

    private dev.billingportal.domain.access.Actor admin() {
        return InMemoryPortal.actor(portal.operator("Ada", dev.billingportal.domain.access.OperatorRole.ADMIN)
                .operator(), portal.clock.instant());
    }

    private void event(WebhookEventType type, PortalUser user) {
        portal.stores.unitOfWork().inTransaction(() -> portal.webhooks.portalUser(type, user, portal.clock.instant()));
    }

    private WebhookMessage only(CreatedWebhookEndpoint endpoint) {
        List<WebhookMessage> messages = portal.stores.webhookMessages().newestFirst(endpoint.endpoint().id(),
                Optional.empty(), 10);
        assertEquals(1, messages.size(), messages.toString());
        return messages.getFirst();
    }

    @Test
    void anEventReachesTheEndpointsSubscribedToItTheProvidersAndNoOthers() {
        CreatedWebhookEndpoint all = endpoint(Optional.of(account), "/all", List.of("*"));
        CreatedWebhookEndpoint deletions = endpoint(Optional.of(account), "/deleted", List.of("portal_user.deleted"));
        CreatedWebhookEndpoint provider = endpoint(Optional.empty(), "/provider", List.of("portal_user.added"));
        Account other = portal.account();
        PortalUser olga = portal.active(other, "Olga", false);

        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        event(WebhookEventType.PORTAL_USER_ADDED, olga);

        assertEquals(WebhookEventType.PORTAL_USER_ADDED, only(all).type());
        assertEquals(List.of(), portal.stores.webhookMessages().newestFirst(deletions.endpoint().id(),
                Optional.empty(), 10), "not subscribed");
        assertEquals(2, portal.stores.webhookMessages().newestFirst(provider.endpoint().id(), Optional.empty(), 10)
                .size(), "the provider's hear every account");
        assertTrue(only(all).body().contains(ann.id().toString()), "the account's hears its own only");
        assertEquals(3, fixture.deliverQueued());
        assertEquals(3, fixture.received.size());
    }

    @Test
    void anAttemptIsSignedWithTheEndpointsSecretAndACopyOfItsQueueMessageSendsNothing() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        event(WebhookEventType.PORTAL_USER_DELETED, ann);
        List<Outbox.Webhook> queued = fixture.publish();
        assertEquals(1, queued.size());
        Outbox.Webhook webhook = queued.getFirst();

        assertEquals(Outcome.ATTEMPTED, fixture.deliver.deliver(webhook.message(), webhook.lease()));
        assertEquals(Outcome.NOTHING_TO_DO, fixture.deliver.deliver(webhook.message(), webhook.lease()),
                "the broker handing the same message out again");
        assertEquals(1, fixture.received.size());
        WebhookServicesFixture.Received request = fixture.received.getFirst();
        long timestamp = portal.clock.instant().getEpochSecond();
        assertEquals(webhook.message(), request.headers().get("webhook-id"));
        assertEquals(Long.toString(timestamp), request.headers().get("webhook-timestamp"));
        assertEquals(WebhookSignature.sign(created.secret(), webhook.message(), timestamp, request.body()),
                request.headers().get("webhook-signature"));
        WebhookMessage message = only(created);
        assertEquals(WebhookMessage.Status.DELIVERED, message.status());
        List<WebhookAttempt> attempts = portal.stores.webhookMessages().attempts(message.id());
        assertEquals(Optional.of(204), attempts.getFirst().status());
    }

    @Test
    void aFailureWaitsItsStepAndTheRetryCarriesTheSameWebhookId() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        fixture.answer = request -> WebhookServicesFixture.answered(503);
        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        Outbox.Webhook first = fixture.publish().getFirst();
        assertEquals(Outcome.ATTEMPTED, fixture.deliver.deliver(first.message(), first.lease()));

        WebhookMessage waiting = only(created);
        assertEquals(WebhookMessage.Status.PENDING, waiting.status());
        assertEquals(Optional.of(portal.clock.instant().plusSeconds(5)), waiting.nextAttemptAt(), "5 s, jitter 0");
        assertEquals(0, fixture.scheduler.queueDue(), "not before its step");
        portal.clock.advance(Duration.ofSeconds(5));
        assertEquals(1, fixture.scheduler.queueDue());
        fixture.answer = request -> WebhookServicesFixture.answered(200);
        List<Outbox.Webhook> again = fixture.publish();
        assertEquals(Outcome.NOTHING_TO_DO, fixture.deliver.deliver(first.message(), first.lease()),
                "the first queue message's lease has passed on");
        assertEquals(Outcome.ATTEMPTED, fixture.deliver.deliver(again.getFirst().message(), again.getFirst().lease()));

        assertEquals(2, fixture.received.size());
        assertEquals(fixture.received.get(0).headers().get("webhook-id"),
                fixture.received.get(1).headers().get("webhook-id"));
        assertEquals(fixture.received.get(0).body(), fixture.received.get(1).body());
        assertEquals(WebhookMessage.Status.DELIVERED, only(created).status());
        assertEquals(2, portal.stores.webhookMessages().attempts(first.message()).size());
    }

    @Test
    void goneDisablesTheEndpointAtOnceTellsItsOwnersOnceAndFailsWhatWaits() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        fixture.answer = request -> WebhookServicesFixture.answered(410);
        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        event(WebhookEventType.PORTAL_USER_DELETED, ann);
        List<Outbox.Webhook> queued = fixture.publish();
        assertEquals(Outcome.ATTEMPTED, fixture.deliver.deliver(queued.get(0).message(), queued.get(0).lease()));
        assertEquals(Outcome.NOTHING_TO_DO, fixture.deliver.deliver(queued.get(1).message(), queued.get(1).lease()));

        assertEquals(1, fixture.received.size(), "nothing more sent to it");
        WebhookEndpoint endpoint = portal.stores.webhookEndpoints().find(created.endpoint().id()).orElseThrow();
        assertEquals(Optional.of(WebhookEndpoint.Disabled.GONE), endpoint.disabled());
        assertEquals(1, fixture.disabled.size(), "told once");
        portal.stores.webhookMessages().newestFirst(endpoint.id(), Optional.empty(), 10)
                .forEach(message -> assertEquals(WebhookMessage.Status.FAILED, message.status()));
    }

    @Test
    void fiveDaysOfNothingButFailuresDisableTheEndpoint() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        fixture.answer = request -> WebhookServicesFixture.failed("timeout");
        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        fixture.deliverQueued();
        Instant failingSince = portal.clock.instant();
        assertEquals(Optional.of(failingSince), portal.stores.webhookEndpoints().find(created.endpoint().id())
                .orElseThrow().failingSince());

        portal.clock.advance(Duration.ofDays(4).plusHours(23));
        event(WebhookEventType.PORTAL_USER_DELETED, ann);
        fixture.deliverQueued();
        assertTrue(portal.stores.webhookEndpoints().find(created.endpoint().id()).orElseThrow().enabled(),
                "not yet five days");
        portal.clock.advance(Duration.ofHours(1));
        fixture.scheduler.queueDue();
        fixture.deliverQueued();

        WebhookEndpoint endpoint = portal.stores.webhookEndpoints().find(created.endpoint().id()).orElseThrow();
        assertEquals(Optional.of(WebhookEndpoint.Disabled.FAILING), endpoint.disabled());
        assertEquals(List.of(created.endpoint().id()), fixture.disabled.stream().map(WebhookEndpoint::id).toList());
    }

    @Test
    void aSuccessEndsARunOfFailures() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        fixture.answer = request -> WebhookServicesFixture.answered(500);
        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        fixture.deliverQueued();
        fixture.answer = request -> WebhookServicesFixture.answered(200);
        event(WebhookEventType.PORTAL_USER_DELETED, ann);
        fixture.deliverQueued();
        assertEquals(Optional.empty(), portal.stores.webhookEndpoints().find(created.endpoint().id()).orElseThrow()
                .failingSince());
    }

    @Test
    void anEndpointThatHangsHoldsAtMostItsPlacesAndAnothersMessagesGoOn() throws Exception {
        CreatedWebhookEndpoint hanging = endpoint(Optional.of(account), "/hangs", List.of("*"));
        Account other = portal.account();
        PortalUser olga = portal.active(other, "Olga", false);
        CreatedWebhookEndpoint healthy = fixture.endpoints.create(InMemoryPortal.actor(olga), Optional.of(other.id()),
                new WebhookEndpointInput("http://receiver.test:8080/healthy", "", List.of("*"), null));
        CountDownLatch release = new CountDownLatch(1);
        fixture.answer = request -> {
            if (request.url().uri().getPath().equals("/hangs")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return WebhookServicesFixture.failed("timeout");
            }
            return WebhookServicesFixture.answered(200);
        };
        int beyond = DeliverWebhookService.IN_FLIGHT_PER_ENDPOINT + 2;
        for (int i = 0; i < beyond; i++) {
            event(WebhookEventType.PORTAL_USER_ADDED, ann);
        }
        event(WebhookEventType.PORTAL_USER_ADDED, olga);
        List<Outbox.Webhook> queued = fixture.publish();
        ExecutorService workers = Executors.newFixedThreadPool(queued.size());
        try {
            List<Future<Outcome>> outcomes = queued.stream()
                    .map(webhook -> workers.submit(() -> fixture.deliver.deliver(webhook.message(), webhook.lease())))
                    .toList();
            long healthyDone = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (portal.stores.webhookMessages().newestFirst(healthy.endpoint().id(), Optional.empty(), 1)
                    .getFirst().status() != WebhookMessage.Status.DELIVERED) {
                assertTrue(System.nanoTime() < healthyDone, "the healthy endpoint's message went through");
                Thread.sleep(10);
            }
            // Beyond its places, a worker waits a moment at most (PATIENCE), then defers — while the others hang.
            long deferredBy = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (deferred(outcomes) < 2) {
                assertTrue(System.nanoTime() < deferredBy, "the hanging endpoint's messages beyond its places wait,"
                        + " not a worker");
                Thread.sleep(10);
            }
            assertEquals(2, deferred(outcomes));
            assertEquals(1, release.getCount(), "deferred while the others still hang");
            release.countDown();
            for (Future<Outcome> outcome : outcomes) {
                outcome.get(10, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            workers.shutdownNow();
        }
        assertEquals(DeliverWebhookService.IN_FLIGHT_PER_ENDPOINT, fixture.received.stream()
                .filter(request -> request.url().uri().getPath().equals("/hangs")).count());
        List<WebhookMessage> waiting = portal.stores.webhookMessages().newestFirst(hanging.endpoint().id(),
                Optional.empty(), 10).stream().filter(message -> message.attempts() == 0).toList();
        assertEquals(2, waiting.size());
        waiting.forEach(message -> assertFalse(message.nextAttemptAt().orElseThrow().isAfter(
                portal.clock.instant().plusSeconds(1)), "due again in a second"));
    }

    private static long deferred(List<Future<Outcome>> outcomes) throws Exception {
        long deferred = 0;
        for (Future<Outcome> outcome : outcomes) {
            if (outcome.isDone() && outcome.get() == Outcome.DEFERRED) {
                deferred++;
            }
        }
        return deferred;
    }

    @Test
    void aBurstBeyondAFastEndpointsPlacesWaitsAMomentForOneInsteadOfASecond() throws Exception {
        endpoint(Optional.of(account), "/fast", List.of("*"));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        fixture.answer = request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // a receiver answering in milliseconds
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return WebhookServicesFixture.answered(200);
        };
        int burst = DeliverWebhookService.IN_FLIGHT_PER_ENDPOINT * 2;
        for (int i = 0; i < burst; i++) {
            event(WebhookEventType.PORTAL_USER_ADDED, ann);
        }
        List<Outbox.Webhook> queued = fixture.publish();
        ExecutorService workers = Executors.newFixedThreadPool(queued.size());
        try {
            List<Future<Outcome>> outcomes = queued.stream()
                    .map(webhook -> workers.submit(() -> fixture.deliver.deliver(webhook.message(), webhook.lease())))
                    .toList();
            for (Future<Outcome> outcome : outcomes) {
                assertEquals(Outcome.ATTEMPTED, outcome.get(10, TimeUnit.SECONDS), "sent, not deferred a second");
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(burst, fixture.received.size());
        assertTrue(most.get() <= DeliverWebhookService.IN_FLIGHT_PER_ENDPOINT, "never beyond its places: " + most);
    }

    @Test
    void aTestEventIsSentToADisabledEndpointAndNothingElseIs() {
        CreatedWebhookEndpoint created = endpoint(Optional.of(account), "/hooks", List.of("*"));
        fixture.endpoints.update(InMemoryPortal.actor(ann), Optional.of(account.id()), created.endpoint().id(),
                new WebhookEndpointInput(null, null, null, false));
        event(WebhookEventType.PORTAL_USER_ADDED, ann);
        fixture.endpoints.sendTestEvent(InMemoryPortal.actor(ann), Optional.of(account.id()),
                created.endpoint().id());
        assertEquals(1, fixture.deliverQueued());
        assertEquals(1, fixture.received.size());
        assertTrue(fixture.received.getFirst().body().contains("webhook.test"));
    }
}
