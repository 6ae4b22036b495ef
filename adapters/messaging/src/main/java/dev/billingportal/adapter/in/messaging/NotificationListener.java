package dev.billingportal.adapter.in.messaging;

import dev.billingportal.application.port.in.notification.DeliverNotificationCommand;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.DeliveryOutcome;
import dev.billingportal.adapter.out.messaging.BrokerConnections;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notification workers: message-driven consumers of {@code billing.notifications}, each with its
 * own transacted session. A message is acknowledged only once its delivery is settled; a temporary
 * mail failure rolls it back so that the broker redelivers it after its backoff; the last failed
 * attempt moves it to the dead-letter queue. Failures are never swallowed: an unexpected error rolls
 * the message back too. A supervisor thread reconnects when the broker goes away.
 */
public final class NotificationListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());
    /** The longest wait between reconnection attempts: workers are back within seconds of the broker. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(4);

    private final BrokerConnections connections;
    private final DeliverNotificationUseCase deliver;
    private final int consumers;
    private final BooleanSupplier mayConsume;
    private final Object lock = new Object();
    private Connection connection;
    /**
     * Written under {@link #lock} by the supervisor and the exception listener; read without it by readiness, which
     * must answer at once even while the supervisor holds the lock through a slow disconnect (a handler blocked on a
     * stopped broker makes closing the connection wait 10 s per handler).
     */
    private volatile boolean broken = true;
    private volatile boolean running;
    private Thread supervisor;

    public NotificationListener(BrokerConnections connections, DeliverNotificationUseCase deliver, int consumers) {
        this(connections, deliver, consumers, () -> true);
    }

    /** @param mayConsume whether the broker may be consumed from now (it applies the redelivery the portal needs) */
    public NotificationListener(BrokerConnections connections, DeliverNotificationUseCase deliver, int consumers,
                                BooleanSupplier mayConsume) {
        this.connections = connections;
        this.deliver = deliver;
        this.consumers = consumers;
        this.mayConsume = mayConsume;
    }

    public void start() {
        running = true;
        supervisor = Thread.ofPlatform().name("notification-listener-supervisor").daemon(true).start(this::supervise);
    }

    /** Whether the consumers are connected and listening. */
    public boolean isListening() {
        return running && !broken;
    }

    private void supervise() {
        long delay = 250;
        while (running) {
            synchronized (lock) {
                boolean allowed = mayConsume.getAsBoolean();
                if (!broken && !allowed) { // a rolled-back message would be redelivered at once, then dropped
                    LOG.warning("Notification workers stop consuming: the broker no longer applies what the portal"
                            + " needs");
                    broken = true;
                    dropConnection();
                }
                if (broken && allowed) {
                    dropConnection();
                    try {
                        connect();
                        broken = false;
                        delay = 250;
                        LOG.info("Notification workers listening on " + Queues.NOTIFICATIONS + " (" + consumers
                                + " consumers)");
                    } catch (JMSException | JMSRuntimeException failure) {
                        dropConnection();
                        LOG.log(Level.FINE, "Broker not reachable yet", failure);
                    }
                }
                try {
                    lock.wait(broken ? delay : MAX_RECONNECT_DELAY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (broken) {
                    delay = Math.min(delay * 2, MAX_RECONNECT_DELAY.toMillis());
                }
            }
        }
    }

    private void connect() throws JMSException {
        Connection opened = connections.open();
        connection = opened;
        opened.setExceptionListener(failure -> {
            LOG.log(Level.WARNING, "Lost the broker connection; reconnecting: " + failure.getMessage());
            synchronized (lock) {
                broken = true;
                lock.notifyAll();
            }
        });
        for (int i = 0; i < consumers; i++) {
            Session session = opened.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.NOTIFICATIONS));
            consumer.setMessageListener(new Worker(session));
        }
        opened.start();
    }

    /**
     * Lets go of the connection without waiting for it to close: closing waits up to 10 s for each handler still
     * blocked on a broker that went away, and the consumers must not wait that long to come back (R6).
     * What those handlers had not committed, the broker hands out again; the deliveries' rows keep it to one mail.
     */
    private void dropConnection() {
        Connection old = connection;
        connection = null;
        if (old != null) {
            Thread.ofVirtual().name("notification-listener-close").start(() -> BrokerConnections.closeQuietly(old));
        }
    }

    private void disconnect() {
        if (connection != null) {
            BrokerConnections.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
            disconnect();
        }
        if (supervisor != null) {
            try {
                supervisor.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One consumer: handles a message and settles it in its session's transaction. */
    private final class Worker implements MessageListener {
        private final Session session;

        Worker(Session session) {
            this.session = session;
        }

        @Override
        public void onMessage(Message message) {
            try {
                DeliveryId id = notificationId(message);
                if (id == null) {
                    LOG.warning("A message without a valid notification id went to " + Queues.DEAD_LETTERS);
                    deadLetter(message);
                    return;
                }
                DeliveryOutcome outcome = deliver.deliver(
                        new DeliverNotificationCommand(id, message.getIntProperty("JMSXDeliveryCount")));
                switch (outcome) {
                    case RETRY_LATER -> session.rollback();
                    case DEAD_LETTER -> deadLetter(message);
                    case SENT, NOTHING_TO_DO, FAILED -> session.commit();
                }
            } catch (JMSException | JMSRuntimeException failure) {
                LOG.log(Level.WARNING, "Could not settle a notification message; the broker will redeliver it",
                        failure);
                rollbackQuietly();
            } catch (RuntimeException failure) {
                // Not lost: rolled back, redelivered with backoff, and dead-lettered by the broker's safety net.
                LOG.log(Level.WARNING, "Delivering a notification failed unexpectedly; it will be retried", failure);
                rollbackQuietly();
            }
        }

        private void deadLetter(Message message) throws JMSException {
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

        private void rollbackQuietly() {
            try {
                session.rollback();
            } catch (JMSException | JMSRuntimeException ignored) {
                // the connection is gone; the broker redelivers the unacknowledged message anyway
            }
        }
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
}
