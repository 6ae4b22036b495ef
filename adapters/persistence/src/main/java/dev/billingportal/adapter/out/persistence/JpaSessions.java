package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public final class JpaSessions implements Sessions {
    private final JpaUnitOfWork unitOfWork;

    public JpaSessions(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void open(String tokenHash, PortalUserId user, SessionChannel channel, Instant now, Instant expiresAt) {
        EntityManager em = unitOfWork.entityManager();
        // Housekeeping on the way: the user's expired sessions go.
        em.createQuery("DELETE FROM SessionRow s WHERE s.userId = :user AND s.expiresAt <= :now")
                .setParameter("user", user.value())
                .setParameter("now", now)
                .executeUpdate();
        SessionRow row = new SessionRow();
        row.tokenHash = tokenHash;
        row.userId = user.value();
        row.channel = channel.name();
        row.createdAt = now;
        row.lastUsedAt = now;
        row.expiresAt = expiresAt;
        em.persist(row);
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return unitOfWork.entityManager()
                .createQuery("SELECT u.id, u.accountId, u.username, s.channel, s.lastUsedAt, s.expiresAt"
                        + " FROM SessionRow s, PortalUserRow u"
                        + " WHERE s.tokenHash = :hash AND u.id = s.userId AND u.status = 'ACTIVE'", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .map(row -> new StoredSession(new SessionOwner(new PortalUserId((UUID) row[0]),
                        new AccountId((UUID) row[1]), (String) row[2]), SessionChannel.valueOf((String) row[3]),
                        (Instant) row[4], (Instant) row[5]));
    }

    @Override
    public void touch(String tokenHash, Instant usedAt) {
        unitOfWork.entityManager()
                .createQuery("UPDATE SessionRow s SET s.lastUsedAt = :now WHERE s.tokenHash = :hash")
                .setParameter("now", usedAt)
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    @Override
    public void close(String tokenHash) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM SessionRow s WHERE s.tokenHash = :hash")
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    @Override
    public void closeAll(PortalUserId user) {
        unitOfWork.entityManager()
                .createQuery("DELETE FROM SessionRow s WHERE s.userId = :user")
                .setParameter("user", user.value())
                .executeUpdate();
    }
}
