package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.PortalUserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class JpaDeliveries implements Deliveries {
    private final JpaUnitOfWork unitOfWork;

    public JpaDeliveries(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void record(NotificationEvent event, List<Delivery> deliveries, Optional<BillRunId> billRun) {
        EntityManager em = unitOfWork.entityManager();
        NotificationEventRow eventRow = new NotificationEventRow();
        eventRow.id = event.id().value();
        eventRow.kind = event.kind().name();
        eventRow.accountId = event.accountId().map(AccountId::value).orElse(null);
        eventRow.occurredAt = event.occurredAt();
        eventRow.facts = FactsJson.write(event.facts());
        em.persist(eventRow); // written before its deliveries and their outbox entries: ForeignKeyOrder
        for (Delivery delivery : deliveries) {
            DeliveryRow row = new DeliveryRow();
            row.id = delivery.id().value();
            row.eventId = delivery.eventId().value();
            row.kind = delivery.kind().name();
            row.accountId = delivery.accountId().map(AccountId::value).orElse(null);
            switch (delivery.recipient()) {
                case Recipient.PortalUserRecipient user -> row.recipientUserId = user.user().value();
                case Recipient.OperatorRecipient operator -> row.recipientOperatorId = operator.operator().value();
            }
            row.recipientEmail = delivery.recipientEmail().value();
            row.createdAt = delivery.createdAt();
            copy(delivery, row);
            em.persist(row);
            em.persist(JpaOutbox.newEntry(delivery.id(), billRun, delivery.createdAt()));
        }
    }

    @Override
    public Optional<NotificationEvent> event(EventId id) {
        NotificationEventRow row = unitOfWork.entityManager().find(NotificationEventRow.class, id.value());
        return Optional.ofNullable(row).map(JpaDeliveries::toDomain);
    }

    @Override
    public List<NotificationEvent> events(Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return List.of(); // an empty IN () is not SQL
        }
        return unitOfWork.entityManager()
                .createQuery("SELECT e FROM NotificationEventRow e WHERE e.id IN :ids", NotificationEventRow.class)
                .setParameter("ids", ids.stream().map(EventId::value).distinct().toList())
                .setHint("eclipselink.read-only", true)
                .getResultStream()
                .map(JpaDeliveries::toDomain)
                .toList();
    }

    private static NotificationEvent toDomain(NotificationEventRow r) {
        return new NotificationEvent(new EventId(r.id), NotificationKind.valueOf(r.kind),
                Optional.ofNullable(r.accountId).map(AccountId::new), r.occurredAt, FactsJson.read(r.facts));
    }

    @Override
    public Optional<Delivery> find(DeliveryId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(DeliveryRow.class, id.value()))
                .map(JpaDeliveries::toDomain);
    }

    @Override
    public Optional<Delivery> lockForDelivery(DeliveryId id) {
        return Optional.ofNullable(unitOfWork.entityManager()
                        .find(DeliveryRow.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(JpaDeliveries::toDomain);
    }

    @Override
    public void update(Delivery notification) {
        EntityManager em = unitOfWork.entityManager();
        DeliveryRow row = em.find(DeliveryRow.class, notification.id().value());
        if (row == null) {
            throw new IllegalStateException("No notification " + notification.id());
        }
        copy(notification, row);
    }

    @Override
    public List<Delivery> newestFirst(AccountId account, Optional<Position> after, int limit) {
        return page("n.accountId = :account AND n.kind IN :kinds", "n.accountId, ", after, limit, query -> query
                .setParameter("account", account.value())
                .setParameter("kinds", java.util.Arrays.stream(NotificationKind.values())
                        .filter(NotificationKind::isBillingNotification).map(Enum::name).toList()));
    }

    @Override
    public List<Delivery> newestFirst(Optional<DeliveryStatus> status, Optional<Position> after, int limit) {
        if (status.isPresent()) {
            return page("n.status = :status", "n.status, ", after, limit,
                    query -> query.setParameter("status", status.get().name()));
        }
        return page("1 = 1", "", after, limit, query -> { });
    }

    /** Newest first by (createdAt, id) after a position; the ORDER BY follows the index (see the V4 migration). */
    private List<Delivery> page(String where, String indexPrefix, Optional<Position> after, int limit,
                                    java.util.function.Consumer<jakarta.persistence.TypedQuery<DeliveryRow>> bind) {
        String jpql = "SELECT n FROM DeliveryRow n WHERE " + where
                + (after.isPresent() ? " AND (n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))"
                : " AND n.createdAt < :farFuture")
                + " ORDER BY " + indexPrefix + "n.createdAt DESC, n.id DESC";
        jakarta.persistence.TypedQuery<DeliveryRow> query = unitOfWork.entityManager()
                .createQuery(jpql, DeliveryRow.class)
                .setMaxResults(limit);
        bind.accept(query);
        after.ifPresentOrElse(position -> query.setParameter("at", position.createdAt()).setParameter("id", position.id()),
                () -> query.setParameter("farFuture", Instant.parse("9999-12-31T00:00:00Z")));
        return query.getResultList().stream().map(JpaDeliveries::toDomain).toList();
    }

    @Override
    public Map<DeliveryStatus, Long> countByStatus() {
        Map<DeliveryStatus, Long> counts = new java.util.EnumMap<>(DeliveryStatus.class);
        unitOfWork.entityManager()
                .createQuery("SELECT n.status, COUNT(n) FROM DeliveryRow n GROUP BY n.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(DeliveryStatus.valueOf((String) row[0]), (Long) row[1]));
        return counts;
    }

    @Override
    public long count(DeliveryStatus status) {
        return unitOfWork.entityManager()
                .createQuery("SELECT COUNT(n) FROM DeliveryRow n WHERE n.status = :status", Long.class)
                .setParameter("status", status.name())
                .getSingleResult();
    }

    @Override
    public boolean recordedSince(Recipient recipient, NotificationKind kind, Instant since) {
        String column = recipient instanceof Recipient.OperatorRecipient ? "recipientOperatorId" : "recipientUserId";
        return !unitOfWork.entityManager()
                .createQuery("SELECT n.id FROM DeliveryRow n WHERE n." + column + " = :recipient AND n.kind = :kind"
                        + " AND n.createdAt >= :since", java.util.UUID.class)
                .setParameter("recipient", recipient.id())
                .setParameter("kind", kind.name())
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void requeue(DeliveryId id, Instant now) {
        unitOfWork.entityManager().persist(JpaOutbox.newEntry(id, now));
    }

    /** Nothing of the delivery in the outbox, and nothing handed to the queue since {@code :before}. */
    private static final String NOTHING_QUEUED_SINCE = "NOT EXISTS (SELECT e.id FROM OutboxEntryRow e"
            + " WHERE e.notificationId = n.id AND (e.publishedAt IS NULL OR e.publishedAt >= :before))";

    @Override
    public List<Delivery> lockStalled(Instant queuedBefore, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> candidates = em.createQuery("SELECT n.id FROM DeliveryRow n WHERE n.status = 'PENDING'"
                        + " AND n.createdAt < :before AND " + NOTHING_QUEUED_SINCE + " ORDER BY n.createdAt", UUID.class)
                .setParameter("before", queuedBefore)
                .setMaxResults(limit)
                .getResultList();
        List<Delivery> stalled = new java.util.ArrayList<>();
        for (UUID id : candidates) {
            DeliveryRow row = em.find(DeliveryRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            // Once locked, asked again: another sweeper may have queued it between the read and the lock.
            boolean stillStalled = row != null && row.status.equals(DeliveryStatus.PENDING.name())
                    && em.createQuery("SELECT n.id FROM DeliveryRow n WHERE n.id = :id AND " + NOTHING_QUEUED_SINCE,
                            UUID.class)
                    .setParameter("id", id)
                    .setParameter("before", queuedBefore)
                    .getResultList().size() == 1;
            if (stillStalled) {
                stalled.add(toDomain(row));
            }
        }
        return stalled;
    }

    @Override
    public Map<DeliveryId, DeliveryStatus> statuses(Collection<DeliveryId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<DeliveryId, DeliveryStatus> statuses = new java.util.HashMap<>();
        unitOfWork.entityManager()
                .createQuery("SELECT n.id, n.status FROM DeliveryRow n WHERE n.id IN :ids", Object[].class)
                .setParameter("ids", ids.stream().map(DeliveryId::value).toList())
                .getResultList()
                .forEach(row -> statuses.put(new DeliveryId((UUID) row[0]), DeliveryStatus.valueOf((String) row[1])));
        return statuses;
    }

    @Override
    public int deleteSettledBefore(Instant before, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> ids = em.createQuery("SELECT n.id FROM DeliveryRow n WHERE n.status IN ('SENT', 'FAILED')"
                        + " AND n.createdAt < :before", UUID.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("DELETE FROM OutboxEntryRow e WHERE e.notificationId IN :ids").setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("DELETE FROM DeliveryRow n WHERE n.id IN :ids AND n.status IN ('SENT', 'FAILED')")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public int deleteEventsBefore(Instant before, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> ids = em.createQuery("SELECT v.id FROM NotificationEventRow v WHERE v.occurredAt < :before"
                        + " AND NOT EXISTS (SELECT n.id FROM DeliveryRow n WHERE n.eventId = v.id)", UUID.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM NotificationEventRow v WHERE v.id IN :ids").setParameter("ids", ids)
                .executeUpdate();
    }

    private static void copy(Delivery delivery, DeliveryRow row) {
        row.status = delivery.status().name();
        row.attempts = delivery.attempts();
        row.stalls = delivery.stalls();
        row.lastError = delivery.lastError();
        row.sentAt = delivery.sentAt();
    }

    static Delivery toDomain(DeliveryRow row) {
        return Delivery.reconstitute(new DeliveryId(row.id), new EventId(row.eventId),
                NotificationKind.valueOf(row.kind), Optional.ofNullable(row.accountId).map(AccountId::new),
                row.recipientUserId != null ? Recipient.of(new PortalUserId(row.recipientUserId))
                        : Recipient.of(new OperatorId(row.recipientOperatorId)), new EmailAddress(row.recipientEmail),
                DeliveryStatus.valueOf(row.status), row.attempts, row.stalls, row.lastError, row.createdAt, row.sentAt);
    }
}
