package dev.billingportal.adapter.messaging;

import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import java.util.Optional;
import java.util.logging.Logger;

/** The messaging adapter assembled: the broker (if embedded), the queue publisher and the workers. */
public final class Messaging implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());

    private final MessagingSettings settings;
    private final EmbeddedBroker broker;
    private final BrokerConnections connections;
    private final JmsNotificationQueue queue;
    private NotificationListener listener;

    private Messaging(MessagingSettings settings, EmbeddedBroker broker, BrokerConnections connections) {
        this.settings = settings;
        this.broker = broker;
        this.connections = connections;
        this.queue = new JmsNotificationQueue(connections);
    }

    /** Starts the embedded broker when configured so; a remote broker may come up later. */
    public static Messaging start(MessagingSettings settings) {
        if (settings.mode() == MessagingSettings.Mode.EMBEDDED) {
            EmbeddedBroker broker = new EmbeddedBroker(settings.brokerDir(), settings.retryPolicy(), settings.listen());
            broker.start();
            LOG.info("Embedded Artemis broker started; journal in " + settings.brokerDir());
            return new Messaging(settings, broker, new BrokerConnections(broker.url(), null, null, false));
        }
        LOG.info("Using the remote broker at " + settings.url());
        return new Messaging(settings, null,
                new BrokerConnections(settings.url(), settings.user(), settings.password(), true));
    }

    public JmsNotificationQueue queue() {
        return queue;
    }

    /** Starts the notification workers (the {@code worker} and {@code all} roles). */
    public synchronized NotificationListener startListener(DeliverNotificationUseCase deliver) {
        if (listener == null) {
            listener = new NotificationListener(connections, deliver, settings.consumers());
            listener.start();
        }
        return listener;
    }

    public Optional<EmbeddedBroker> embeddedBroker() {
        return Optional.ofNullable(broker);
    }

    public Optional<NotificationListener> listener() {
        return Optional.ofNullable(listener);
    }

    public boolean brokerReachable() {
        return queue.isReachable();
    }

    /** Messages waiting in the dead-letter queue; -1 when the broker cannot be asked. */
    public long deadLetterDepth() {
        if (broker != null) {
            return broker.messageCount(Queues.DEAD_LETTERS);
        }
        return queue.browseDepth(Queues.DEAD_LETTERS);
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
        queue.close();
        connections.close();
        if (broker != null) {
            broker.stop();
        }
    }
}
