package dev.billingportal.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary. Services run each use case in one unit: everything written inside it —
 * the change, its audit entry, its outbox entries — commits together or not at all.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a transaction, joining the current one if this thread already has one. */
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Writes what the current unit holds so far and lets go of the copies it keeps to compare at commit — still one
     * transaction, locks kept. A long unit (a bill run's chunk posts hundreds of lines) calls it between lines so
     * each line costs the same as the first. Nothing to do where there are no such copies.
     */
    default void checkpoint() {
    }

    /**
     * From here to its end, the current unit writes only at {@link #checkpoint()} and at commit, so that the rows of
     * many changes go out together, in batches. Its queries no longer see what it wrote since the last checkpoint: the
     * caller keeps track of that itself. Nothing to do where writes are not held back.
     */
    default void deferWrites() {
    }

    /** Runs {@code action} once the current transaction has committed; never if it rolls back. */
    void afterCommit(Runnable action);
}
