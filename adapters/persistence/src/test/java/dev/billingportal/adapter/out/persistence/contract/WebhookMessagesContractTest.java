package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookUrl;
import dev.billingportal.testing.Stores;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** What the webhook services rely on from {@code WebhookMessages}: the schedule, the leases and the log. */
class WebhookMessagesContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** A moment of this test's own, later than any other test's, so that what is due then is this test's alone. */
    private static Instant later() {
        return NOW.plus(Duration.ofDays(3650 + ThreadLocalRandom.current().nextInt(100_000)));
    }

    private static WebhookEndpoint endpoint(Stores stores) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(Optional.of(account(stores).id()),
                WebhookUrl.parse("https://hooks.example.com/billing", Set.of()), "Ledger", Set.of("*"),
                WebhookSecret.generate(RANDOM), NOW);
        stores.unitOfWork().inTransaction(() -> stores.webhookEndpoints().add(endpoint));
        return endpoint;
    }

    private static List<WebhookMessage> record(Stores stores, WebhookEndpoint endpoint, Instant at, int count) {
        List<WebhookMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(WebhookMessage.pending(endpoint.id(), WebhookEventType.TRANSACTION_POSTED,
                    "{\"n\":" + i + "}", at.plusMillis(i), RANDOM));
        }
        stores.unitOfWork().inTransaction(() -> stores.webhookMessages().record(messages, at, LEASE));
        return messages;
    }

    private static Optional<UUID> lease(Stores stores, String id) {
        return stores.unitOfWork().inTransaction(() -> stores.webhookMessages().lock(id)).orElseThrow().lease();
    }

    /** Publishes every entry waiting in the outbox, as a relay whose broker took them. */
    private static void publishAll(Stores stores, Instant at) {
        UUID relay = UUID.randomUUID();
        List<Outbox.Entry> claimed;
        do {
            claimed = stores.unitOfWork().inTransaction(() -> stores.outbox().claim(relay, 1000, at,
                    Duration.ofMinutes(1)));
            List<Outbox.Entry> batch = claimed;
            stores.unitOfWork().inTransaction(() -> stores.outbox().markPublished(relay, batch, at));
        } while (!claimed.isEmpty());
    }

    /** Leases everything else that is due at {@code at} for a century, so that only this test's messages come due. */
    private static void drainOthers(Stores stores, Instant at) {
        while (stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at, Duration.ofDays(36_500), 1000)) > 0) {
            // taken
        }
    }

    @EveryStore
    void aRecordedMessageIsQueuedAtOnceUnderItsEntrysLeaseAndDueAgainWhenTheLeaseRunsOut(Stores stores) {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        long waiting = stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished());
        WebhookMessage message = record(stores, endpoint, at, 1).getFirst();
        assertEquals(waiting + 1, stores.unitOfWork().inTransaction(() -> stores.outbox().unpublished()),
                "an outbox entry in the same unit of work");
        UUID queuedUnder = lease(stores, message.id()).orElseThrow();
        stores.unitOfWork().inTransaction(() -> stores.webhookMessages().queueDue(at.plus(LEASE), LEASE, 1000));
        assertEquals(Optional.of(queuedUnder), lease(stores, message.id()),
                "its lease ran out, but its entry still waits in the outbox: it will come");

        publishAll(stores, at);
        drainOthers(stores, at);
        assertEquals(0, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at.plusSeconds(60), LEASE, 1000)), "held while its entry's lease lasts");
        assertEquals(Optional.of(queuedUnder), lease(stores, message.id()));
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at.plus(LEASE), LEASE, 1000)), "published, and not taken in time: the queue message is lost");
        UUID requeuedUnder = lease(stores, message.id()).orElseThrow();
        assertNotEquals(queuedUnder, requeuedUnder);
        WebhookMessages.Held held = stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .lock(message.id())).orElseThrow();
        assertEquals(message.body(), held.message().body());
        assertEquals(WebhookMessage.Status.PENDING, held.message().status());
    }

    @EveryStore
    void aFailedAttemptWaitsItsStepAndTheLogKeepsEveryAttempt(Stores stores) {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        WebhookMessage message = record(stores, endpoint, at, 1).getFirst();
        UUID worker = UUID.randomUUID();
        stores.unitOfWork().inTransaction(() -> stores.webhookMessages().hold(message.id(), worker,
                at.plusSeconds(30)));
        assertEquals(Optional.of(worker), lease(stores, message.id()));

        message.attemptFailed(at.plusSeconds(1), Optional.of(Duration.ofSeconds(7)), false, () -> 0.5);
        WebhookAttempt first = new WebhookAttempt(at.plusSeconds(1), Duration.ofMillis(120), Optional.of(503),
                Optional.empty(), "busy");
        stores.unitOfWork().inTransaction(() -> {
            stores.webhookMessages().recordAttempt(message.id(), first);
            stores.webhookMessages().update(message);
        });
        assertEquals(Optional.empty(), lease(stores, message.id()), "the worker let go");
        publishAll(stores, at);
        drainOthers(stores, at.plusSeconds(7));
        assertEquals(0, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at.plusSeconds(7), LEASE, 1000)), "not before its step");
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at.plusSeconds(8), LEASE, 1000)));

        message.delivered(at.plusSeconds(9));
        WebhookAttempt second = new WebhookAttempt(at.plusSeconds(9), Duration.ofMillis(40), Optional.empty(),
                Optional.of("timeout"), "");
        stores.unitOfWork().inTransaction(() -> {
            stores.webhookMessages().recordAttempt(message.id(), second);
            stores.webhookMessages().update(message);
        });
        assertEquals(List.of(first, second), stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .attempts(message.id())));
        WebhookMessage read = stores.unitOfWork().inTransaction(() -> stores.webhookMessages().find(message.id()))
                .orElseThrow();
        assertEquals(WebhookMessage.Status.DELIVERED, read.status());
        assertEquals(2, read.attempts());
        assertEquals(Optional.of(at.plusSeconds(9)), read.deliveredAt());
        assertEquals(0, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .queueDue(at.plus(Duration.ofDays(1)), LEASE, 1000)), "a delivered message is never due");
    }

    @EveryStore
    void anEndpointsLogPagesNewestFirst(Stores stores) {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        List<WebhookMessage> messages = record(stores, endpoint, at, 5);
        List<WebhookMessage> first = stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .newestFirst(endpoint.id(), Optional.empty(), 3));
        assertEquals(List.of(messages.get(4).id(), messages.get(3).id(), messages.get(2).id()),
                first.stream().map(WebhookMessage::id).toList());
        WebhookMessage last = first.getLast();
        List<WebhookMessage> second = stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .newestFirst(endpoint.id(), Optional.of(new WebhookMessages.Position(last.createdAt(), last.id())),
                        3));
        assertEquals(List.of(messages.get(1).id(), messages.get(0).id()),
                second.stream().map(WebhookMessage::id).toList());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookMessages().countByStatus())
                .get(WebhookMessage.Status.PENDING) >= 5);
    }

    @EveryStore
    void twoSchedulersAtOnceQueueEachDueMessageOnce(Stores stores) throws Exception {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        record(stores, endpoint, at, 40);
        publishAll(stores, at);
        drainOthers(stores, at);
        Instant due = at.plus(LEASE);
        Callable<Integer> scheduler = () -> {
            int queued = 0;
            for (int round = 0; round < 10; round++) {
                queued += stores.unitOfWork().inTransaction(() -> stores.webhookMessages().queueDue(due, LEASE, 7));
            }
            return queued;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(scheduler);
            Future<Integer> two = pool.submit(scheduler);
            assertEquals(40, one.get() + two.get(), "each message queued by one scheduler only");
        } finally {
            pool.shutdownNow();
        }
    }

    @EveryStore
    void retentionDeletesSettledMessagesWithTheirAttemptsAndKeepsPendingOnes(Stores stores) {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        List<WebhookMessage> messages = record(stores, endpoint, at, 3);
        publishAll(stores, at);
        WebhookMessage delivered = messages.get(0);
        WebhookMessage failed = messages.get(1);
        delivered.delivered(at.plusSeconds(1));
        failed.endpointDisabled();
        stores.unitOfWork().inTransaction(() -> {
            stores.webhookMessages().recordAttempt(delivered.id(), new WebhookAttempt(at.plusSeconds(1),
                    Duration.ofMillis(5), Optional.of(200), Optional.empty(), ""));
            stores.webhookMessages().update(delivered);
            stores.webhookMessages().update(failed);
        });

        int deleted = 0;
        int batch;
        do {
            batch = stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                    .deleteSettledBefore(at.plusSeconds(60), 1));
            deleted += batch;
        } while (batch > 0 && deleted < 1000);
        assertTrue(deleted >= 2, "at least this test's two");
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .find(delivered.id())));
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .attempts(delivered.id())));
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .find(failed.id())));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.webhookMessages().find(messages.get(2).id()))
                .isPresent(), "a pending message stays, however old");
    }

    @EveryStore
    void theFailedOfEveryEndpointListNewestFirstWithTheirOwnerAndTheirLastAttempt(Stores stores) {
        WebhookEndpoint endpoint = endpoint(stores);
        Instant at = later();
        List<WebhookMessage> messages = record(stores, endpoint, at, 3);
        long failedBefore = stores.unitOfWork().inTransaction(() -> stores.webhookMessages().countFailed());
        WebhookAttempt first = new WebhookAttempt(at.plusSeconds(1), Duration.ofMillis(3), Optional.of(500),
                Optional.empty(), "oops");
        WebhookAttempt last = new WebhookAttempt(at.plusSeconds(9), Duration.ofMillis(3), Optional.empty(),
                Optional.of("timeout"), "");
        for (WebhookMessage message : messages.subList(0, 2)) {
            message.endpointDisabled();
            stores.unitOfWork().inTransaction(() -> {
                stores.webhookMessages().recordAttempt(message.id(), first);
                stores.webhookMessages().recordAttempt(message.id(), last);
                stores.webhookMessages().update(message);
            });
        }
        assertEquals(failedBefore + 2, stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .countFailed()));
        List<WebhookMessages.Failed> failed = stores.unitOfWork().inTransaction(() -> stores.webhookMessages()
                .failedNewestFirst(Optional.empty(), 1000)).stream()
                .filter(row -> row.message().endpoint().equals(endpoint.id())).toList();
        assertEquals(List.of(messages.get(1).id(), messages.get(0).id()), failed.stream()
                .map(row -> row.message().id()).toList(), "newest first, the pending one left out");
        assertEquals(endpoint.account(), failed.getFirst().account());
        assertEquals("https://hooks.example.com/billing", failed.getFirst().endpointUrl());
        assertEquals(java.util.Map.of(messages.get(0).id(), last, messages.get(1).id(), last),
                stores.unitOfWork().inTransaction(() -> stores.webhookMessages().lastAttempts(List.of(
                        messages.get(0).id(), messages.get(1).id(), messages.get(2).id()))),
                "the latest of each, none for one never tried");
    }
}
