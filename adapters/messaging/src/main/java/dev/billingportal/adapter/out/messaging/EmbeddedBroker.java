package dev.billingportal.adapter.out.messaging;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker inside the portal's process, persistent (its journal under the data
 * directory, so queued notifications survive a restart) and reachable in-VM only.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final AtomicInteger SERVER_IDS = new AtomicInteger();
    /**
     * Artemis' audit loggers, switched off. When enabled they call {@code Subject.getSubject}, which throws on
     * JDK 24+; the broker then fails to initialise ("AMQ224000: getSubject is not supported") and no client can
     * connect. Held here so that java.util.logging cannot collect them and forget their level.
     */
    private static final List<Logger> AUDIT_LOGGERS = Stream.of("org.apache.activemq.audit",
                    "org.apache.activemq.audit.base", "org.apache.activemq.audit.message",
                    "org.apache.activemq.audit.resource")
            .map(Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.OFF))
            .toList();

    private final Path directory;
    private final RetryPolicy retryPolicy;
    private final String listen;
    private final int serverId = SERVER_IDS.getAndIncrement();
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker(Path directory, RetryPolicy retryPolicy) {
        this(directory, retryPolicy, null);
    }

    /** @param listen a loopback {@code tcp://} address to accept other processes on, or null for in-VM only */
    public EmbeddedBroker(Path directory, RetryPolicy retryPolicy, String listen) {
        this.directory = directory;
        this.retryPolicy = retryPolicy;
        this.listen = listen;
    }

    /** The URL clients in this process connect with. */
    public String url() {
        return "vm://" + serverId;
    }

    public synchronized void start() {
        if (broker != null) {
            return;
        }
        if (AUDIT_LOGGERS.isEmpty()) {
            throw new IllegalStateException("Artemis' audit loggers must be switched off");
        }
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("billing-portal");
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.setJournalType(JournalType.NIO);
        configuration.setBrokerInstance(directory.toFile());
        configuration.setJournalDirectory(directory.resolve("journal").toString());
        configuration.setBindingsDirectory(directory.resolve("bindings").toString());
        configuration.setPagingDirectory(directory.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(directory.resolve("large-messages").toString());
        configuration.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                java.util.Map.of("serverId", serverId)));
        if (listen != null) {
            try {
                configuration.addAcceptorConfiguration("loopback", listen);
            } catch (Exception invalid) {
                throw new IllegalArgumentException("portal.jms.listen is not a valid acceptor address: " + listen,
                        invalid);
            }
        }
        // The addresses, queues and settings a standalone broker is made with (deploy/artemis/broker.properties).
        BrokerRequirements.of(retryPolicy).applyTo(configuration);
        EmbeddedActiveMQ starting = new EmbeddedActiveMQ();
        starting.setConfiguration(configuration);
        try {
            starting.start();
        } catch (Exception failure) {
            throw new IllegalStateException("The embedded broker did not start in " + directory, failure);
        }
        if (!starting.getActiveMQServer().isActive()) {
            stopQuietly(starting);
            throw new IllegalStateException("The embedded broker started but is not active; see its log (AMQ22...)");
        }
        broker = starting;
    }

    private static void stopQuietly(EmbeddedActiveMQ broker) {
        try {
            broker.stop();
        } catch (Exception ignored) {
            // it failed to start; nothing more to do
        }
    }

    public synchronized boolean isActive() {
        return broker != null && broker.getActiveMQServer().isActive();
    }

    /** How many messages wait in a queue; for metrics and tests. */
    public synchronized long messageCount(String queue) {
        if (!isActive()) {
            return -1;
        }
        var binding = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? -1 : binding.getMessageCount();
    }

    /** The addresses the broker holds, the broker's own management and temporary ones aside; for tests. */
    synchronized List<String> addresses() {
        return broker.getActiveMQServer().getPostOffice().getAddresses().stream()
                .map(SimpleString::toString)
                .filter(name -> !name.startsWith("activemq.") && !name.contains("temp"))
                .sorted()
                .toList();
    }

    /** The settings the broker applies to an address (what matches it, merged); for tests. */
    synchronized AddressSettings settingsOf(String address) {
        return broker.getActiveMQServer().getAddressSettingsRepository().getMatch(address);
    }

    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("The embedded broker did not stop cleanly", failure);
        } finally {
            broker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
