package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.RelayOutboxUseCase;
import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.UnitOfWork;
import java.time.Clock;
import java.util.List;

/**
 * Moves committed outbox entries to the queue. Publishing and marking happen in one database
 * transaction; if the marking fails after the broker took the messages they are published again
 * later — delivery is at-least-once and the workers deduplicate.
 */
public final class RelayOutboxService implements RelayOutboxUseCase {
    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final NotificationQueue queue;
    private final Clock clock;
    private final int batchSize;

    public RelayOutboxService(UnitOfWork unitOfWork, Outbox outbox, NotificationQueue queue, Clock clock,
                              int batchSize) {
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.queue = queue;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int relayBatch() {
        return unitOfWork.inTransaction(() -> {
            List<Outbox.Entry> entries = outbox.claimUnpublished(batchSize);
            if (entries.isEmpty()) {
                return 0;
            }
            queue.publish(entries.stream().map(Outbox.Entry::notificationId).toList());
            outbox.markPublished(entries, clock.instant());
            return entries.size();
        });
    }
}
