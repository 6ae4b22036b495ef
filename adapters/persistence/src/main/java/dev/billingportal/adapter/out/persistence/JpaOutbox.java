package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.DeliveryId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JpaOutbox implements Outbox {
    private final JpaUnitOfWork unitOfWork;

    public JpaOutbox(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    static OutboxEntryRow newEntry(DeliveryId notification, Instant createdAt) {
        return newEntry(notification, Optional.empty(), createdAt);
    }

    /** An entry queueing a mail; one a bill run's posting caused names the run, and waits for it. */
    static OutboxEntryRow newEntry(DeliveryId notification, Optional<BillRunId> billRun, Instant createdAt) {
        OutboxEntryRow row = new OutboxEntryRow();
        row.id = UUID.randomUUID();
        row.notificationId = notification.value();
        row.billRunId = billRun.map(BillRunId::value).orElse(null);
        row.createdAt = createdAt;
        return row;
    }

    /** An entry queueing a webhook message; its id is the lease it holds the message under. */
    static OutboxEntryRow newEntry(String webhookMessage, UUID lease, Instant createdAt) {
        OutboxEntryRow row = new OutboxEntryRow();
        row.id = lease;
        row.webhookMessageId = webhookMessage;
        row.createdAt = createdAt;
        return row;
    }

    @Override
    public List<Entry> claim(UUID relay, int limit, Instant now, Duration lease) {
        EntityManager em = unitOfWork.entityManager();
        // Claims are taken in turn, under this row's lock, so two relays never pick the same entries. The lock lasts
        // only as long as this short transaction: what was claimed is held by the lease, not by the lock.
        em.find(OutboxRelayLockRow.class, 1, LockModeType.PESSIMISTIC_WRITE);
        // Each lane is an equality on ix_outbox_entry_lanes' first two columns, read in its order: a claim reads the
        // entries it takes, never the bill runs' mails waiting behind them. The ORDER BY names those two constant
        // columns too: H2 reads an index in order only for an ORDER BY that begins with the index's first column.
        List<OutboxEntryRow> rows = new ArrayList<>(em.createQuery("SELECT e FROM OutboxEntryRow e"
                        + " WHERE e.publishedAt IS NULL AND e.billRunId IS NULL"
                        + " AND (e.claimedUntil IS NULL OR e.claimedUntil <= :now)"
                        + " ORDER BY e.publishedAt, e.billRunId, e.createdAt, e.id", OutboxEntryRow.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
        if (rows.size() < limit) {
            // Then the mails of the bill runs posted, run by run, each in the order its lines were posted.
            for (UUID run : runsPosted(em)) {
                rows.addAll(em.createQuery("SELECT e FROM OutboxEntryRow e"
                                + " WHERE e.publishedAt IS NULL AND e.billRunId = :run"
                                + " AND (e.claimedUntil IS NULL OR e.claimedUntil <= :now)"
                                + " ORDER BY e.publishedAt, e.billRunId, e.createdAt, e.id", OutboxEntryRow.class)
                        .setParameter("run", run)
                        .setParameter("now", now)
                        .setMaxResults(limit - rows.size())
                        .getResultList());
                if (rows.size() == limit) {
                    break;
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        em.createQuery("UPDATE OutboxEntryRow e SET e.claimedBy = :relay, e.claimedUntil = :until WHERE e.id IN :ids")
                .setParameter("relay", relay)
                .setParameter("until", now.plus(lease))
                .setParameter("ids", rows.stream().map(row -> row.id).toList())
                .executeUpdate();
        return rows.stream().map(row -> new Entry(row.id, row.notificationId != null
                ? new Mail(new DeliveryId(row.notificationId)) : new Webhook(row.webhookMessageId, row.id),
                row.createdAt)).toList();
    }

    /** The bill runs no longer posting whose mails are still in the outbox, oldest run first (a handful at most). */
    private static List<UUID> runsPosted(EntityManager em) {
        return em.createQuery("SELECT r.id FROM BillRunRow r WHERE r.status <> :posting AND EXISTS ("
                        + "SELECT e.id FROM OutboxEntryRow e WHERE e.publishedAt IS NULL AND e.billRunId = r.id)"
                        + " ORDER BY r.createdAt, r.id", UUID.class)
                .setParameter("posting", BillRun.Status.POSTING.name())
                .getResultList();
    }

    @Override
    public int markPublished(UUID relay, List<Entry> entries, Instant now) {
        if (entries.isEmpty()) {
            return 0; // "IN ()" is valid on H2 but a syntax error on PostgreSQL (found by OutboxContractTest)
        }
        return unitOfWork.entityManager()
                .createQuery("UPDATE OutboxEntryRow e SET e.publishedAt = :now, e.claimedUntil = NULL"
                        + " WHERE e.id IN :ids AND e.claimedBy = :relay AND e.publishedAt IS NULL")
                .setParameter("now", now)
                .setParameter("relay", relay)
                .setParameter("ids", ids(entries))
                .executeUpdate();
    }

    @Override
    public void release(UUID relay, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        unitOfWork.entityManager()
                .createQuery("UPDATE OutboxEntryRow e SET e.claimedBy = NULL, e.claimedUntil = NULL"
                        + " WHERE e.id IN :ids AND e.claimedBy = :relay AND e.publishedAt IS NULL")
                .setParameter("relay", relay)
                .setParameter("ids", ids(entries))
                .executeUpdate();
    }

    private static List<UUID> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
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

    @Override
    public int deletePublishedBefore(Instant before, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> ids = em.createQuery("SELECT e.id FROM OutboxEntryRow e WHERE e.publishedAt < :before",
                        UUID.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM OutboxEntryRow e WHERE e.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
