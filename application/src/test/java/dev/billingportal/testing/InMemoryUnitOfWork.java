package dev.billingportal.testing;

import dev.billingportal.application.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs work directly and its after-commit actions only if it succeeds. It does not undo the fakes'
 * writes on failure: tests of rollback run against the real database (persistence adapter, bootstrap).
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> atEnd = new ThreadLocal<>();
    private int commits;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (afterCommit.get() != null) {
            return work.get();
        }
        afterCommit.set(new ArrayList<>());
        atEnd.set(new ArrayList<>());
        List<Runnable> actions;
        T result;
        try {
            result = work.get();
            actions = afterCommit.get();
        } finally {
            afterCommit.remove();
            List<Runnable> releases = atEnd.get();
            atEnd.remove();
            releases.forEach(Runnable::run);
        }
        commits++;
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            throw new IllegalStateException("afterCommit needs a unit of work");
        }
        actions.add(action);
    }

    /** Runs {@code action} when the current unit of work ends, however it ends: a lock held until then is released. */
    public void atEnd(Runnable action) {
        List<Runnable> actions = atEnd.get();
        if (actions == null) {
            throw new IllegalStateException("atEnd needs a unit of work");
        }
        actions.add(action);
    }

    public int commits() {
        return commits;
    }
}
