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
    /** How often a remote broker that conformed is asked again: someone may edit its configuration. */
    private static final Duration CONFORMANCE_RECHECK = Duration.ofSeconds(30);

    private final EmbeddedBroker broker;
    private final BrokerConnections connections;
    private final JmsNotificationQueue queue;
    private final JmsDeadLetters deadLetters;
    private final BrokerConformance conformance;

    private Messaging(EmbeddedBroker broker, BrokerConnections connections, BrokerConformance conformance) {
        this.broker = broker;
        this.connections = connections;
        this.conformance = conformance;
        this.queue = new JmsNotificationQueue(connections, this::conformance);
        // A scrape every few seconds must not turn into a management request each time.
        this.deadLetters = new JmsDeadLetters(connections, Duration.ofSeconds(15));
    }

    /** Starts the embedded broker when configured so; a remote broker may come up later. */
    public static Messaging start(MessagingSettings settings) {
        if (settings.mode() == MessagingSettings.Mode.EMBEDDED) {
            EmbeddedBroker broker = new EmbeddedBroker(settings.brokerDir(), settings.retryPolicy(), settings.listen());
            broker.start();
            LOG.info("Embedded Artemis broker started; journal in " + settings.brokerDir());
            return new Messaging(broker, new BrokerConnections(broker.url(), null, null, false), null);
        }
        LOG.info("Using the remote broker at " + settings.url());
        BrokerConnections connections = new BrokerConnections(settings.url(), settings.user(), settings.password(),
                true);
        BrokerConformance conformance = new BrokerConformance(connections,
                BrokerRequirements.of(settings.retryPolicy()), CONFORMANCE_RECHECK);
        conformance.start();
        return new Messaging(null, connections, conformance);
    }

    /**
     * Whether the broker applies what the portal needs: an embedded one always does (the portal configures it); a
     * remote one as last checked. Until it does, nothing is published or consumed.
     */
    public BrokerConformance.Verdict conformance() {
        return conformance == null ? BrokerConformance.Verdict.CONFORMS : conformance.verdict();
    }

    public boolean brokerConforms() {
        return conformance().conforms();
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
        if (conformance != null) {
            conformance.close();
        }
        queue.close();
        deadLetters.close();
        connections.close();
        if (broker != null) {
            broker.stop();
        }
    }
}
