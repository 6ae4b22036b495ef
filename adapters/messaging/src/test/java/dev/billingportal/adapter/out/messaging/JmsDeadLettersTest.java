package dev.billingportal.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.out.QueueUnavailable;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dead-letter queue through the management API, on the embedded broker. */
class JmsDeadLettersTest {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofMillis(400), 3);

    @TempDir
    Path folder;
    private Messaging messaging;

    @AfterEach
    void stop() {
        if (messaging != null) {
            messaging.close();
        }
    }

    private Messaging start() {
        messaging = Messaging.start(new MessagingSettings(MessagingSettings.Mode.EMBEDDED, null, null, null,
                folder.resolve("broker"), FAST, 1, null));
        return messaging;
    }

    /** Dead-letters a message for each id (a null id: a message without one, as a poison message may be). */
    private void deadLetter(List<DeliveryId> ids) throws Exception {
        Connection connection = messaging.connections().open();
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(Queues.DEAD_LETTERS))) {
            for (DeliveryId id : ids) {
                TextMessage message = session.createTextMessage(id == null ? "garbage" : id.toString());
                if (id != null) {
                    message.setStringProperty(Queues.NOTIFICATION_ID, id.toString());
                }
                producer.send(message);
            }
            session.commit();
        } finally {
            connection.close();
        }
    }

    @Test
    void peeksTheDeliveriesOnTheQueueAndDiscardsExactlyThoseAsked() throws Exception {
        JmsDeadLetters deadLetters = new JmsDeadLetters(start().connections(), Duration.ZERO);
        List<DeliveryId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(DeliveryId.random());
        }
        List<DeliveryId> sent = new ArrayList<>(ids);
        sent.add(ids.get(0)); // dead-lettered twice: both copies go
        sent.add(null);
        deadLetter(sent);

        assertEquals(7, deadLetters.depth(), "counted by the broker");
        assertEquals(Set.copyOf(ids), deadLetters.peek(100), "a message without a delivery id is not one of them");
        assertEquals(Set.of(ids.get(0), ids.get(1)).size(), deadLetters.peek(2).size(), "at most the limit browsed");

        assertEquals(3, deadLetters.discard(List.of(ids.get(0), ids.get(1))));
        assertEquals(4, deadLetters.depth());
        assertEquals(Set.copyOf(ids.subList(2, 5)), deadLetters.peek(100));
        assertEquals(0, deadLetters.discard(List.of(DeliveryId.random())), "nothing else removed");
        assertEquals(4, messaging.embeddedBroker().orElseThrow().messageCount(Queues.DEAD_LETTERS));
        deadLetters.close();
    }

    @Test
    void theDepthIsCachedAndMinusOneWithoutABrokerWhilePeekingSaysSo() throws Exception {
        JmsDeadLetters deadLetters = new JmsDeadLetters(start().connections(), Duration.ofHours(1));
        deadLetter(List.of(DeliveryId.random()));
        assertEquals(1, deadLetters.depth());
        deadLetter(List.of(DeliveryId.random()));
        assertEquals(1, deadLetters.depth(), "read at most once per cache period");

        messaging.embeddedBroker().orElseThrow().stop();
        JmsDeadLetters fresh = new JmsDeadLetters(messaging.connections(), Duration.ZERO);
        assertEquals(-1, fresh.depth());
        assertThrows(QueueUnavailable.class, () -> fresh.peek(10));
        deadLetters.close();
        fresh.close();
    }
}
