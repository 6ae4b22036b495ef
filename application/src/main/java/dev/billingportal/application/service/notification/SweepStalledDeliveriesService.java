package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.SweepStalledDeliveriesUseCase;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.notification.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds deliveries that would otherwise stay PENDING for ever — their message dead-lettered by the broker because
 * handling kept crashing (the database down, a row missing), or lost with a broker's journal — and queues each
 * again, a bounded number of times, after which it is FAILED with the reason: every delivery ends SENT or FAILED.
 * Queuing one whose message is in fact still in flight costs a redundant message, never a second mail: a worker
 * sends only a pending delivery, under its lock.
 */
public final class SweepStalledDeliveriesService implements SweepStalledDeliveriesUseCase {
    private static final Logger LOG = Logger.getLogger(SweepStalledDeliveriesService.class.getName());

    private final UnitOfWork unitOfWork;
    private final Deliveries deliveries;
    private final Runnable relayWakeUp;
    private final Clock clock;
    private final Duration stalledAfter;
    private final int maxStalls;
    private final int batchSize;

    /**
     * @param stalledAfter how long a pending delivery may go with nothing queued before it counts as stalled: longer
     *                     than the broker keeps a message in flight (all its redeliveries and their delays)
     * @param maxStalls    how many times a stalled delivery is queued again before it is given up
     */
    public SweepStalledDeliveriesService(UnitOfWork unitOfWork, Deliveries deliveries, Runnable relayWakeUp,
                                         Clock clock, Duration stalledAfter, int maxStalls, int batchSize) {
        if (stalledAfter.isNegative() || stalledAfter.isZero() || maxStalls < 0 || batchSize < 1) {
            throw new IllegalArgumentException("stalledAfter must be positive, maxStalls at least 0, batchSize 1");
        }
        this.unitOfWork = unitOfWork;
        this.deliveries = deliveries;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
        this.stalledAfter = stalledAfter;
        this.maxStalls = maxStalls;
        this.batchSize = batchSize;
    }

    @Override
    public int sweepBatch() {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            List<Delivery> stalled = deliveries.lockStalled(now.minus(stalledAfter), batchSize);
            int queued = 0;
            for (Delivery delivery : stalled) {
                if (delivery.stalled(maxStalls)) {
                    deliveries.requeue(delivery.id(), now);
                    queued++;
                }
                deliveries.update(delivery);
            }
            if (queued > 0) {
                unitOfWork.afterCommit(relayWakeUp);
            }
            if (!stalled.isEmpty()) {
                LOG.warning("Stalled deliveries: " + queued + " queued again, " + (stalled.size() - queued)
                        + " given up as FAILED (each is queued again at most " + maxStalls + " times)");
            }
            return stalled.size();
        });
    }
}
