package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.operator.PasskeyCredential;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

public final class JpaPasskeys implements Passkeys {
    private final JpaUnitOfWork unitOfWork;

    public JpaPasskeys(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(PasskeyCredential passkey) {
        PasskeyRow row = new PasskeyRow();
        row.credentialId = passkey.credentialId();
        row.operatorId = passkey.operatorId().value();
        row.name = passkey.name();
        row.verifierRecord = passkey.verifierRecord();
        row.signCount = passkey.signCount();
        row.createdAt = passkey.createdAt();
        row.lastUsedAt = passkey.lastUsedAt();
        EntityManager em = unitOfWork.entityManager();
        try {
            em.persist(row);
            em.flush();
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }

    @Override
    public Optional<PasskeyCredential> find(String credentialId) {
        return Optional.ofNullable(unitOfWork.entityManager().find(PasskeyRow.class, credentialId))
                .map(JpaPasskeys::toDomain);
    }

    @Override
    public List<PasskeyCredential> of(OperatorId operator) {
        return unitOfWork.entityManager()
                .createQuery("SELECT p FROM PasskeyRow p WHERE p.operatorId = :operator ORDER BY p.createdAt",
                        PasskeyRow.class)
                .setParameter("operator", operator.value())
                .getResultStream()
                .map(JpaPasskeys::toDomain)
                .toList();
    }

    @Override
    public boolean recordUse(PasskeyCredential used, long previousCount) {
        return unitOfWork.entityManager()
                .createQuery("UPDATE PasskeyRow p SET p.signCount = :count, p.lastUsedAt = :at"
                        + " WHERE p.credentialId = :id AND p.signCount = :previous")
                .setParameter("count", used.signCount())
                .setParameter("at", used.lastUsedAt())
                .setParameter("id", used.credentialId())
                .setParameter("previous", previousCount)
                .executeUpdate() == 1;
    }

    @Override
    public boolean remove(OperatorId operator, String credentialId) {
        return unitOfWork.entityManager()
                .createQuery("DELETE FROM PasskeyRow p WHERE p.credentialId = :id AND p.operatorId = :operator")
                .setParameter("id", credentialId)
                .setParameter("operator", operator.value())
                .executeUpdate() == 1;
    }

    @Override
    public void deleteAll(OperatorId operator) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM PasskeyRow p WHERE p.operatorId = :operator")
                .setParameter("operator", operator.value())
                .executeUpdate();
    }

    private static PasskeyCredential toDomain(PasskeyRow row) {
        return PasskeyCredential.reconstitute(row.credentialId, new OperatorId(row.operatorId), row.name,
                row.verifierRecord, row.signCount, row.createdAt, row.lastUsedAt);
    }
}
