package dev.billingportal.adapter.in.messaging;

import dev.billingportal.adapter.out.messaging.BrokerConnections;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Message-driven consumers of one queue, each with its own transacted session, which its {@link Handler} settles:
 * commits once the work is done, or rolls back for the broker to redeliver. Failures are never swallowed: an
 * unexpected error rolls the message back too. A supervisor thread reconnects when the broker goes away, and stops
 * consuming while the broker does not apply what the portal needs.
 */
final class QueueConsumers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QueueConsumers.class.getName());
    /** The longest wait between reconnection attempts: workers are back within seconds of the broker. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(4);

    /** Settles one message in its consumer's session: commits, rolls back, or moves it on. */
    @FunctionalInterface
    interface Handler {
        void handle(Session session, Message message) throws JMSException;
    }

    private final String workers;
    private final String queue;
    private final BrokerConnections connections;
    private final Handler handler;
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

    /**
     * @param workers    what the consumers are called in the log ("Notification workers")
     * @param mayConsume whether the broker may be consumed from now (it applies the redelivery the portal needs)
     */
    QueueConsumers(String workers, String queue, BrokerConnections connections, Handler handler, int consumers,
                   BooleanSupplier mayConsume) {
        this.workers = workers;
        this.queue = queue;
        this.connections = connections;
        this.handler = handler;
        this.consumers = consumers;
        this.mayConsume = mayConsume;
    }

    public void start() {
        running = true;
        supervisor = Thread.ofPlatform().name(queue + "-supervisor").daemon(true).start(this::supervise);
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
                    LOG.warning(workers + " stop consuming: the broker no longer applies what the portal"
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
                        LOG.info(workers + " listening on " + queue + " (" + consumers
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
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            consumer.setMessageListener(new Worker(session));
        }
        opened.start();
    }

    /**
     * Lets go of the connection without waiting for it to close: closing waits up to 10 s for each handler still
     * blocked on a broker that went away, and the consumers must not wait that long to come back (R6).
     * What those handlers had not committed, the broker hands out again; the rows they work on keep it to one send.
     */
    private void dropConnection() {
        Connection old = connection;
        connection = null;
        if (old != null) {
            Thread.ofVirtual().name(queue + "-close").start(() -> BrokerConnections.closeQuietly(old));
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
                handler.handle(session, message);
            } catch (JMSException | JMSRuntimeException failure) {
                LOG.log(Level.WARNING, "Could not settle a message of " + queue + "; the broker will redeliver it",
                        failure);
                rollbackQuietly();
            } catch (RuntimeException failure) {
                // Not lost: rolled back, and redelivered by the broker after its delay.
                LOG.log(Level.WARNING, "Handling a message of " + queue + " failed unexpectedly; it will be retried",
                        failure);
                rollbackQuietly();
            }
        }

        private void rollbackQuietly() {
            try {
                session.rollback();
            } catch (JMSException | JMSRuntimeException ignored) {
                // the connection is gone; the broker redelivers the unacknowledged message anyway
            }
        }
    }
}
