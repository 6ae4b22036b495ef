package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Notification events and their deliveries — the transactional outbox's writing side. Recording an
 * event stores it, one delivery per recipient, and one outbox entry per delivery, all in the caller's
 * unit of work.
 */
public interface Deliveries {

    default void record(NotificationEvent event, List<Delivery> deliveries) {
        record(event, deliveries, Optional.empty());
    }

    /**
     * The same, for deliveries a bill run's posting caused ({@code billRun}): their outbox entries wait for the run —
     * handed to the queue after every other entry, and only once the run is no longer posting ({@link Outbox#claim}).
     */
    void record(NotificationEvent event, List<Delivery> deliveries, Optional<BillRunId> billRun);

    Optional<NotificationEvent> event(EventId id);

    /** The events of these ids that exist, in no particular order. */
    List<NotificationEvent> events(Collection<EventId> ids);

    Optional<Delivery> find(DeliveryId id);

    /** Reads a delivery and locks it until the unit of work ends, so that two workers never both send it. */
    Optional<Delivery> lockForDelivery(DeliveryId id);

    void update(Delivery notification);

    /** Whether {@code recipient} was sent (or is due) a mail of this kind recorded at or after {@code since}. */
    boolean recordedSince(Recipient recipient, NotificationKind kind, Instant since);

    /** Where a page of deliveries ends: newest first by (createdAt, id). */
    record Position(Instant createdAt, UUID id) {
    }

    /** The account's billing notifications (not invitations or resets), newest first. */
    List<Delivery> newestFirst(AccountId account, Optional<Position> after,
                                   int limit);

    /** All deliveries, or those in {@code status}, newest first: the operators' view. */
    List<Delivery> newestFirst(Optional<DeliveryStatus> status,
                                   Optional<Position> after, int limit);

    /** How many deliveries are in each status. */
    Map<DeliveryStatus, Long> countByStatus();

    /** How many deliveries are in {@code status} (through the status index: cheap for the few that fail). */
    long count(DeliveryStatus status);

    /** Queues a delivery again (an operator's re-drive, the sweeper): a new outbox entry for it. */
    void requeue(DeliveryId id, Instant now);

    /**
     * Up to {@code limit} stalled deliveries, locked until the unit of work ends: pending, with no outbox entry
     * unpublished and none published at or after {@code queuedBefore}. Each is checked again once locked, so two
     * sweepers never both take one.
     */
    List<Delivery> lockStalled(Instant queuedBefore, int limit);

    /** The status of each of these deliveries that still exists. */
    Map<DeliveryId, DeliveryStatus> statuses(Collection<DeliveryId> ids);

    /** Deletes up to {@code limit} SENT or FAILED deliveries recorded before {@code before}, with their outbox entries. */
    int deleteSettledBefore(Instant before, int limit);

    /** Deletes up to {@code limit} events that occurred before {@code before} and have no delivery left. */
    int deleteEventsBefore(Instant before, int limit);
}
