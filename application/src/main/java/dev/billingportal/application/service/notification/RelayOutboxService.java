package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.RelayOutboxUseCase;
import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves committed outbox entries to the queue in three steps, none of which holds a database lock while the
 * broker is being talked to: claim a batch for a lease (a short transaction), publish it, mark it published (another
 * short transaction). If the marking fails after the broker took the messages, or the relay freezes past its lease
 * and another relay takes the entries over, they are published again — delivery is at-least-once and the workers
 * deduplicate.
 */
public final class RelayOutboxService implements RelayOutboxUseCase {
    private final UUID relay = UUID.randomUUID();
    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final NotificationQueue queue;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    public RelayOutboxService(UnitOfWork unitOfWork, Outbox outbox, NotificationQueue queue, Clock clock,
                              int batchSize, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the relay's lease must be positive");
        }
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.queue = queue;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    @Override
    public int relayBatch() {
        Instant claimedAt = clock.instant();
        List<Outbox.Entry> entries = unitOfWork.inTransaction(() -> outbox.claim(relay, batchSize, claimedAt, lease));
        if (entries.isEmpty()) {
            return 0;
        }
        try {
            queue.publish(entries.stream().flatMap(entry -> entry.notification().stream()).toList(),
                    entries.stream().map(Outbox.Entry::work).filter(Outbox.Webhook.class::isInstance)
                            .map(Outbox.Webhook.class::cast).toList());
        } catch (RuntimeException notTaken) {
            try {
                unitOfWork.inTransaction(() -> outbox.release(relay, entries));
            } catch (RuntimeException alsoDown) {
                notTaken.addSuppressed(alsoDown); // the lease runs out instead
            }
            throw notTaken;
        }
        unitOfWork.inTransaction(() -> outbox.markPublished(relay, entries, clock.instant()));
        return entries.size();
    }
}
