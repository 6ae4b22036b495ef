package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.in.webhook.QueueDueWebhooksUseCase;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookMessages;
import java.time.Clock;

/**
 * The webhook scheduler: queues, through the outbox, the messages whose next attempt is due and those whose lease ran
 * out with nothing settled. The retry schedule's hours are kept here, in the messages' rows, rather than as a broker's
 * redelivery delay: a broker delays by queue, not by message, so it cannot apply a per-message jitter or a receiver's
 * {@code Retry-After}; a message waiting ten hours inside a broker is out of sight of the delivery log, which shows
 * "next attempt at"; and an operator's "Resend" must be able to bring one forward. The queue carries an attempt that is
 * due now, and nothing else.
 */
public final class QueueDueWebhooksService implements QueueDueWebhooksUseCase {
    private final UnitOfWork unitOfWork;
    private final WebhookMessages messages;
    private final Runnable relayWakeUp;
    private final Clock clock;
    private final int batchSize;

    public QueueDueWebhooksService(UnitOfWork unitOfWork, WebhookMessages messages, Runnable relayWakeUp, Clock clock,
                                   int batchSize) {
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int queueDue() {
        int queued = unitOfWork.inTransaction(() -> messages.queueDue(clock.instant(), WebhookLeases.QUEUED,
                batchSize));
        if (queued > 0) {
            relayWakeUp.run();
        }
        return queued;
    }
}
