package dev.billingportal.adapter.out.messaging;

import dev.billingportal.application.port.out.QueueUnavailable;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Requests to Artemis' management API over JMS: a message to the management address naming a resource ({@code
 * broker}, {@code queue.NAME}) and an operation or attribute, the answer on a temporary queue. On a connection of
 * their own, never the publisher's: opened and started (so that replies are received) on first use, dropped when it
 * breaks or a caller gives up on it, and opened again on next use.
 */
final class ManagementRequests implements AutoCloseable {
    /** Artemis' management address (the broker's default), where operations on its resources are invoked. */
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final BrokerConnections connections;
    private Connection connection;

    ManagementRequests(BrokerConnections connections) {
        this.connections = connections;
    }

    /** The connection, for a caller that also browses on it. */
    synchronized Connection connection() throws JMSException {
        if (connection == null) {
            Connection opened = connections.open();
            opened.setExceptionListener(broken -> drop());
            opened.start();
            connection = opened;
        }
        return connection;
    }

    /** Invokes {@code operation} on {@code resource}; a getter without arguments reads the attribute it names. */
    synchronized Object invoke(String resource, String operation, Object... arguments) throws JMSException {
        try (Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                 MessageConsumer consumer = session.createConsumer(replies)) {
                Message request = session.createMessage();
                if (operation.startsWith("get") && arguments.length == 0) {
                    JMSManagementHelper.putAttribute(request, resource, attribute(operation));
                } else {
                    JMSManagementHelper.putOperationInvocation(request, resource, operation, arguments);
                }
                request.setJMSReplyTo(replies);
                producer.send(request);
                Message reply = consumer.receive(REPLY_TIMEOUT.toMillis());
                if (reply == null) {
                    throw new QueueUnavailable("The broker did not answer " + operation + " within " + REPLY_TIMEOUT,
                            null);
                }
                if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new QueueUnavailable("The broker refused " + operation + " on " + resource + ": "
                            + JMSManagementHelper.getResult(reply), null);
                }
                return JMSManagementHelper.getResult(reply);
            } catch (JMSException | RuntimeException failure) {
                throw failure;
            } catch (Exception unexpected) { // getResult declares Exception
                throw new QueueUnavailable("Management answer unreadable: " + unexpected.getMessage(), unexpected);
            } finally {
                replies.delete();
            }
        }
    }

    /** Closes the connection, which may be broken already; the next request opens another. */
    synchronized void drop() {
        if (connection != null) {
            BrokerConnections.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        drop();
    }

    private static String attribute(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
