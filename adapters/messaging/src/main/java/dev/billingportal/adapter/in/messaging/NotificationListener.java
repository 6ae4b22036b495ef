package dev.billingportal.adapter.in.messaging;

import dev.billingportal.adapter.out.messaging.BrokerConnections;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The notification workers: consumers of {@code billing.notifications}. A message is acknowledged only once its
 * delivery is settled; a temporary mail failure rolls it back so that the broker redelivers it after its backoff; the
 * last failed attempt moves it to the dead-letter queue.
 */
public final class NotificationListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());

    private final DeliverNotificationUseCase deliver;
    private final QueueConsumers consumers;

    public NotificationListener(BrokerConnections connections, DeliverNotificationUseCase deliver, int consumers) {
        this(connections, deliver, consumers, () -> true);
    }

    /** @param mayConsume whether the broker may be consumed from now (it applies the redelivery the portal needs) */
    public NotificationListener(BrokerConnections connections, DeliverNotificationUseCase deliver, int consumers,
                                BooleanSupplier mayConsume) {
        this.deliver = deliver;
        this.consumers = new QueueConsumers("Notification workers", Queues.NOTIFICATIONS, connections, this::handle,
                consumers, mayConsume);
    }

    public void start() {
        consumers.start();
    }

    /** Whether the consumers are connected and listening. */
    public boolean isListening() {
        return consumers.isListening();
    }

    private void handle(Session session, Message message) throws JMSException {
        DeliveryId id = notificationId(message);
        if (id == null) {
            LOG.warning("A message without a valid notification id went to " + Queues.DEAD_LETTERS);
            deadLetter(session, message);
            return;
        }
        DeliveryOutcome outcome = deliver.deliver(
                new DeliverNotificationCommand(id, message.getIntProperty("JMSXDeliveryCount")));
        switch (outcome) {
            case RETRY_LATER -> session.rollback();
            case DEAD_LETTER -> deadLetter(session, message);
            case SENT, NOTHING_TO_DO, FAILED -> session.commit();
        }
    }

    private static void deadLetter(Session session, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(Queues.DEAD_LETTERS))) {
            TextMessage copy = session.createTextMessage(message instanceof TextMessage text ? text.getText() : "");
            String id = message.getStringProperty(Queues.NOTIFICATION_ID);
            if (id != null) {
                copy.setStringProperty(Queues.NOTIFICATION_ID, id);
            }
            copy.setStringProperty("originalMessageId", message.getJMSMessageID());
            producer.send(copy);
        }
        session.commit();
    }

    private static DeliveryId notificationId(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            return null;
        }
        try {
            return new DeliveryId(UUID.fromString(text.getText().strip()));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    public void close() {
        consumers.close();
    }
}
