package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link EntityManager} and one {@link EntityTransaction} per unit of work, bound to the thread.
 * Repositories find the current entity manager here. Database errors leave as domain failures
 * (see {@link PersistenceFailures}); nothing from {@code jakarta.persistence} escapes the adapter.
 */
public final class JpaUnitOfWork implements UnitOfWork {
    private static final Logger LOG = Logger.getLogger(JpaUnitOfWork.class.getName());

    private final EntityManagerFactory factory;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private volatile Boolean inListsOnFirstColumnOnly;

    public JpaUnitOfWork(EntityManagerFactory factory) {
        this.factory = factory;
    }

    private static final class Unit {
        final EntityManager entityManager;
        final List<Runnable> afterCommit = new ArrayList<>();

        Unit(EntityManager entityManager) {
            this.entityManager = entityManager;
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager entityManager = factory.createEntityManager();
        Unit unit = new Unit(entityManager);
        current.set(unit);
        T result;
        try {
            EntityTransaction transaction = entityManager.getTransaction();
            transaction.begin();
            try {
                result = work.get();
                transaction.commit();
            } catch (RuntimeException failure) {
                rollbackQuietly(transaction, failure);
                throw PersistenceFailures.translate(failure);
            }
        } finally {
            current.remove();
            entityManager.close();
        }
        for (Runnable action : unit.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "An after-commit action failed; the commit stands", failure);
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("afterCommit needs a unit of work");
        }
        unit.afterCommit.add(action);
    }

    @Override
    public void checkpoint() {
        EntityManager entityManager = entityManager();
        try {
            entityManager.flush();
        } catch (RuntimeException failure) {
            throw PersistenceFailures.translate(failure);
        }
        entityManager.clear();
    }

    @Override
    public void deferWrites() {
        entityManager().setFlushMode(FlushModeType.COMMIT);
    }

    /**
     * The connection the current unit holds (one for all its queries: the exclusive connection mode), for the few
     * statements JPQL cannot write well; they see what the unit flushed and commit or roll back with it.
     */
    Connection connection() {
        Connection connection = entityManager().unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("The unit of work holds no connection");
        }
        return connection;
    }

    /**
     * Whether the database uses an {@code IN} list on an index only for the index's first column (H2; PostgreSQL uses
     * it on any): {@code a = ? AND b IN (...)} then reads every row with that {@code a}. The repositories whose lists
     * name the second column (a bill run's lines, an account's keys) write those reads another way there.
     */
    boolean readsInListsOnAnIndexsFirstColumnOnly() {
        Boolean known = inListsOnFirstColumnOnly;
        if (known == null) {
            try {
                known = "H2".equals(connection().getMetaData().getDatabaseProductName());
            } catch (SQLException failure) {
                throw PersistenceFailures.translate(failure);
            }
            inListsOnFirstColumnOnly = known;
        }
        return known;
    }

    /** The current unit's entity manager; repositories call this. */
    EntityManager entityManager() {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("Repositories must be called inside UnitOfWork.inTransaction");
        }
        return unit.entityManager;
    }

    private static void rollbackQuietly(EntityTransaction transaction, RuntimeException cause) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
