package dev.billingportal.testing;

import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events, deliveries and the outbox in memory: both sides of the transactional outbox. */
public final class InMemoryDeliveries implements Deliveries, Outbox {
    private final Map<EventId, NotificationEvent> events = new LinkedHashMap<>();
    private final Map<DeliveryId, Delivery> deliveries = new LinkedHashMap<>();
    private final List<Entry> unpublished = new ArrayList<>();
    private final List<Entry> published = new ArrayList<>();

    @Override
    public synchronized void record(NotificationEvent event, List<Delivery> newDeliveries) {
        events.put(event.id(), event);
        for (Delivery delivery : newDeliveries) {
            deliveries.put(delivery.id(), copy(delivery));
            unpublished.add(new Entry(UUID.randomUUID(), delivery.id(), event.occurredAt()));
        }
    }

    @Override
    public synchronized Optional<NotificationEvent> event(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public synchronized List<NotificationEvent> events(java.util.Collection<EventId> ids) {
        return ids.stream().distinct().map(events::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized Optional<Delivery> find(DeliveryId id) {
        return Optional.ofNullable(deliveries.get(id)).map(InMemoryDeliveries::copy);
    }

    @Override
    public Optional<Delivery> lockForDelivery(DeliveryId id) {
        return find(id);
    }

    @Override
    public synchronized void update(Delivery notification) {
        deliveries.put(notification.id(), copy(notification));
    }

    @Override
    public synchronized List<Delivery> newestFirst(AccountId account, Optional<Position> after, int limit) {
        return page(deliveries.values().stream()
                .filter(n -> n.accountId().equals(account) && n.kind().isBillingNotification()), after, limit);
    }

    @Override
    public synchronized List<Delivery> newestFirst(Optional<DeliveryStatus> status, Optional<Position> after,
                                                      int limit) {
        return page(deliveries.values().stream().filter(n -> status.map(s -> n.status() == s).orElse(true)),
                after, limit);
    }

    private static List<Delivery> page(java.util.stream.Stream<Delivery> matching, Optional<Position> after,
                                           int limit) {
        Comparator<Delivery> newestFirst = Comparator.comparing(Delivery::createdAt)
                .thenComparing(n -> n.id().value(), Uuids.AS_STORED).reversed();
        return matching
                .filter(n -> after.map(p -> n.createdAt().isBefore(p.createdAt())
                        || (n.createdAt().equals(p.createdAt())
                        && Uuids.AS_STORED.compare(n.id().value(), p.id()) < 0)).orElse(true))
                .sorted(newestFirst)
                .limit(limit)
                .map(InMemoryDeliveries::copy)
                .toList();
    }

    @Override
    public synchronized Map<DeliveryStatus, Long> countByStatus() {
        Map<DeliveryStatus, Long> counts = new java.util.EnumMap<>(DeliveryStatus.class);
        deliveries.values().forEach(n -> counts.merge(n.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized long unpublished() {
        return unpublished.size();
    }

    @Override
    public synchronized boolean recordedSince(PortalUserId recipient, NotificationKind kind, Instant since) {
        return deliveries.values().stream().anyMatch(n -> n.recipientUserId().equals(recipient) && n.kind() == kind
                && !n.createdAt().isBefore(since));
    }

    @Override
    public synchronized void requeue(DeliveryId id, Instant now) {
        unpublished.add(new Entry(UUID.randomUUID(), id, now));
    }

    @Override
    public synchronized List<Entry> claimUnpublished(int limit) {
        return unpublished.stream().sorted(Comparator.comparing(Entry::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized void markPublished(List<Entry> entries, Instant now) {
        unpublished.removeAll(entries);
        published.addAll(entries);
    }

    @Override
    public synchronized Optional<Instant> oldestUnpublished() {
        return unpublished.stream().map(Entry::createdAt).min(Comparator.naturalOrder());
    }

    public synchronized List<NotificationEvent> events() {
        return List.copyOf(events.values());
    }

    public synchronized List<Delivery> deliveries() {
        return deliveries.values().stream().map(InMemoryDeliveries::copy).toList();
    }

    public synchronized List<Entry> unpublishedEntries() {
        return List.copyOf(unpublished);
    }

    private static Delivery copy(Delivery n) {
        return Delivery.reconstitute(n.id(), n.eventId(), n.kind(), n.accountId(), n.recipientUserId(),
                n.recipientEmail(), n.status(), n.attempts(), n.lastError(), n.createdAt(), n.sentAt());
    }
}
