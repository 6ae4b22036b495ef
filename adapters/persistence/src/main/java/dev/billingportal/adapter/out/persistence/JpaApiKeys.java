package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.ApiKeys;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.operator.ApiKey;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JpaApiKeys implements ApiKeys {
    private final JpaUnitOfWork unitOfWork;

    public JpaApiKeys(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(ApiKey key, String secretHash, Instant now) {
        EntityManager em = unitOfWork.entityManager();
        ApiKeyRow row = new ApiKeyRow();
        row.id = key.id().value();
        row.name = key.name();
        row.role = key.role().name();
        row.createdAt = key.createdAt();
        row.createdByKind = key.createdBy().kind().name();
        row.createdById = key.createdBy().id().orElse(null);
        row.createdByName = key.createdBy().name();
        row.expiresAt = key.expiresAt().orElse(null);
        copy(key, row);
        em.persist(row);
        em.flush(); // the key before its secret: no mapped relationship orders the inserts
        em.persist(secret(key.id(), secretHash, now));
    }

    private static ApiKeySecretRow secret(ApiKeyId key, String secretHash, Instant now) {
        ApiKeySecretRow row = new ApiKeySecretRow();
        row.secretHash = secretHash;
        row.keyId = key.value();
        row.createdAt = now;
        return row;
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(ApiKeyRow.class, id.value()))
                .map(JpaApiKeys::toDomain);
    }

    @Override
    public List<ApiKey> all() {
        return unitOfWork.entityManager()
                .createQuery("SELECT k FROM ApiKeyRow k ORDER BY k.createdAt DESC, k.id", ApiKeyRow.class)
                .getResultStream()
                .map(JpaApiKeys::toDomain)
                .toList();
    }

    @Override
    public Optional<ApiKey> findBySecret(String secretHash, Instant now) {
        return unitOfWork.entityManager()
                .createQuery("SELECT k FROM ApiKeySecretRow s, ApiKeyRow k WHERE s.secretHash = :hash"
                        + " AND k.id = s.keyId AND (s.validUntil IS NULL OR s.validUntil > :now)", ApiKeyRow.class)
                .setParameter("hash", secretHash)
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .map(JpaApiKeys::toDomain);
    }

    @Override
    public void update(ApiKey key) {
        ApiKeyRow row = unitOfWork.entityManager().find(ApiKeyRow.class, key.id().value());
        if (row == null) {
            throw new IllegalStateException("No API key " + key.id());
        }
        copy(key, row);
    }

    @Override
    public void rotate(ApiKeyId key, String newSecretHash, Instant now, Instant oldSecretsUntil) {
        EntityManager em = unitOfWork.entityManager();
        em.createQuery("UPDATE ApiKeySecretRow s SET s.validUntil = :until WHERE s.keyId = :key"
                        + " AND (s.validUntil IS NULL OR s.validUntil > :until)")
                .setParameter("until", oldSecretsUntil)
                .setParameter("key", key.value())
                .executeUpdate();
        em.persist(secret(key, newSecretHash, now));
    }

    @Override
    public void touch(ApiKeyId key, Instant usedAt) {
        unitOfWork.entityManager()
                .createQuery("UPDATE ApiKeyRow k SET k.lastUsedAt = :at WHERE k.id = :key")
                .setParameter("at", usedAt)
                .setParameter("key", key.value())
                .executeUpdate();
    }

    private static void copy(ApiKey key, ApiKeyRow row) {
        row.prefix = key.prefix();
        row.revokedAt = key.revokedAt().orElse(null);
    }

    private static ApiKey toDomain(ApiKeyRow row) {
        return ApiKey.reconstitute(new ApiKeyId(row.id), row.name, OperatorRole.valueOf(row.role), row.prefix,
                row.createdAt, new ActorRef(ActorKind.valueOf(row.createdByKind), Optional.ofNullable(row.createdById),
                        row.createdByName), row.expiresAt, row.revokedAt, row.lastUsedAt);
    }
}
