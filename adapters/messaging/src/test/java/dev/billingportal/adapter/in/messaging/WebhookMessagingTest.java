package dev.billingportal.adapter.in.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.messaging.MessagingSettings;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.adapter.out.messaging.RetryPolicy;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.notification.DeliveryId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook queue: what the relay publishes reaches the webhook workers with its lease, and nothing else does. */
class WebhookMessagingTest {
    @TempDir
    Path folder;
    private Messaging messaging;
    private WebhookListener webhooks;
    private NotificationListener mails;
    private final List<String> attempted = new CopyOnWriteArrayList<>();
    private final List<DeliveryId> mailed = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private final DeliverWebhookUseCase worker = (message, lease) -> {
        attempted.add(message + " " + lease);
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("the database is away");
        }
        return DeliverWebhookUseCase.Outcome.ATTEMPTED;
    };

    private void start() {
        messaging = Messaging.start(new MessagingSettings(MessagingSettings.Mode.EMBEDDED, null, null, null,
                folder.resolve("broker"), RetryPolicy.DEFAULT, 2, null));
        webhooks = new WebhookListener(messaging.connections(), worker, 2, () -> true);
        webhooks.start();
        mails = new NotificationListener(messaging.connections(), command -> {
            mailed.add(command.delivery());
            return DeliveryOutcome.SENT;
        }, 1);
        mails.start();
    }

    @AfterEach
    void stop() {
        if (webhooks != null) {
            webhooks.close();
        }
        if (mails != null) {
            mails.close();
        }
        if (messaging != null) {
            messaging.close();
        }
    }

    @Test
    void aBatchGoesToBothQueuesAndEachWebhookMessageReachesAWorkerOnceWithItsLease() {
        start();
        Outbox.Webhook first = new Outbox.Webhook("msg_p5jXN8AQM9LWM0D4loKWxJek", UUID.randomUUID());
        Outbox.Webhook second = new Outbox.Webhook("msg_2KWPBgLlAfxdpx2AI54pPJ85", UUID.randomUUID());
        DeliveryId mail = DeliveryId.random();

        messaging.queue().publish(List.of(mail), List.of(first, second));

        await(() -> attempted.size() == 2 && mailed.size() == 1, "both workers got theirs");
        sleep(500);
        assertEquals(java.util.Set.of(first.message() + " " + first.lease(), second.message() + " " + second.lease()),
                java.util.Set.copyOf(attempted), "each with its lease");
        assertEquals(List.of(mail), mailed, "the mail to the mail workers only");
        assertEquals(0, messaging.embeddedBroker().orElseThrow().messageCount(Queues.WEBHOOKS));
    }

    @Test
    void aWorkerThatCouldNotRecordItsAttemptGetsTheMessageBackAfterTheBrokersDelay() {
        start();
        failuresLeft.set(1);
        Outbox.Webhook webhook = new Outbox.Webhook("msg_p5jXN8AQM9LWM0D4loKWxJek", UUID.randomUUID());

        long start = System.nanoTime();
        messaging.queue().publish(List.of(), List.of(webhook));

        await(() -> attempted.size() == 2, "handed back after the rollback");
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(true, waited >= 4_000, "after the shipped 5 s delay, not at once: " + waited + " ms");
        assertEquals(attempted.get(0), attempted.get(1), "the same message and lease");
        sleep(500);
        assertEquals(2, attempted.size(), "acknowledged the second time");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
