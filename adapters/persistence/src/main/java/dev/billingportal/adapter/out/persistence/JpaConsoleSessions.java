package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public final class JpaConsoleSessions implements ConsoleSessions {
    private final JpaUnitOfWork unitOfWork;

    public JpaConsoleSessions(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void open(String tokenHash, OperatorId operator, ConsoleStage stage, Instant now, Instant expiresAt,
                     Optional<Instant> secondFactorAt) {
        EntityManager em = unitOfWork.entityManager();
        // Housekeeping on the way: the operator's ended sessions go.
        em.createQuery("DELETE FROM ConsoleSessionRow s WHERE s.operatorId = :operator AND s.expiresAt <= :now")
                .setParameter("operator", operator.value())
                .setParameter("now", now)
                .executeUpdate();
        ConsoleSessionRow row = new ConsoleSessionRow();
        row.tokenHash = tokenHash;
        row.operatorId = operator.value();
        row.stage = stage.name();
        row.createdAt = now;
        row.lastUsedAt = now;
        row.expiresAt = expiresAt;
        row.secondFactorAt = secondFactorAt.orElse(null);
        em.persist(row);
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return unitOfWork.entityManager()
                .createQuery("SELECT o.id, o.name, o.role, s.stage, s.createdAt, s.lastUsedAt, s.expiresAt,"
                        + " s.secondFactorAt, s.challenge FROM ConsoleSessionRow s, OperatorRow o"
                        + " WHERE s.tokenHash = :hash AND o.id = s.operatorId AND o.status = 'ACTIVE'", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .map(row -> new StoredSession(new Owner(new OperatorId((UUID) row[0]), (String) row[1],
                        OperatorRole.valueOf((String) row[2])), ConsoleStage.valueOf((String) row[3]), (Instant) row[4],
                        (Instant) row[5], (Instant) row[6], Optional.ofNullable((Instant) row[7]),
                        Optional.ofNullable((String) row[8])));
    }

    @Override
    public void touch(String tokenHash, Instant usedAt) {
        set(tokenHash, "s.lastUsedAt = :value", usedAt);
    }

    @Override
    public void secondFactorProved(String tokenHash, Instant at) {
        set(tokenHash, "s.secondFactorAt = :value", at);
    }

    @Override
    public void challenge(String tokenHash, Optional<String> challenge) {
        if (challenge.isPresent()) {
            set(tokenHash, "s.challenge = :value", challenge.get());
        } else {
            unitOfWork.entityManager()
                    .createQuery("UPDATE ConsoleSessionRow s SET s.challenge = NULL WHERE s.tokenHash = :hash")
                    .setParameter("hash", tokenHash)
                    .executeUpdate();
        }
    }

    private void set(String tokenHash, String assignment, Object value) {
        unitOfWork.entityManager()
                .createQuery("UPDATE ConsoleSessionRow s SET " + assignment + " WHERE s.tokenHash = :hash")
                .setParameter("value", value)
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    @Override
    public void close(String tokenHash) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM ConsoleSessionRow s WHERE s.tokenHash = :hash")
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    @Override
    public void closeAll(OperatorId operator) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM ConsoleSessionRow s WHERE s.operatorId = :operator")
                .setParameter("operator", operator.value())
                .executeUpdate();
    }

    @Override
    public void closeOthers(OperatorId operator, String keptTokenHash) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM ConsoleSessionRow s WHERE s.operatorId = :operator AND s.tokenHash <> :kept")
                .setParameter("operator", operator.value())
                .setParameter("kept", keptTokenHash)
                .executeUpdate();
    }
}
