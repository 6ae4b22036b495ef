package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.domain.access.OperatorId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

public final class JpaRecoveryCodes implements RecoveryCodes {
    private final JpaUnitOfWork unitOfWork;

    public JpaRecoveryCodes(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void replace(OperatorId operator, List<String> codeHashes, Instant now) {
        deleteAll(operator);
        EntityManager em = unitOfWork.entityManager();
        em.flush(); // the old set goes before the new one comes
        for (String hash : codeHashes) {
            RecoveryCodeRow row = new RecoveryCodeRow();
            row.codeHash = hash;
            row.operatorId = operator.value();
            row.createdAt = now;
            em.persist(row);
        }
    }

    @Override
    public boolean consume(OperatorId operator, String codeHash, Instant now) {
        // A conditional UPDATE is atomic: of two concurrent uses of one code, only one changes a row.
        return unitOfWork.entityManager()
                .createQuery("UPDATE RecoveryCodeRow c SET c.usedAt = :now WHERE c.codeHash = :hash"
                        + " AND c.operatorId = :operator AND c.usedAt IS NULL")
                .setParameter("now", now)
                .setParameter("hash", codeHash)
                .setParameter("operator", operator.value())
                .executeUpdate() == 1;
    }

    @Override
    public int remaining(OperatorId operator) {
        return unitOfWork.entityManager()
                .createQuery("SELECT COUNT(c) FROM RecoveryCodeRow c WHERE c.operatorId = :operator"
                        + " AND c.usedAt IS NULL", Long.class)
                .setParameter("operator", operator.value())
                .getSingleResult().intValue();
    }

    @Override
    public void deleteAll(OperatorId operator) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM RecoveryCodeRow c WHERE c.operatorId = :operator")
                .setParameter("operator", operator.value())
                .executeUpdate();
    }
}
