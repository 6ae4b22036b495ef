package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.domain.user.Username;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

public final class JpaPortalUsers implements PortalUsers {
    private final JpaUnitOfWork unitOfWork;

    public JpaPortalUsers(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public PortalUser add(PortalUser user) {
        PortalUserRow row = new PortalUserRow();
        row.id = user.id().value();
        row.accountId = user.accountId().value();
        row.username = user.username().value();
        row.usernameKey = user.username().key();
        row.createdAt = user.createdAt();
        copy(user, row);
        EntityManager em = unitOfWork.entityManager();
        try {
            em.persist(row);
            em.flush(); // the unique username constraint answers here, not at commit
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
        return toDomain(row);
    }

    @Override
    public PortalUser update(PortalUser user) {
        EntityManager em = unitOfWork.entityManager();
        PortalUserRow row = em.find(PortalUserRow.class, user.id().value());
        if (row == null || row.version != user.version()) {
            throw new VersionMismatch();
        }
        copy(user, row);
        try {
            em.flush(); // UPDATE ... WHERE version = ?: a concurrent change fails here
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
        return toDomain(row);
    }

    @Override
    public Optional<PortalUser> find(PortalUserId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(PortalUserRow.class, id.value()))
                .map(JpaPortalUsers::toDomain);
    }

    @Override
    public Optional<PortalUser> findByUsername(Username username) {
        return unitOfWork.entityManager()
                .createQuery("SELECT u FROM PortalUserRow u WHERE u.usernameKey = :key", PortalUserRow.class)
                .setParameter("key", username.key())
                .getResultStream()
                .findFirst()
                .map(JpaPortalUsers::toDomain);
    }

    @Override
    public List<PortalUser> listByAccount(AccountId accountId, boolean includeDeleted) {
        String jpql = "SELECT u FROM PortalUserRow u WHERE u.accountId = :account"
                + (includeDeleted ? "" : " AND u.status <> 'DELETED'")
                + " ORDER BY u.createdAt, u.id";
        return unitOfWork.entityManager()
                .createQuery(jpql, PortalUserRow.class)
                .setParameter("account", accountId.value())
                .getResultList()
                .stream()
                .map(JpaPortalUsers::toDomain)
                .toList();
    }

    private static void copy(PortalUser user, PortalUserRow row) {
        row.email = user.email().value();
        row.emailKey = user.email().value().toLowerCase(java.util.Locale.ROOT);
        row.firstName = user.firstName().value();
        row.lastName = user.lastName().value();
        row.timeZone = user.timeZone().getId();
        row.billingNotifications = user.billingNotifications();
        row.language = user.language().tag();
        row.status = user.status().name();
        row.passwordHash = user.passwordHash();
        row.updatedAt = user.updatedAt();
        row.deletedAt = user.deletedAt();
    }

    static PortalUser toDomain(PortalUserRow row) {
        return PortalUser.reconstitute(new PortalUserId(row.id), new AccountId(row.accountId),
                Username.of(row.username), new EmailAddress(row.email), new PersonName(row.firstName),
                new PersonName(row.lastName), ZoneId.of(row.timeZone), row.billingNotifications,
                Language.parse(row.language), UserStatus.valueOf(row.status), row.passwordHash, row.createdAt,
                row.updatedAt, row.deletedAt, row.version);
    }
}
