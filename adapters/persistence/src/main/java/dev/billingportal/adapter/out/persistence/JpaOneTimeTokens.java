package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.user.PortalUserId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

public final class JpaOneTimeTokens implements OneTimeTokens {
    private final JpaUnitOfWork unitOfWork;

    public JpaOneTimeTokens(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void replace(PortalUserId user, TokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now) {
        revoke(user, purpose);
        OneTimeTokenRow row = new OneTimeTokenRow();
        row.tokenHash = tokenHash;
        row.userId = user.value();
        row.purpose = purpose.name();
        row.createdAt = now;
        row.expiresAt = expiresAt;
        unitOfWork.entityManager().persist(row);
    }

    @Override
    public Optional<PortalUserId> peek(String tokenHash, TokenPurpose purpose, Instant now) {
        return unitOfWork.entityManager()
                .createQuery("SELECT t.userId FROM OneTimeTokenRow t WHERE t.tokenHash = :hash"
                        + " AND t.purpose = :purpose AND t.usedAt IS NULL AND t.expiresAt > :now", java.util.UUID.class)
                .setParameter("hash", tokenHash)
                .setParameter("purpose", purpose.name())
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .map(PortalUserId::new);
    }

    @Override
    public Optional<PortalUserId> consume(String tokenHash, TokenPurpose purpose, Instant now) {
        // A conditional UPDATE is atomic: of two concurrent uses, only one changes a row.
        int used = unitOfWork.entityManager()
                .createQuery("UPDATE OneTimeTokenRow t SET t.usedAt = :now WHERE t.tokenHash = :hash"
                        + " AND t.purpose = :purpose AND t.usedAt IS NULL AND t.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("hash", tokenHash)
                .setParameter("purpose", purpose.name())
                .executeUpdate();
        if (used == 0) {
            return Optional.empty();
        }
        OneTimeTokenRow row = unitOfWork.entityManager().find(OneTimeTokenRow.class, tokenHash);
        return Optional.of(new PortalUserId(row.userId));
    }

    @Override
    public void revoke(PortalUserId user, TokenPurpose purpose) {
        EntityManager em = unitOfWork.entityManager();
        em.createQuery("DELETE FROM OneTimeTokenRow t WHERE t.userId = :user AND t.purpose = :purpose")
                .setParameter("user", user.value())
                .setParameter("purpose", purpose.name())
                .executeUpdate();
    }
}
