package dev.billingportal.adapter.out.messaging;

import dev.billingportal.application.port.out.DeadLetters;
import dev.billingportal.application.port.out.QueueUnavailable;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * The dead-letter queue, through Artemis' management API and a browser, on a connection of its own: a slow or
 * failing call here never disturbs the relay's publishing connection. Its depth costs one management request (the
 * broker counts; nothing is browsed) and is cached; a scrape that finds the queue busy gets the cached figure
 * rather than waiting.
 */
public final class JmsDeadLetters implements DeadLetters, AutoCloseable {
    /** Filters stay short: the broker parses each one. */
    private static final int IDS_PER_FILTER = 100;

    private final Duration depthCache;
    private final ReentrantLock lock = new ReentrantLock();
    private final ManagementRequests management;
    private volatile long depth = -1;
    private volatile long depthReadAt;
    private volatile boolean depthRead;

    JmsDeadLetters(BrokerConnections connections, Duration depthCache) {
        this.management = new ManagementRequests(connections);
        this.depthCache = depthCache;
    }

    @Override
    public Set<DeliveryId> peek(int limit) {
        lock.lock();
        try (Session session = management.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(Queues.DEAD_LETTERS))) {
            Set<DeliveryId> ids = new LinkedHashSet<>();
            Enumeration<?> messages = browser.getEnumeration();
            for (int seen = 0; seen < limit && messages.hasMoreElements(); seen++) {
                String id = ((Message) messages.nextElement()).getStringProperty(Queues.NOTIFICATION_ID);
                deliveryId(id).ifPresent(ids::add);
            }
            return ids;
        } catch (JMSException | JMSRuntimeException failure) {
            reset();
            throw new QueueUnavailable("Could not browse " + Queues.DEAD_LETTERS + ": " + failure.getMessage(), failure);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int discard(Collection<DeliveryId> deliveries) {
        List<DeliveryId> ids = List.copyOf(deliveries);
        int removed = 0;
        lock.lock();
        try {
            for (int from = 0; from < ids.size(); from += IDS_PER_FILTER) {
                String filter = ids.subList(from, Math.min(ids.size(), from + IDS_PER_FILTER)).stream()
                        .map(id -> "'" + id.value() + "'") // UUIDs: nothing in them to escape
                        .collect(Collectors.joining(", ", Queues.NOTIFICATION_ID + " IN (", ")"));
                removed += ((Number) invoke("removeMessages", filter)).intValue();
            }
            depthRead = false; // the figure changed
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Messages on the dead-letter queue, at most {@code depthCache} old; -1 when the broker cannot be asked. */
    public long depth() {
        long now = System.nanoTime();
        if (depthRead && now - depthReadAt < depthCache.toNanos()) {
            return depth;
        }
        if (!lock.tryLock()) {
            return depth; // a peek or discard is under way: the last figure will do for this scrape
        }
        try {
            depth = ((Number) invoke("getMessageCount")).longValue();
        } catch (QueueUnavailable unreachable) {
            depth = -1;
        } finally {
            depthReadAt = now;
            depthRead = true;
            lock.unlock();
        }
        return depth;
    }

    /** Invokes an operation of the dead-letter queue's control (or reads an attribute, for getters). */
    private Object invoke(String operation, Object... arguments) {
        try {
            return management.invoke(ResourceNames.QUEUE + Queues.DEAD_LETTERS, operation, arguments);
        } catch (QueueUnavailable failure) {
            throw failure;
        } catch (Exception failure) {
            reset();
            throw new QueueUnavailable("Management of " + Queues.DEAD_LETTERS + " failed: " + failure.getMessage(),
                    failure);
        }
    }

    private static java.util.Optional<DeliveryId> deliveryId(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new DeliveryId(UUID.fromString(value.strip())));
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }

    private void reset() {
        management.drop();
    }

    @Override
    public void close() {
        reset();
    }
}
