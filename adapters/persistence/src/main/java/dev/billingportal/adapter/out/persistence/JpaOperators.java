package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Operators;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.operator.TotpSecret;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Operators, their authenticator secrets sealed with the installation's secrets key ({@link SecretSeal}). */
public final class JpaOperators implements Operators {
    private final JpaUnitOfWork unitOfWork;
    private final SecretSeal seal;

    public JpaOperators(JpaUnitOfWork unitOfWork, SecretSeal seal) {
        this.unitOfWork = unitOfWork;
        this.seal = seal;
    }

    @Override
    public Operator add(Operator operator) {
        OperatorRow row = new OperatorRow();
        row.id = operator.id().value();
        row.email = operator.email().value();
        row.emailKey = Operator.emailKey(operator.email());
        row.createdAt = operator.createdAt();
        copy(operator, row);
        EntityManager em = unitOfWork.entityManager();
        try {
            em.persist(row);
            em.flush(); // the unique address constraint answers here, not at commit
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
        return toDomain(row);
    }

    @Override
    public Operator update(Operator operator) {
        EntityManager em = unitOfWork.entityManager();
        OperatorRow row = em.find(OperatorRow.class, operator.id().value());
        if (row == null || row.version != operator.version()) {
            throw new VersionMismatch();
        }
        copy(operator, row);
        try {
            em.flush(); // UPDATE ... WHERE version = ?: a concurrent change fails here
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
        return toDomain(row);
    }

    @Override
    public Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(OperatorRow.class, id.value())).map(this::toDomain);
    }

    @Override
    public Optional<Operator> findByEmail(EmailAddress email) {
        return unitOfWork.entityManager()
                .createQuery("SELECT o FROM OperatorRow o WHERE o.emailKey = :key", OperatorRow.class)
                .setParameter("key", Operator.emailKey(email))
                .getResultStream()
                .findFirst()
                .map(this::toDomain);
    }

    @Override
    public List<Operator> all() {
        return unitOfWork.entityManager()
                .createQuery("SELECT o FROM OperatorRow o ORDER BY o.emailKey", OperatorRow.class)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public long lockRosterAndCountActiveAdmins() {
        EntityManager em = unitOfWork.entityManager();
        em.find(OperatorRosterLockRow.class, 1, LockModeType.PESSIMISTIC_WRITE);
        return em.createQuery("SELECT COUNT(o) FROM OperatorRow o WHERE o.role = 'ADMIN' AND o.status = 'ACTIVE'",
                Long.class).getSingleResult();
    }

    @Override
    public List<Operator> activeAdmins() {
        return unitOfWork.entityManager()
                .createQuery("SELECT o FROM OperatorRow o WHERE o.role = 'ADMIN' AND o.status = 'ACTIVE'"
                        + " ORDER BY o.emailKey", OperatorRow.class)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    private void copy(Operator operator, OperatorRow row) {
        String boundTo = operator.id().toString();
        row.name = operator.name().value();
        row.role = operator.role().name();
        row.status = operator.status().name();
        row.language = operator.language().tag();
        row.timeZone = operator.timeZone().getId();
        row.passwordHash = operator.passwordHash();
        row.totpSecret = sealed(row.totpSecret, operator.totpSecret(), boundTo);
        row.pendingTotpSecret = sealed(row.pendingTotpSecret, operator.pendingTotpSecret(), boundTo);
        row.totpLastStep = operator.lastTotpStep();
        row.lastSignInAt = operator.lastSignInAt().orElse(null);
        row.updatedAt = operator.updatedAt();
    }

    /** The column's value for {@code secret}: the stored one when it already seals that secret (no needless write). */
    private String sealed(String stored, Optional<TotpSecret> secret, String boundTo) {
        if (secret.isEmpty()) {
            return null;
        }
        if (stored != null && secret.get().equals(TotpSecret.of(seal.open(stored, boundTo)))) {
            return stored;
        }
        return seal.seal(secret.get().bytes(), boundTo);
    }

    private Operator toDomain(OperatorRow row) {
        String boundTo = row.id.toString();
        return Operator.reconstitute(new OperatorId(row.id), new EmailAddress(row.email), new PersonName(row.name),
                OperatorRole.valueOf(row.role), OperatorStatus.valueOf(row.status), Language.parse(row.language),
                ZoneId.of(row.timeZone), row.passwordHash,
                row.totpSecret == null ? null : TotpSecret.of(seal.open(row.totpSecret, boundTo)), row.totpLastStep,
                row.pendingTotpSecret == null ? null : TotpSecret.of(seal.open(row.pendingTotpSecret, boundTo)),
                row.lastSignInAt, row.createdAt, row.updatedAt, row.version);
    }
}
