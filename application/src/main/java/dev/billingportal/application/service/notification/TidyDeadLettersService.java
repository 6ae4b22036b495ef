package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.TidyDeadLettersUseCase;
import dev.billingportal.application.port.out.DeadLetters;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead-letter queue mirrors the FAILED deliveries: a message stays there while its delivery is FAILED, and goes
 * once an operator re-drives it, the sweeper queues it again, or retention deletes it. The database decides; the queue
 * follows — so that its depth on {@code /metrics} means "failed deliveries to look at", and falls when they are dealt
 * with, whichever process re-drove them.
 */
public final class TidyDeadLettersService implements TidyDeadLettersUseCase {
    private final UnitOfWork unitOfWork;
    private final Deliveries deliveries;
    private final DeadLetters deadLetters;
    private final int batchSize;

    public TidyDeadLettersService(UnitOfWork unitOfWork, Deliveries deliveries, DeadLetters deadLetters,
                                  int batchSize) {
        this.unitOfWork = unitOfWork;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.batchSize = batchSize;
    }

    @Override
    public int tidy() {
        Set<DeliveryId> onTheQueue = deadLetters.peek(batchSize);
        if (onTheQueue.isEmpty()) {
            return 0;
        }
        Map<DeliveryId, DeliveryStatus> statuses = unitOfWork.inTransaction(() -> deliveries.statuses(onTheQueue));
        List<DeliveryId> dealtWith = onTheQueue.stream()
                .filter(id -> statuses.get(id) != DeliveryStatus.FAILED)
                .toList();
        return dealtWith.isEmpty() ? 0 : deadLetters.discard(dealtWith);
    }
}
