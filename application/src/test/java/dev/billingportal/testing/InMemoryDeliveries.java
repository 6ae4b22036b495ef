package dev.billingportal.testing;

import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
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
    private final Map<UUID, Claim> claims = new java.util.HashMap<>();
    private final List<Published> published = new ArrayList<>();
    /** The entries of a bill run's mails, by the run; and which runs are still posting (none, unless told). */
    private final Map<UUID, BillRunId> billRunOf = new java.util.HashMap<>();
    private java.util.function.Predicate<BillRunId> stillPosting = run -> false;

    /** Asks {@code runs} which bill runs are still posting, as the database's outbox asks its bill_run table. */
    public synchronized void waitForRunsOf(InMemoryBillRuns runs) {
        stillPosting = run -> runs.find(run).map(found -> found.status() == BillRun.Status.POSTING).orElse(false);
    }

    @Override
    public synchronized void record(NotificationEvent event, List<Delivery> newDeliveries,
                                    Optional<BillRunId> billRun) {
        events.put(event.id(), event);
        for (Delivery delivery : newDeliveries) {
            deliveries.put(delivery.id(), copy(delivery));
            Entry entry = new Entry(UUID.randomUUID(), new Outbox.Mail(delivery.id()), event.occurredAt());
            unpublished.add(entry);
            billRun.ifPresent(run -> billRunOf.put(entry.id(), run));
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
                .filter(n -> n.accountId().equals(Optional.of(account)) && n.kind().isBillingNotification()), after,
                limit);
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
    public synchronized long count(DeliveryStatus status) {
        return deliveries.values().stream().filter(delivery -> delivery.status() == status).count();
    }

    @Override
    public synchronized long unpublished() {
        return unpublished.size();
    }

    @Override
    public synchronized boolean recordedSince(Recipient recipient, NotificationKind kind, Instant since) {
        return deliveries.values().stream().anyMatch(n -> n.recipient().equals(recipient) && n.kind() == kind
                && !n.createdAt().isBefore(since));
    }

    @Override
    public synchronized void requeue(DeliveryId id, Instant now) {
        unpublished.add(new Entry(UUID.randomUUID(), new Outbox.Mail(id), now));
    }

    @Override
    public synchronized List<Entry> claim(UUID relay, int limit, Instant now, java.time.Duration lease) {
        List<Entry> claimed = unpublished.stream()
                .filter(entry -> !claims.containsKey(entry.id()) || !claims.get(entry.id()).until().isAfter(now))
                .filter(entry -> !billRunOf.containsKey(entry.id()) || !stillPosting.test(billRunOf.get(entry.id())))
                .sorted(Comparator.comparing((Entry entry) -> billRunOf.containsKey(entry.id()))
                        .thenComparing(entry -> Optional.ofNullable(billRunOf.get(entry.id()))
                                .map(run -> run.value().toString()).orElse(""))
                        .thenComparing(Entry::createdAt))
                .limit(limit)
                .toList();
        claimed.forEach(entry -> claims.put(entry.id(), new Claim(relay, now.plus(lease))));
        return claimed;
    }

    @Override
    public synchronized int markPublished(UUID relay, List<Entry> entries, Instant now) {
        List<Entry> held = entries.stream().filter(unpublished::contains)
                .filter(entry -> claims.containsKey(entry.id()) && claims.get(entry.id()).relay().equals(relay))
                .toList();
        unpublished.removeAll(held);
        held.forEach(entry -> {
            claims.remove(entry.id());
            published.add(new Published(entry, now));
        });
        return held.size();
    }

    @Override
    public synchronized void release(UUID relay, List<Entry> entries) {
        entries.forEach(entry -> claims.computeIfPresent(entry.id(),
                (id, claim) -> claim.relay().equals(relay) ? null : claim));
    }

    @Override
    public synchronized int deletePublishedBefore(Instant before, int limit) {
        List<Published> old = published.stream().filter(p -> p.at().isBefore(before)).limit(limit).toList();
        published.removeAll(old);
        return old.size();
    }

    @Override
    public synchronized List<Delivery> lockStalled(Instant queuedBefore, int limit) {
        return deliveries.values().stream()
                .filter(Delivery::isPending)
                .filter(delivery -> unpublished.stream().noneMatch(entry -> entry.notification().equals(Optional.of(delivery.id()))))
                .filter(delivery -> published.stream().noneMatch(p -> p.entry().notification().equals(Optional.of(delivery.id()))
                        && !p.at().isBefore(queuedBefore)))
                .filter(delivery -> delivery.createdAt().isBefore(queuedBefore))
                .sorted(Comparator.comparing(Delivery::createdAt))
                .limit(limit)
                .map(InMemoryDeliveries::copy)
                .toList();
    }

    @Override
    public synchronized Map<DeliveryId, DeliveryStatus> statuses(java.util.Collection<DeliveryId> ids) {
        Map<DeliveryId, DeliveryStatus> statuses = new java.util.HashMap<>();
        ids.stream().filter(deliveries::containsKey).forEach(id -> statuses.put(id, deliveries.get(id).status()));
        return statuses;
    }

    @Override
    public synchronized int deleteSettledBefore(Instant before, int limit) {
        List<DeliveryId> old = deliveries.values().stream()
                .filter(delivery -> !delivery.isPending() && delivery.createdAt().isBefore(before))
                .limit(limit).map(Delivery::id).toList();
        old.forEach(id -> {
            deliveries.remove(id);
            unpublished.removeIf(entry -> entry.notification().equals(Optional.of(id)));
            published.removeIf(p -> p.entry().notification().equals(Optional.of(id)));
        });
        return old.size();
    }

    @Override
    public synchronized int deleteEventsBefore(Instant before, int limit) {
        List<EventId> old = events.values().stream()
                .filter(event -> event.occurredAt().isBefore(before))
                .filter(event -> deliveries.values().stream().noneMatch(d -> d.eventId().equals(event.id())))
                .limit(limit).map(NotificationEvent::id).toList();
        old.forEach(events::remove);
        return old.size();
    }

    private record Claim(UUID relay, Instant until) {
    }

    /** Queues a webhook message (the in-memory webhook messages share this outbox, as the tables do). */
    public synchronized void enqueue(Outbox.Webhook webhook, Instant now) {
        unpublished.add(new Entry(webhook.lease(), webhook, now));
    }

    private record Published(Entry entry, Instant at) {
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
        return Delivery.reconstitute(n.id(), n.eventId(), n.kind(), n.accountId(), n.recipient(),
                n.recipientEmail(), n.status(), n.attempts(), n.stalls(), n.lastError(), n.createdAt(), n.sentAt());
    }
}
