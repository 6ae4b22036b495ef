package dev.billingportal.adapter.out.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The broker side assembled: the broker itself (if embedded), the connections to it and the queue publisher.
 * The notification workers ({@code adapter.in.messaging.NotificationListener}) consume through {@link #connections()}.
 */
public final class Messaging implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());

    private final EmbeddedBroker broker;
    private final BrokerConnections connections;
    private final JmsNotificationQueue queue;
    private final JmsDeadLetters deadLetters;

    private Messaging(EmbeddedBroker broker, BrokerConnections connections) {
        this.broker = broker;
        this.connections = connections;
        this.queue = new JmsNotificationQueue(connections);
        // A scrape every few seconds must not turn into a management request each time.
        this.deadLetters = new JmsDeadLetters(connections, Duration.ofSeconds(15));
    }

    /** Starts the embedded broker when configured so; a remote broker may come up later. */
    public static Messaging start(MessagingSettings settings) {
        if (settings.mode() == MessagingSettings.Mode.EMBEDDED) {
            EmbeddedBroker broker = new EmbeddedBroker(settings.brokerDir(), settings.retryPolicy(), settings.listen());
            broker.start();
            LOG.info("Embedded Artemis broker started; journal in " + settings.brokerDir());
            return new Messaging(broker, new BrokerConnections(broker.url(), null, null, false));
        }
        LOG.info("Using the remote broker at " + settings.url());
        return new Messaging(null,
                new BrokerConnections(settings.url(), settings.user(), settings.password(), true));
    }

    public JmsNotificationQueue queue() {
        return queue;
    }

    public JmsDeadLetters deadLetters() {
        return deadLetters;
    }

    public BrokerConnections connections() {
        return connections;
    }

    public Optional<EmbeddedBroker> embeddedBroker() {
        return Optional.ofNullable(broker);
    }

    public boolean brokerReachable() {
        return queue.isReachable();
    }

    /** Messages waiting in the dead-letter queue; -1 when the broker cannot be asked. */
    public long deadLetterDepth() {
        if (broker != null) {
            return broker.messageCount(Queues.DEAD_LETTERS);
        }
        return deadLetters.depth();
    }

    @Override
    public synchronized void close() {
        queue.close();
        deadLetters.close();
        connections.close();
        if (broker != null) {
            broker.stop();
        }
    }
}
