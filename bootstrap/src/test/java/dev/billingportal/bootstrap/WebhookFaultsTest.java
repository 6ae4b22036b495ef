package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.messaging.EmbeddedBroker;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.SkippingClock;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebhookReceiver;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks under faults, as the e-mails are tested (issue 24), through the whole running portal: API, outbox, relay,
 * broker, workers and a real receiver on loopback. Retry waits of minutes are skipped by moving the portal's clock
 * ahead whenever nothing is in flight; nothing else is stubbed.
 */
@HelidonTest
@AddBean(SkippingClock.class)
class WebhookFaultsTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    /** How long a failing receiver holds each request before its 500. */
    private static final Duration SLOW_FAILURE = Duration.ofSeconds(5);

    private Api api;
    private Onboarding onboarding;
    private Billing billing;
    private Db db;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), TestPortal.WEBHOOKS_ON_LOOPBACK);
    }

    @AfterAll
    static void stop() {
        MAILBOX.stop();
        RECEIVER.close();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, MAILBOX);
        billing = new Billing(api);
        db = Db.ofRunningPortal();
    }

    private static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new account whose first user's name starts with {@code name}. */
    private Member newAccount(String name) {
        return onboarding.newAccount(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    /** An endpoint for the transactions posted to {@code owner}'s account (none: the provider's, every account's). */
    private String endpoint(Member owner, String path) {
        String body = Json.createObjectBuilder().add("url", RECEIVER.url(path))
                .add("eventTypes", Json.createArrayBuilder(List.of("transaction.posted"))).build().toString();
        Api.Reply created = owner == null
                ? api.post("/api/v1/operator/webhook-endpoints", TestPortal.OPERATOR_TOKEN, body)
                : api.post("/api/v1/accounts/" + owner.accountId() + "/webhook-endpoints", owner.token(), body);
        assertEquals(201, created.status(), created.body());
        return created.json().getString("secret");
    }

    /** Posts {@code count} payments to the account, four at a time; returns each one's id and when it was posted. */
    private Map<String, Instant> post(Member owner, int count, int from) {
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int n = from; n < from + count; n++) {
                String reference = "PAY-" + n;
                calls.add(clients.submit(() -> {
                    Instant at = Instant.now();
                    Api.Reply reply = billing.post(owner.accountId(), UUID.randomUUID().toString(),
                            Billing.payment("1.00", null, reference));
                    assertEquals(201, reply.status(), reply.body());
                    posted.put(reply.json().getString("id"), at);
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } catch (Exception failed) {
            throw new AssertionError("posting the payments", failed);
        }
        return posted;
    }

    /**
     * Waits for {@code done}, skipping the portal's clock ahead (30 s, then twice as far each time, up to 10 min)
     * whenever the receiver has had no request for half a second: what is left waits for a retry's hour.
     */
    private static void driveUntil(BooleanSupplier done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        int seen = -1;
        Duration skip = Duration.ofSeconds(30);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what + " within 150 s");
            Await.sleep(Duration.ofMillis(500));
            int now = RECEIVER.received().size();
            if (now != seen) {
                seen = now;
                skip = Duration.ofSeconds(30);
                continue;
            }
            SkippingClock.skip(skip);
            skip = skip.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10)
                    : skip.multipliedBy(2);
        }
    }

    private long messages(String status, String path) {
        return db.number("SELECT COUNT(*) FROM webhook_message m JOIN webhook_endpoint e ON e.id = m.endpoint_id"
                + " WHERE m.status = ? AND e.url = ?", status, RECEIVER.url(path));
    }

    /**
     * What one endpoint received: every posted transaction under exactly one webhook-id, each signed; a request seen
     * more than once only ever repeats that id with the same body. Returns how many requests were repeats (a retry
     * after a failure, or a copy).
     */
    private static int assertEachOnceUnderOneId(String path, String secret, Set<String> transactions) {
        Map<String, String> bodyById = new HashMap<>();
        Map<String, String> idByTransaction = new HashMap<>();
        int repeats = 0;
        for (WebhookReceiver.Request request : RECEIVER.received(path)) {
            assertTrue(request.signedWith(secret), "signed: " + request.webhookId());
            String earlier = bodyById.putIfAbsent(request.webhookId(), request.body());
            if (earlier != null) {
                assertEquals(earlier, request.body(), "a repeat of " + request.webhookId() + " is the same message");
                repeats++;
                continue;
            }
            String transaction = request.json().getJsonObject("data").getString("id");
            String other = idByTransaction.putIfAbsent(transaction, request.webhookId());
            assertEquals(null, other, "transaction " + transaction + " came under two webhook-ids");
        }
        assertEquals(transactions, idByTransaction.keySet(), "every transaction reached " + path);
        return repeats;
    }

    @Test
    void aThousandEventsToThreeEndpointsWithOneRequestInTenFailingAreEachDeliveredUnderOneWebhookId() {
        int events = 1000;
        Member owner = newAccount("chaos");
        long seed = new Random().nextLong();
        System.out.println("WebhookFaultsTest seed " + seed);
        Random faults = new Random(seed);
        Map<String, String> secrets = new HashMap<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Map<String, Integer> taken = new ConcurrentHashMap<>();
        List<String> paths = List.of(path("erp"), path("crm"), path("provider"));
        for (String path : paths) {
            secrets.put(path, endpoint(path.startsWith("/provider") ? null : owner, path));
            // One request in ten fails: half a 500, half a 429 with Retry-After (a second).
            RECEIVER.answer(path, request -> {
                double draw;
                synchronized (faults) {
                    draw = faults.nextDouble();
                }
                if (draw >= 0.10) {
                    taken.merge(request.webhookId(), 1, Integer::sum);
                    return WebhookReceiver.Answer.status(200);
                }
                failedOnce.add(request.webhookId());
                return draw < 0.05 ? WebhookReceiver.Answer.status(500)
                        : new WebhookReceiver.Answer(429, Duration.ZERO, Map.of("Retry-After", "1"));
            });
        }

        Set<String> transactions = post(owner, events, 0).keySet();
        driveUntil(() -> paths.stream().allMatch(path -> messages("DELIVERED", path) == events),
                "every message delivered");

        int requests = 0;
        for (String path : paths) {
            assertEachOnceUnderOneId(path, secrets.get(path), transactions);
            requests += RECEIVER.received(path).size();
            assertEquals(0, messages("PENDING", path) + messages("FAILED", path), path);
        }
        int takenAgain = taken.values().stream().mapToInt(count -> count - 1).sum();
        System.out.printf("WebhookFaultsTest: %d messages, %d requests, %d of them answered 500 or 429 (%d messages"
                + " hit), %d sent again after the receiver had taken them%n", 3 * events, requests,
                requests - taken.values().stream().mapToInt(Integer::intValue).sum(), failedOnce.size(), takenAgain);
        assertEquals(3 * events, taken.size(), "each message taken");
        assertTrue(failedOnce.size() > 3 * events / 20, "the faults were injected: " + failedOnce.size());
        assertEquals(204, api.send(api.request("/api/v1/operator/webhook-endpoints/" + providerId(paths.get(2)),
                TestPortal.OPERATOR_TOKEN).DELETE()).status(), "the provider's endpoint leaves the other tests");
    }

    private String providerId(String path) {
        return api.get("/api/v1/operator/webhook-endpoints", TestPortal.OPERATOR_TOKEN).json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).filter(item -> item.getString("url").equals(RECEIVER.url(path)))
                .map(item -> item.getString("id")).findFirst().orElseThrow();
    }

    @Test
    void theBrokerRestartedMidLoadLosesNoMessageAndRepeatsNone() {
        int events = 300;
        Member owner = newAccount("broker");
        String hooks = path("restart");
        String secret = endpoint(owner, hooks);
        EmbeddedBroker broker = CDI.current().select(Portal.class).get().messaging().orElseThrow()
                .embeddedBroker().orElseThrow();

        Set<String> transactions = new HashSet<>(post(owner, 100, 0).keySet());
        Await.until(Duration.ofSeconds(20), () -> !RECEIVER.received(hooks).isEmpty(), "the first deliveries");
        broker.stop();
        int beforeRestart;
        try {
            transactions.addAll(post(owner, events - 100, 100).keySet());
            beforeRestart = RECEIVER.received(hooks).size();
        } finally {
            broker.start();
        }
        assertTrue(beforeRestart < events, "the restart came mid-load: " + beforeRestart + " delivered before");
        driveUntil(() -> messages("DELIVERED", hooks) == events, "every message delivered");

        assertEquals(0, assertEachOnceUnderOneId(hooks, secret, transactions), "none sent twice");
        Await.never(Duration.ofSeconds(1), () -> RECEIVER.received(hooks).size() > events, "a late copy sent");
    }

    @Test
    void anEndpointFailingSlowlyDoesNotDelayAHealthyOnesMessages() {
        int events = 120;
        Member owner = newAccount("neighbour");
        String healthy = path("healthy");
        String failing = path("failing");
        endpoint(owner, healthy);
        // The portal's first attempts (its HTTP client made, its code not yet compiled) are not what is measured.
        post(owner, 10, 1_000);
        Await.until(Duration.ofSeconds(30), () -> RECEIVER.received(healthy).size() >= 10, "the warm-up");
        int warmUp = RECEIVER.received(healthy).size();
        endpoint(owner, failing);
        RECEIVER.answer(failing, request -> new WebhookReceiver.Answer(500, SLOW_FAILURE, Map.of()));

        Map<String, Instant> posted = new HashMap<>();
        for (int n = 0; n < events; n++) {
            posted.putAll(post(owner, 1, n)); // one at a time, about as fast as one client posts
            Await.sleep(Duration.ofMillis(20));
        }
        Await.until(Duration.ofSeconds(30), () -> RECEIVER.received(healthy).size() >= warmUp + events,
                "the healthy ones");

        List<Long> latencies = RECEIVER.received(healthy).stream()
                .filter(request -> posted.containsKey(request.json().getJsonObject("data").getString("id")))
                .map(request -> Duration.between(posted.get(request.json().getJsonObject("data").getString("id")),
                        request.at()).toMillis()).sorted().toList();
        long p50 = latencies.get(latencies.size() / 2);
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        System.out.printf("WebhookFaultsTest: healthy endpoint beside one failing in %d ms: event to receiver"
                + " p50 %d ms, p99 %d ms, max %d ms over %d events; the failing one had %d requests%n",
                SLOW_FAILURE.toMillis(), p50, p99, latencies.getLast(), latencies.size(),
                RECEIVER.received(failing).size());
        assertTrue(p99 < SLOW_FAILURE.toMillis() / 2, "the healthy endpoint's messages never waited behind the"
                + " failing one's (p99 " + p99 + " ms)");
        assertTrue(RECEIVER.received(failing).size() >= 4, "the failing one was tried meanwhile");
    }
}
