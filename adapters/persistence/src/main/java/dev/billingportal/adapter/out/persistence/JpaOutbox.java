package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JpaOutbox implements Outbox {
    private final JpaUnitOfWork unitOfWork;

    public JpaOutbox(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    static OutboxEntryRow newEntry(DeliveryId notification, Instant createdAt) {
        OutboxEntryRow row = new OutboxEntryRow();
        row.id = UUID.randomUUID();
        row.notificationId = notification.value();
        row.createdAt = createdAt;
        return row;
    }

    @Override
    public List<Entry> claimUnpublished(int limit) {
        EntityManager em = unitOfWork.entityManager();
        // Relays take turns: whoever holds this row lock until commit owns the unpublished entries.
        em.find(OutboxRelayLockRow.class, 1, LockModeType.PESSIMISTIC_WRITE);
        return em.createQuery("SELECT e FROM OutboxEntryRow e WHERE e.publishedAt IS NULL"
                                + " ORDER BY e.createdAt, e.id", OutboxEntryRow.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> new Entry(row.id, new DeliveryId(row.notificationId), row.createdAt))
                .toList();
    }

    @Override
    public void markPublished(List<Entry> entries, Instant now) {
        if (entries.isEmpty()) {
            return; // "IN ()" is valid on H2 but a syntax error on PostgreSQL (found by OutboxContractTest)
        }
        unitOfWork.entityManager()
                .createQuery("UPDATE OutboxEntryRow e SET e.publishedAt = :now WHERE e.id IN :ids")
                .setParameter("now", now)
                .setParameter("ids", entries.stream().map(Entry::id).toList())
                .executeUpdate();
    }

    @Override
    public long unpublished() {
        return unitOfWork.entityManager()
                .createQuery("SELECT COUNT(e) FROM OutboxEntryRow e WHERE e.publishedAt IS NULL", Long.class)
                .getSingleResult();
    }

    @Override
    public Optional<Instant> oldestUnpublished() {
        // Not MIN(createdAt): PostgreSQL's driver hands an aggregate over as a java.sql.Timestamp, which the instant
        // converter cannot take (found by OutboxContractTest); the attribute itself arrives through its mapping.
        return unitOfWork.entityManager()
                .createQuery("SELECT e.createdAt FROM OutboxEntryRow e WHERE e.publishedAt IS NULL"
                        + " ORDER BY e.createdAt", Instant.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
