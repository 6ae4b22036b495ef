package dev.billingportal.adapter.in.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.out.messaging.EmbeddedBroker;
import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.messaging.MessagingSettings;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.adapter.out.messaging.RetryPolicy;
import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.domain.notification.DeliveryId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationMessagingTest {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofMillis(400), 3);

    @TempDir
    Path folder;
    private Messaging messaging;
    private NotificationListener listener;

    /** Records every delivery call and answers with a scripted outcome per notification. */
    private static final class ScriptedDelivery implements DeliverNotificationUseCase {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<DeliveryId, DeliveryOutcome> outcomes = new ConcurrentHashMap<>();

        @Override
        public DeliveryOutcome deliver(DeliverNotificationCommand command) {
            calls.add(command.delivery() + "#" + command.deliveryCount());
            return outcomes.getOrDefault(command.delivery(), DeliveryOutcome.SENT);
        }

        long callsFor(DeliveryId id) {
            return calls.stream().filter(call -> call.startsWith(id.toString())).count();
        }
    }

    private Messaging start() {
        messaging = Messaging.start(new MessagingSettings(MessagingSettings.Mode.EMBEDDED, null, null, null,
                folder.resolve("broker"), FAST, 2, null));
        return messaging;
    }

    private void listen(Messaging broker, DeliverNotificationUseCase delivery) {
        listener = new NotificationListener(broker.connections(), delivery, 2);
        listener.start();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (messaging != null) {
            messaging.close();
        }
    }

    @Test
    void aPublishedNotificationIsHandedToAWorkerOnceAndAcknowledged() {
        ScriptedDelivery delivery = new ScriptedDelivery();
        listen(start(), delivery);
        DeliveryId id = DeliveryId.random();

        messaging.queue().publish(List.of(id));

        await(() -> delivery.callsFor(id) == 1, "the worker gets the message");
        sleep(500);
        assertEquals(List.of(id + "#1"), delivery.calls, "acknowledged: never redelivered");
        assertEquals(0, messaging.embeddedBroker().orElseThrow().messageCount(Queues.NOTIFICATIONS));
    }

    @Test
    void aTemporaryFailureIsRedeliveredWithACountUntilItSucceeds() {
        ScriptedDelivery delivery = new ScriptedDelivery();
        listen(start(), delivery);
        DeliveryId id = DeliveryId.random();
        delivery.outcomes.put(id, DeliveryOutcome.RETRY_LATER);

        messaging.queue().publish(List.of(id));
        await(() -> delivery.callsFor(id) >= 2, "redelivered after the rollback");
        delivery.outcomes.put(id, DeliveryOutcome.SENT);
        await(() -> delivery.calls.contains(id + "#3") || delivery.calls.contains(id + "#4"), "redelivered again");

        sleep(800);
        long calls = delivery.callsFor(id);
        sleep(800);
        assertEquals(calls, delivery.callsFor(id), "settled once it succeeded");
        assertTrue(delivery.calls.contains(id + "#2"), "the delivery count grows: " + delivery.calls);
    }

    @Test
    void aDeadLetteredMessageLeavesTheQueueForTheDeadLetterQueue() {
        ScriptedDelivery delivery = new ScriptedDelivery();
        listen(start(), delivery);
        DeliveryId id = DeliveryId.random();
        delivery.outcomes.put(id, DeliveryOutcome.DEAD_LETTER);

        messaging.queue().publish(List.of(id));

        EmbeddedBroker broker = messaging.embeddedBroker().orElseThrow();
        await(() -> broker.messageCount(Queues.DEAD_LETTERS) == 1, "moved to the dead-letter queue");
        assertEquals(0, broker.messageCount(Queues.NOTIFICATIONS));
        assertEquals(1, delivery.callsFor(id));
    }

    @Test
    void queuedMessagesSurviveABrokerRestartAndTheWorkersReconnect() {
        start();
        EmbeddedBroker broker = messaging.embeddedBroker().orElseThrow();
        DeliveryId beforeRestart = DeliveryId.random();
        messaging.queue().publish(List.of(beforeRestart));

        broker.stop();
        // the client learns of the loss through its connection's exception listener, on a thread of its own
        await(() -> !messaging.brokerReachable(), "the publisher notices the broker is gone");
        broker.start();

        ScriptedDelivery delivery = new ScriptedDelivery();
        listen(messaging, delivery);
        await(() -> delivery.callsFor(beforeRestart) == 1, "the journalled message is delivered after the restart");

        broker.stop();
        broker.start();
        DeliveryId afterSecondRestart = DeliveryId.random();
        await(() -> {
            try {
                messaging.queue().publish(List.of(afterSecondRestart));
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        }, "the publisher reconnects");
        await(() -> delivery.callsFor(afterSecondRestart) == 1, "the workers reconnect by themselves");
    }

    @Test
    void workersConsumeNothingWhileTheBrokerIsNotKnownToApplyThePortalsSettingsAndStopWhenItNoLongerDoes() {
        ScriptedDelivery delivery = new ScriptedDelivery();
        AtomicBoolean conforms = new AtomicBoolean(false);
        Messaging broker = start();
        listener = new NotificationListener(broker.connections(), delivery, 2, conforms::get);
        listener.start();
        DeliveryId first = DeliveryId.random();
        broker.queue().publish(List.of(first));

        sleep(1_500);
        assertEquals(0, delivery.callsFor(first), "nothing consumed from a broker that would retry at once");
        assertEquals(false, listener.isListening());

        conforms.set(true);
        await(() -> delivery.callsFor(first) == 1, "consumed once the broker conforms");
        await(listener::isListening, "listening");

        conforms.set(false);
        await(() -> !listener.isListening(), "the workers stop consuming");
        DeliveryId second = DeliveryId.random();
        broker.queue().publish(List.of(second));
        sleep(1_500);
        assertEquals(0, delivery.callsFor(second), "nothing more consumed");
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
            throw new AssertionError(interrupted);
        }
    }
}
