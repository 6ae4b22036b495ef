package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The relay's side of the transactional outbox: committed entries not yet handed to the queue. */
public interface Outbox {

    /** An entry waiting to be published: one delivery to hand to the queue. */
    record Entry(UUID id, DeliveryId notificationId, Instant createdAt) {
    }

    /**
     * The oldest unpublished entries. Until the unit of work ends, no other relay (in this process or
     * another) claims entries.
     */
    List<Entry> claimUnpublished(int limit);

    void markPublished(List<Entry> entries, Instant now);

    /** When the oldest unpublished entry was written; empty when the outbox is drained. */
    Optional<Instant> oldestUnpublished();

    long unpublished();
}
