package dev.billingportal.adapter.out.messaging;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Opens JMS connections to the broker, embedded or remote: the publisher's here, the notification workers'
 * ({@code adapter.in.messaging}) too.
 */
public final class BrokerConnections {
    private final ActiveMQConnectionFactory factory;

    BrokerConnections(String url, String user, String password, boolean remote) {
        factory = new ActiveMQConnectionFactory(url, blankToNull(user), blankToNull(password));
        // No prefetching: a worker busy with a slow mail server must not sit on messages others could send.
        factory.setConsumerWindowSize(0);
        factory.setCallTimeout(10_000);
        // Short network blips are absorbed by the client; longer outages surface as exceptions and the
        // portal's own supervisors reconnect (and nothing is lost: the outbox and the journal hold it). A URL that
        // says how to reconnect (a primary/backup pair's "?ha=true&reconnectAttempts=-1", spec §10) is obeyed.
        if (!url.contains("reconnectAttempts=")) {
            factory.setReconnectAttempts(remote ? 5 : 0);
        }
        if (!url.contains("retryInterval=")) {
            factory.setRetryInterval(1_000);
        }
    }

    public Connection open() throws JMSException {
        return factory.createConnection();
    }

    void close() {
        factory.close();
    }

    /** Closes a connection that may already be broken; a broken one has nothing left to close. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | JMSRuntimeException ignored) {
            // already gone
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
