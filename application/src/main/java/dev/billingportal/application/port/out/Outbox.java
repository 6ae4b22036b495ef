package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The relay's side of the transactional outbox: committed entries not yet handed to the queue. A relay claims
 * entries for a while (a lease) rather than locking them across its broker I/O, so that a relay which freezes
 * mid-publish blocks no other relay; its entries become claimable again when the lease runs out.
 */
public interface Outbox {

    /** An entry waiting to be published: one mail's delivery or one webhook message to hand to the queue. */
    record Entry(UUID id, Work work, Instant createdAt) {
        public Entry {
            Objects.requireNonNull(work, "work");
        }

        /** The mail's delivery this entry queues, if it queues one. */
        public Optional<DeliveryId> notification() {
            return work instanceof Mail mail ? Optional.of(mail.delivery()) : Optional.empty();
        }
    }

    /** What an entry hands to the queue. */
    sealed interface Work permits Mail, Webhook {
    }

    /** A mail to send: the delivery's id. */
    record Mail(DeliveryId delivery) implements Work {
    }

    /**
     * A webhook message to try: its id, and the lease the entry holds on it (the entry's own id). A worker tries the
     * message only while that lease is still the message's, so a copy of the queue message — published twice, or
     * redelivered after the attempt was recorded — sends nothing.
     */
    record Webhook(String message, UUID lease) implements Work {
    }

    /**
     * Claims for {@code relay}, until {@code now + lease}, the oldest unpublished entries that no live claim holds.
     * Claims are taken one at a time, so two relays never hold one entry at once. A bill run's mails come last, run by
     * run, and not while their run is still {@code POSTING} ({@link Deliveries#record(
     * dev.billingportal.domain.notification.NotificationEvent, List, Optional)}).
     */
    List<Entry> claim(UUID relay, int limit, Instant now, Duration lease);

    /**
     * Marks published those of {@code entries} that {@code relay} still holds (another relay may have claimed them
     * after the lease ran out: it publishes them too, and the workers deduplicate); returns how many.
     */
    int markPublished(UUID relay, List<Entry> entries, Instant now);

    /** Gives up a claim early (the broker did not take the entries): they are claimable again at once. */
    void release(UUID relay, List<Entry> entries);

    /** When the oldest unpublished entry was written; empty when the outbox is drained. */
    Optional<Instant> oldestUnpublished();

    long unpublished();

    /** Deletes up to {@code limit} entries published before {@code before}; returns how many. */
    int deletePublishedBefore(Instant before, int limit);
}
