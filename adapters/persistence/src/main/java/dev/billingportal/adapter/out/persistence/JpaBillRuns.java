package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.billrun.BillRunId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class JpaBillRuns implements BillRuns {
    private static final int MAX_MESSAGE = 1_000;
    private static final int MAX_FIELD = 200;
    /** Lines persisted between flushes: EclipseLink writes each flush as JDBC batches. */
    private static final int FLUSH_EVERY = 500;

    /** Lines settled by one statement: well under PostgreSQL's limit of bound parameters. */
    private static final int SETTLE_BATCH = 1_000;

    private final JpaUnitOfWork unitOfWork;

    public JpaBillRuns(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(BillRun run) {
        BillRunRow row = new BillRunRow();
        row.id = run.id().value();
        row.createdByType = run.createdBy().kind().name();
        row.createdById = run.createdBy().id().orElse(null);
        row.createdBy = run.createdBy().name();
        row.createdAt = run.createdAt();
        write(row, run);
        EntityManager em = unitOfWork.entityManager();
        em.persist(row);
        em.flush();
        writeErrors(run);
    }

    @Override
    public Optional<BillRun> find(BillRunId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(BillRunRow.class, id.value()))
                .map(row -> toDomain(row, errors(List.of(row.id)).getOrDefault(row.id, List.of())));
    }

    @Override
    public Optional<BillRun> lock(BillRunId id) {
        EntityManager em = unitOfWork.entityManager();
        BillRunRow row = em.find(BillRunRow.class, id.value());
        if (row == null) {
            return Optional.empty();
        }
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(toDomain(row, errors(List.of(row.id)).getOrDefault(row.id, List.of())));
    }

    @Override
    public void update(BillRun run) {
        EntityManager em = unitOfWork.entityManager();
        BillRunRow row = em.find(BillRunRow.class, run.id().value());
        write(row, run);
        if (run.status().finished()) {
            row.holder = null;
            row.leaseUntil = null;
        }
        long stored = em.createQuery("SELECT COUNT(e) FROM BillRunErrorRow e WHERE e.runId = :run", Long.class)
                .setParameter("run", row.id).getSingleResult();
        if (stored != run.errors().size()) {
            em.createQuery("DELETE FROM BillRunErrorRow e WHERE e.runId = :run").setParameter("run", row.id)
                    .executeUpdate();
            writeErrors(run);
        }
    }

    @Override
    public List<BillRun> list(Optional<Position> after, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<BillRunRow> rows = (after.isEmpty()
                ? em.createQuery("SELECT r FROM BillRunRow r ORDER BY r.createdAt DESC, r.id DESC", BillRunRow.class)
                : em.createQuery("SELECT r FROM BillRunRow r WHERE r.createdAt < :at"
                                + " OR (r.createdAt = :at AND r.id < :id) ORDER BY r.createdAt DESC, r.id DESC",
                        BillRunRow.class)
                        .setParameter("at", after.get().createdAt())
                        .setParameter("id", after.get().id().value()))
                .setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<BillRunError>> errors = errors(rows.stream().map(row -> row.id).toList());
        return rows.stream().map(row -> toDomain(row, errors.getOrDefault(row.id, List.of()))).toList();
    }

    @Override
    public void addLines(BillRunId run, List<Line> lines) {
        EntityManager em = unitOfWork.entityManager();
        List<BillRunLineRow> unflushed = new ArrayList<>(FLUSH_EVERY);
        for (Line line : lines) {
            BillRunLineRow row = new BillRunLineRow();
            row.runId = run.value();
            row.line = line.line();
            row.accountId = line.account().value();
            row.idempotencyKey = line.idempotencyKey();
            row.request = TransactionRequestJson.write(line.request());
            em.persist(row);
            unflushed.add(row);
            if (unflushed.size() == FLUSH_EVERY) {
                flush(em, unflushed);
            }
        }
        flush(em, unflushed);
    }

    /** Writes the rows (as JDBC batches) and lets them go: kept managed, they would only grow the unit of work. */
    private static void flush(EntityManager em, List<BillRunLineRow> rows) {
        em.flush();
        rows.forEach(em::detach);
        rows.clear();
    }

    @Override
    public void deleteLines(BillRunId run) {
        unitOfWork.entityManager().createQuery("DELETE FROM BillRunLineRow l WHERE l.runId = :run")
                .setParameter("run", run.value()).executeUpdate();
    }

    @Override
    public Optional<BillRunId> claim(UUID holder, Instant now, Duration lease) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> waiting = em.createQuery("SELECT r.id FROM BillRunRow r WHERE r.status = 'POSTING'"
                        + " AND (r.leaseUntil IS NULL OR r.leaseUntil <= :now) ORDER BY r.createdAt", UUID.class)
                .setParameter("now", now).setMaxResults(5).getResultList();
        for (UUID id : waiting) {
            // Taken only if still free once this update holds the row: another process may have taken it since.
            int taken = em.createQuery("UPDATE BillRunRow r SET r.holder = :holder, r.leaseUntil = :until"
                            + " WHERE r.id = :id AND r.status = 'POSTING'"
                            + " AND (r.leaseUntil IS NULL OR r.leaseUntil <= :now)")
                    .setParameter("holder", holder).setParameter("until", now.plus(lease))
                    .setParameter("id", id).setParameter("now", now).executeUpdate();
            if (taken == 1) {
                return Optional.of(new BillRunId(id));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean renew(BillRunId run, UUID holder, Instant now, Duration lease) {
        return unitOfWork.entityManager().createQuery("UPDATE BillRunRow r SET r.leaseUntil = :until"
                        + " WHERE r.id = :id AND r.holder = :holder AND r.status = 'POSTING'")
                .setParameter("until", now.plus(lease)).setParameter("id", run.value())
                .setParameter("holder", holder).executeUpdate() == 1;
    }

    @Override
    public void release(BillRunId run, UUID holder) {
        unitOfWork.entityManager().createQuery("UPDATE BillRunRow r SET r.holder = NULL, r.leaseUntil = NULL"
                        + " WHERE r.id = :id AND r.holder = :holder")
                .setParameter("id", run.value()).setParameter("holder", holder).executeUpdate();
    }

    @Override
    public List<AccountId> accountsPending(BillRunId run, Optional<AccountId> after, int limit) {
        EntityManager em = unitOfWork.entityManager();
        String pending = "SELECT DISTINCT l.accountId FROM BillRunLineRow l WHERE l.runId = :run AND l.outcome IS NULL";
        var query = after.isEmpty()
                ? em.createQuery(pending + " ORDER BY l.accountId", UUID.class)
                : em.createQuery(pending + " AND l.accountId > :after ORDER BY l.accountId", UUID.class)
                        .setParameter("after", after.get().value());
        return query.setParameter("run", run.value()).setMaxResults(limit).getResultList().stream()
                .map(AccountId::new).toList();
    }

    @Override
    public List<Line> pendingLines(BillRunId run, AccountId account) {
        return unitOfWork.entityManager().createQuery("SELECT l FROM BillRunLineRow l WHERE l.runId = :run"
                        + " AND l.accountId = :account AND l.outcome IS NULL ORDER BY l.line", BillRunLineRow.class)
                .setParameter("run", run.value()).setParameter("account", account.value())
                .setHint("eclipselink.read-only", true) // settled by a bulk update, not through these rows
                .getResultList().stream()
                .map(row -> new Line(row.line, account, row.idempotencyKey, TransactionRequestJson.read(row.request)))
                .toList();
    }

    @Override
    public void settle(BillRunId run, List<Long> lines, Outcome outcome) {
        if (lines.isEmpty()) {
            return;
        }
        if (unitOfWork.readsInListsOnAnIndexsFirstColumnOnly()) { // H2: each chunk's settle read the whole run
            settleByKey(run, lines, outcome);
            return;
        }
        EntityManager em = unitOfWork.entityManager();
        for (List<Long> batch : InLists.of(lines, SETTLE_BATCH)) {
            int settled = em.createQuery("UPDATE BillRunLineRow l SET l.outcome = :outcome"
                            + " WHERE l.runId = :run AND l.line IN :lines AND l.outcome IS NULL")
                    .setParameter("outcome", outcome.name()).setParameter("run", run.value())
                    .setParameter("lines", batch).executeUpdate();
            if (settled != batch.size()) {
                // Never expected: lines are read pending under their account's lock. Throwing rolls the unit back.
                throw new IllegalStateException("bill run " + run + ": " + (batch.size() - settled)
                        + " of the lines to settle were not pending");
            }
        }
    }

    /**
     * One UPDATE a line by its primary key, in one JDBC batch on the unit's connection: H2 read the statement above
     * through the primary key's first column, every line of the run for each chunk settled (a third of a bill run's
     * time). PostgreSQL reads it by the whole key, several times faster than a statement a line (6 ms against some 40
     * for a chunk's 320 lines).
     */
    private void settleByKey(BillRunId run, List<Long> lines, Outcome outcome) {
        try (PreparedStatement settle = unitOfWork.connection().prepareStatement("UPDATE bill_run_line SET outcome = ?"
                + " WHERE run_id = ? AND line = ? AND outcome IS NULL")) {
            for (long line : lines) {
                settle.setString(1, outcome.name());
                settle.setObject(2, run.value());
                settle.setLong(3, line);
                settle.addBatch();
            }
            int[] settled = settle.executeBatch();
            for (int i = 0; i < settled.length; i++) {
                if (settled[i] != 1 && settled[i] != Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("bill run " + run + ": line " + lines.get(i) + " was not pending");
                }
            }
        } catch (SQLException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }

    private static void write(BillRunRow row, BillRun run) {
        row.status = run.status().name();
        row.lineCount = run.lines();
        row.posted = run.posted();
        row.replayed = run.replayed();
        row.failed = run.failed();
        row.finishedAt = run.finishedAt().orElse(null);
    }

    private void writeErrors(BillRun run) {
        EntityManager em = unitOfWork.entityManager();
        int seq = 0;
        for (BillRunError error : run.errors()) {
            BillRunErrorRow row = new BillRunErrorRow();
            row.runId = run.id().value();
            row.seq = seq++;
            row.line = error.line();
            row.field = cut(error.field(), MAX_FIELD);
            row.message = cut(error.message(), MAX_MESSAGE);
            em.persist(row);
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private Map<UUID, List<BillRunError>> errors(List<UUID> runs) {
        Map<UUID, List<BillRunError>> errors = new HashMap<>();
        unitOfWork.entityManager().createQuery("SELECT e FROM BillRunErrorRow e WHERE e.runId IN :runs"
                        + " ORDER BY e.runId, e.seq", BillRunErrorRow.class)
                .setParameter("runs", runs).getResultList()
                .forEach(row -> errors.computeIfAbsent(row.runId, ignored -> new ArrayList<>())
                        .add(new BillRunError(row.line, row.field, row.message)));
        return errors;
    }

    private static BillRun toDomain(BillRunRow row, List<BillRunError> errors) {
        return BillRun.reconstitute(new BillRunId(row.id), new ActorRef(ActorKind.valueOf(row.createdByType),
                        Optional.ofNullable(row.createdById), row.createdBy), row.createdAt,
                BillRun.Status.valueOf(row.status), row.lineCount, row.posted, row.replayed, row.failed, errors,
                Optional.ofNullable(row.finishedAt));
    }
}
