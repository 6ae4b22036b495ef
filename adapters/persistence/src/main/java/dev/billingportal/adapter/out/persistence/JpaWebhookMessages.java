package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookUrl;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class JpaWebhookMessages implements WebhookMessages {
    /**
     * No entry of the message waits in the outbox: one that does will reach a worker once the broker takes it, under
     * the lease it holds, so queueing the message again would only pile up entries while the broker is away.
     */
    private static final String NOTHING_IN_THE_OUTBOX = "NOT EXISTS (SELECT e.id FROM OutboxEntryRow e"
            + " WHERE e.webhookMessageId = m.id AND e.publishedAt IS NULL)";
    private final JpaUnitOfWork unitOfWork;

    public JpaWebhookMessages(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void record(List<WebhookMessage> messages, Instant now, Duration lease) {
        EntityManager em = unitOfWork.entityManager();
        for (WebhookMessage message : messages) {
            WebhookMessageRow row = new WebhookMessageRow();
            row.id = message.id();
            row.endpointId = message.endpoint().value();
            row.eventType = message.type().wireName();
            row.body = message.body();
            row.createdAt = message.createdAt();
            write(row, message);
            em.persist(row);
            em.persist(queued(row, now, lease)); // written after the message: ForeignKeyOrder
        }
    }

    @Override
    public Optional<WebhookMessage> find(String id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(WebhookMessageRow.class, id))
                .map(JpaWebhookMessages::toDomain);
    }

    @Override
    public Optional<Held> lock(String id) {
        WebhookMessageRow row = unitOfWork.entityManager().find(WebhookMessageRow.class, id,
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new Held(toDomain(row), Optional.ofNullable(row.lease)));
    }

    @Override
    public void update(WebhookMessage message) {
        WebhookMessageRow row = row(message.id());
        write(row, message);
        row.lease = null;
        row.leaseUntil = null;
    }

    @Override
    public void queue(WebhookMessage message, Instant now, Duration lease) {
        WebhookMessageRow row = row(message.id());
        write(row, message);
        OutboxEntryRow entry = queued(row, now, lease);
        EntityManager em = unitOfWork.entityManager();
        em.flush();
        em.persist(entry);
    }

    /** Holds the message under a new outbox entry's lease until {@code now + lease}; returns the entry to persist. */
    private static OutboxEntryRow queued(WebhookMessageRow row, Instant now, Duration lease) {
        row.lease = UUID.randomUUID();
        row.leaseUntil = now.plus(lease);
        return JpaOutbox.newEntry(row.id, row.lease, now);
    }

    @Override
    public void hold(String id, UUID lease, Instant until) {
        WebhookMessageRow row = row(id);
        row.lease = lease;
        row.leaseUntil = until;
    }

    @Override
    public int queueDue(Instant now, Duration lease, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<String> due = em.createQuery("SELECT m.id FROM WebhookMessageRow m WHERE m.status = 'PENDING'"
                        + " AND m.nextAttemptAt <= :now AND (m.leaseUntil IS NULL OR m.leaseUntil <= :now)"
                        + " AND " + NOTHING_IN_THE_OUTBOX + " ORDER BY m.nextAttemptAt", String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        int queued = 0;
        for (String id : due) {
            UUID entry = UUID.randomUUID();
            // Taken only if still due and free once the row is locked by this update: a scheduler in another process,
            // or a worker, may have taken it between the read and now. Conditions on the row's own columns only: with
            // the outbox subquery in this update too, two schedulers both took some messages on H2 and PostgreSQL
            // (found by the contract test) — the subquery is read on the statement's snapshot, not re-checked once
            // the row lock is granted. The lease alone is enough here: queueing a message sets it.
            int taken = em.createQuery("UPDATE WebhookMessageRow m SET m.lease = :entry, m.leaseUntil = :until"
                            + " WHERE m.id = :id AND m.status = 'PENDING' AND m.nextAttemptAt <= :now"
                            + " AND (m.leaseUntil IS NULL OR m.leaseUntil <= :now)")
                    .setParameter("entry", entry)
                    .setParameter("until", now.plus(lease))
                    .setParameter("id", id)
                    .setParameter("now", now)
                    .executeUpdate();
            if (taken == 1) {
                em.persist(JpaOutbox.newEntry(id, entry, now));
                queued++;
            }
        }
        return queued;
    }

    @Override
    public void recordAttempt(String message, WebhookAttempt attempt) {
        WebhookAttemptRow row = new WebhookAttemptRow();
        row.id = UUID.randomUUID();
        row.messageId = message;
        row.attemptedAt = attempt.at();
        row.tookMs = attempt.took().toMillis();
        row.httpStatus = attempt.status().orElse(null);
        row.error = attempt.error().orElse(null);
        row.answer = attempt.answer();
        unitOfWork.entityManager().persist(row);
    }

    @Override
    public List<WebhookAttempt> attempts(String message) {
        return unitOfWork.entityManager()
                .createQuery("SELECT a FROM WebhookAttemptRow a WHERE a.messageId = :message"
                        + " ORDER BY a.attemptedAt, a.id", WebhookAttemptRow.class)
                .setParameter("message", message)
                .getResultStream()
                .map(JpaWebhookMessages::attempt)
                .toList();
    }

    @Override
    public List<WebhookMessage> newestFirst(WebhookEndpointId endpoint, Optional<Position> after, int limit) {
        String older = after.isPresent()
                ? " AND (m.createdAt < :at OR (m.createdAt = :at AND m.id < :id))" : "";
        var query = unitOfWork.entityManager()
                .createQuery("SELECT m FROM WebhookMessageRow m WHERE m.endpointId = :endpoint" + older
                        + " ORDER BY m.createdAt DESC, m.id DESC", WebhookMessageRow.class)
                .setParameter("endpoint", endpoint.value())
                .setMaxResults(limit);
        after.ifPresent(position -> query.setParameter("at", position.createdAt()).setParameter("id", position.id()));
        return query.getResultStream().map(JpaWebhookMessages::toDomain).toList();
    }

    @Override
    public int deleteSettledBefore(Instant before, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<String> ids = em.createQuery("SELECT m.id FROM WebhookMessageRow m WHERE m.status IN ('DELIVERED', 'FAILED')"
                        + " AND m.createdAt < :before", String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        // The attempts and outbox entries first: a bulk delete does not go through the database's cascade in every
        // dialect EclipseLink writes, and these tables refer to the messages.
        em.createQuery("DELETE FROM WebhookAttemptRow a WHERE a.messageId IN :ids").setParameter("ids", ids)
                .executeUpdate();
        em.createQuery("DELETE FROM OutboxEntryRow e WHERE e.webhookMessageId IN :ids").setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("DELETE FROM WebhookMessageRow m WHERE m.id IN :ids").setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public List<Failed> failedNewestFirst(Optional<Position> after, int limit) {
        String older = after.isPresent()
                ? " AND (m.createdAt < :at OR (m.createdAt = :at AND m.id < :id))" : "";
        var query = unitOfWork.entityManager()
                .createQuery("SELECT m, e.accountId, e.url FROM WebhookMessageRow m, WebhookEndpointRow e"
                        + " WHERE e.id = m.endpointId AND m.status = 'FAILED'" + older
                        + " ORDER BY m.createdAt DESC, m.id DESC", Object[].class)
                .setMaxResults(limit);
        after.ifPresent(position -> query.setParameter("at", position.createdAt()).setParameter("id", position.id()));
        return query.getResultStream().map(row -> new Failed(toDomain((WebhookMessageRow) row[0]),
                Optional.ofNullable((UUID) row[1]).map(AccountId::new),
                WebhookUrl.stored((String) row[2]).shown())).toList();
    }

    @Override
    public long countFailed() {
        return unitOfWork.entityManager()
                .createQuery("SELECT COUNT(m) FROM WebhookMessageRow m WHERE m.status = 'FAILED'", Long.class)
                .getSingleResult();
    }

    @Override
    public Map<String, WebhookAttempt> lastAttempts(Collection<String> messages) {
        if (messages.isEmpty()) {
            return Map.of(); // "IN ()" is a syntax error on PostgreSQL
        }
        Map<String, WebhookAttempt> last = new java.util.HashMap<>();
        unitOfWork.entityManager()
                .createQuery("SELECT a FROM WebhookAttemptRow a WHERE a.messageId IN :ids"
                        + " ORDER BY a.attemptedAt, a.id", WebhookAttemptRow.class)
                .setParameter("ids", List.copyOf(messages))
                .getResultStream()
                .forEach(row -> last.put(row.messageId, attempt(row)));
        return last;
    }

    @Override
    public Map<WebhookMessage.Status, Long> countByStatus() {
        Map<WebhookMessage.Status, Long> counts = new EnumMap<>(WebhookMessage.Status.class);
        for (WebhookMessage.Status status : WebhookMessage.Status.values()) {
            counts.put(status, 0L);
        }
        unitOfWork.entityManager()
                .createQuery("SELECT m.status, COUNT(m) FROM WebhookMessageRow m GROUP BY m.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(WebhookMessage.Status.valueOf((String) row[0]), (Long) row[1]));
        return counts;
    }

    private static WebhookAttempt attempt(WebhookAttemptRow row) {
        return new WebhookAttempt(row.attemptedAt, Duration.ofMillis(row.tookMs), Optional.ofNullable(row.httpStatus),
                Optional.ofNullable(row.error), row.answer);
    }

    private WebhookMessageRow row(String id) {
        WebhookMessageRow row = unitOfWork.entityManager().find(WebhookMessageRow.class, id);
        if (row == null) {
            throw new IllegalStateException("no webhook message " + id);
        }
        return row;
    }

    private static void write(WebhookMessageRow row, WebhookMessage message) {
        row.status = message.status().name();
        row.attempts = message.attempts();
        row.nextAttemptAt = message.nextAttemptAt().orElse(null);
        row.deliveredAt = message.deliveredAt().orElse(null);
    }

    private static WebhookMessage toDomain(WebhookMessageRow row) {
        return WebhookMessage.reconstitute(row.id, new WebhookEndpointId(row.endpointId),
                WebhookEventType.parse(row.eventType), row.body, row.createdAt,
                WebhookMessage.Status.valueOf(row.status), row.attempts, Optional.ofNullable(row.nextAttemptAt),
                Optional.ofNullable(row.deliveredAt));
    }
}
