package dev.billingportal.adapter.in.messaging;

import dev.billingportal.adapter.out.messaging.BrokerConnections;
import dev.billingportal.adapter.out.messaging.Queues;
import dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The webhook workers: consumers of {@code billing.webhooks}, one attempt per message. Whatever the attempt came to —
 * delivered, failed and waiting for its next step, deferred — the queue message is acknowledged: the schedule is kept
 * in the database. Only a worker that could not record its attempt (the database away) rolls it back, for the broker
 * to bring it back after its short delay.
 */
public final class WebhookListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());

    private final DeliverWebhookUseCase deliver;
    private final QueueConsumers consumers;

    /** @param mayConsume whether the broker may be consumed from now (it applies what the portal needs) */
    public WebhookListener(BrokerConnections connections, DeliverWebhookUseCase deliver, int consumers,
                           BooleanSupplier mayConsume) {
        this.deliver = deliver;
        this.consumers = new QueueConsumers("Webhook workers", Queues.WEBHOOKS, connections, this::handle, consumers,
                mayConsume);
    }

    public void start() {
        consumers.start();
    }

    /** Whether the consumers are connected and listening. */
    public boolean isListening() {
        return consumers.isListening();
    }

    private void handle(Session session, Message message) throws JMSException {
        String id = message instanceof TextMessage text && text.getText() != null ? text.getText().strip() : "";
        UUID lease = lease(message.getStringProperty(Queues.LEASE));
        if (id.isEmpty() || lease == null) {
            // Nothing of ours: a webhook message is always queued from the database, which queues it again.
            LOG.warning("Dropped a message of " + Queues.WEBHOOKS + " without a webhook message id and lease");
        } else {
            deliver.deliver(id, lease);
        }
        session.commit();
    }

    private static UUID lease(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    public void close() {
        consumers.close();
    }
}
