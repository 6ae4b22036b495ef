package dev.billingportal.adapter.out.messaging;

import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.QueueUnavailable;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.function.Supplier;

/**
 * Publishes deliveries to {@code billing.notifications} and webhook messages to {@code billing.webhooks}: persistent
 * messages in one transacted session, so a batch is taken whole or not at all. The session and its producer stay open between batches (opening
 * and closing them cost two round trips to the broker per batch); a broken connection is dropped, with
 * them, and reopened on next use. Nothing is published to a broker that does not apply what the portal needs
 * ({@link BrokerConformance}): the entries wait in the outbox.
 */
public final class JmsNotificationQueue implements NotificationQueue, AutoCloseable {
    private final BrokerConnections connections;
    private final Supplier<BrokerConformance.Verdict> conformance;
    private Connection connection;
    private Session session;
    private MessageProducer producer;
    private Queue notificationQueue;
    private Queue webhookQueue;

    JmsNotificationQueue(BrokerConnections connections, Supplier<BrokerConformance.Verdict> conformance) {
        this.connections = connections;
        this.conformance = conformance;
    }

    @Override
    public synchronized void publish(List<DeliveryId> notifications, List<Outbox.Webhook> webhooks) {
        BrokerConformance.Verdict verdict = conformance.get();
        if (!verdict.conforms()) { // published now, a failed mail would be retried at once and then dropped
            throw new QueueUnavailable("Not publishing: " + verdict.reason(), null);
        }
        try {
            MessageProducer open = producer();
            for (DeliveryId id : notifications) {
                TextMessage message = session.createTextMessage(id.toString());
                message.setStringProperty(Queues.NOTIFICATION_ID, id.toString());
                open.send(notificationQueue, message);
            }
            for (Outbox.Webhook webhook : webhooks) {
                TextMessage message = session.createTextMessage(webhook.message());
                message.setStringProperty(Queues.LEASE, webhook.lease().toString());
                open.send(webhookQueue, message);
            }
            session.commit();
        } catch (JMSException | JMSRuntimeException failure) {
            reset();
            throw new QueueUnavailable("The broker did not take " + notifications.size() + " notification(s) and "
                    + webhooks.size() + " webhook message(s): " + failure.getMessage(), failure);
        }
    }

    private MessageProducer producer() throws JMSException {
        if (producer == null) {
            Session opened = connection().createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer created = opened.createProducer(null); // one producer for both queues
            created.setDeliveryMode(DeliveryMode.PERSISTENT);
            notificationQueue = opened.createQueue(Queues.NOTIFICATIONS);
            webhookQueue = opened.createQueue(Queues.WEBHOOKS);
            session = opened;
            producer = created;
        }
        return producer;
    }

    /** Whether the broker accepts a connection now; for the readiness check. */
    public boolean isReachable() {
        try {
            connection();
            return true;
        } catch (JMSException | JMSRuntimeException failure) {
            reset();
            return false;
        }
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            Connection opened = connections.open();
            opened.setExceptionListener(broken -> reset());
            connection = opened;
        }
        return connection;
    }

    /** Drops the connection, and the publishing session with it (closing a connection closes its sessions). */
    private synchronized void reset() {
        producer = null;
        session = null;
        if (connection != null) {
            BrokerConnections.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
