package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.user.PortalUserId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Invitation and reset tokens in one table: a portal user's ({@link #ofPortalUsers}) or an operator's
 * ({@link #ofOperators}); each store reads and writes its own owners' column only.
 *
 * @param <O> the owner's id type
 */
public final class JpaOneTimeTokens<O> implements OneTimeTokens<O> {
    private final JpaUnitOfWork unitOfWork;
    /** The row's attribute that holds the owner: {@code userId} or {@code operatorId}. */
    private final String owner;
    private final Function<O, UUID> toUuid;
    private final Function<UUID, O> fromUuid;

    private JpaOneTimeTokens(JpaUnitOfWork unitOfWork, String owner, Function<O, UUID> toUuid,
                             Function<UUID, O> fromUuid) {
        this.unitOfWork = unitOfWork;
        this.owner = owner;
        this.toUuid = toUuid;
        this.fromUuid = fromUuid;
    }

    public static JpaOneTimeTokens<PortalUserId> ofPortalUsers(JpaUnitOfWork unitOfWork) {
        return new JpaOneTimeTokens<>(unitOfWork, "userId", PortalUserId::value, PortalUserId::new);
    }

    public static JpaOneTimeTokens<OperatorId> ofOperators(JpaUnitOfWork unitOfWork) {
        return new JpaOneTimeTokens<>(unitOfWork, "operatorId", OperatorId::value, OperatorId::new);
    }

    @Override
    public void replace(O ownerId, TokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now) {
        revoke(ownerId, purpose);
        OneTimeTokenRow row = new OneTimeTokenRow();
        row.tokenHash = tokenHash;
        if (owner.equals("userId")) {
            row.userId = toUuid.apply(ownerId);
        } else {
            row.operatorId = toUuid.apply(ownerId);
        }
        row.purpose = purpose.name();
        row.createdAt = now;
        row.expiresAt = expiresAt;
        unitOfWork.entityManager().persist(row);
    }

    @Override
    public Optional<O> peek(String tokenHash, TokenPurpose purpose, Instant now) {
        return unitOfWork.entityManager()
                .createQuery("SELECT t." + owner + " FROM OneTimeTokenRow t WHERE t.tokenHash = :hash"
                        + " AND t." + owner + " IS NOT NULL AND t.purpose = :purpose AND t.usedAt IS NULL"
                        + " AND t.expiresAt > :now", UUID.class)
                .setParameter("hash", tokenHash)
                .setParameter("purpose", purpose.name())
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .map(fromUuid);
    }

    @Override
    public Optional<O> consume(String tokenHash, TokenPurpose purpose, Instant now) {
        // A conditional UPDATE is atomic: of two concurrent uses, only one changes a row.
        int used = unitOfWork.entityManager()
                .createQuery("UPDATE OneTimeTokenRow t SET t.usedAt = :now WHERE t.tokenHash = :hash"
                        + " AND t." + owner + " IS NOT NULL AND t.purpose = :purpose AND t.usedAt IS NULL"
                        + " AND t.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("hash", tokenHash)
                .setParameter("purpose", purpose.name())
                .executeUpdate();
        if (used == 0) {
            return Optional.empty();
        }
        OneTimeTokenRow row = unitOfWork.entityManager().find(OneTimeTokenRow.class, tokenHash);
        return Optional.of(fromUuid.apply(owner.equals("userId") ? row.userId : row.operatorId));
    }

    @Override
    public void revoke(O ownerId, TokenPurpose purpose) {
        EntityManager em = unitOfWork.entityManager();
        em.createQuery("DELETE FROM OneTimeTokenRow t WHERE t." + owner + " = :owner AND t.purpose = :purpose")
                .setParameter("owner", toUuid.apply(ownerId))
                .setParameter("purpose", purpose.name())
                .executeUpdate();
    }
}
