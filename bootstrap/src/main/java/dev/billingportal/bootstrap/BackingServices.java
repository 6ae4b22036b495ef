package dev.billingportal.bootstrap;

import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.persistence.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The database (migrated, JPA ready) and the broker: the two slow parts of a start, each opened on a thread of
 * its own, since neither needs the other. {@link BillingPortalMain} begins them before the CDI container boots,
 * so that they open while Weld discovers the beans (docs/performance.md, goal 5); {@link Portal} takes what was
 * begun for its settings, or begins them itself (a container started without the main, as in the tests). The api
 * role publishes nothing (workers relay the outbox), so it starts no broker.
 */
final class BackingServices {
    private static final Logger LOG = Logger.getLogger(BackingServices.class.getName());
    private static final AtomicReference<BackingServices> BEGUN_EARLY = new AtomicReference<>();

    private final PortalSettings settings;
    private final CompletableFuture<Database> database;
    private final CompletableFuture<Messaging> broker;

    private BackingServices(PortalSettings settings) {
        this.settings = settings;
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        this.database = CompletableFuture.supplyAsync(
                () -> timed("Database opened", () -> Database.open(settings.database())),
                task -> Thread.ofPlatform().name("database-open").start(task));
        this.broker = settings.role().runsWorkers()
                ? CompletableFuture.supplyAsync(
                        () -> timed("Broker started", () -> Messaging.start(settings.messaging())),
                        task -> Thread.ofPlatform().name("broker-start").start(task))
                : CompletableFuture.completedFuture(null);
    }

    /** Called by the main before the container starts: what the container's portal will need, begun now. */
    static BackingServices beginEarly(PortalSettings settings) {
        BackingServices begun = new BackingServices(settings);
        BackingServices before = BEGUN_EARLY.getAndSet(begun);
        if (before != null) {
            before.closeQuietly();
        }
        return begun;
    }

    /**
     * What was begun early for exactly these settings, else begun now. Begun early for other settings (a
     * configuration the container reads differently) is closed rather than used: the portal opens what it
     * was configured with.
     */
    static BackingServices begin(PortalSettings settings) {
        BackingServices early = BEGUN_EARLY.getAndSet(null);
        if (early != null && early.settings.equals(settings)) {
            return early;
        }
        if (early != null) {
            LOG.warning("The database and broker begun before the container were for other settings; opening again");
            early.closeQuietly();
        }
        return new BackingServices(settings);
    }

    /** The open database; throws what opening it threw. */
    Database database() {
        return await(database);
    }

    /** The started broker, or null in the api role; throws what starting it threw. */
    Messaging broker() {
        return await(broker);
    }

    /** Waits for both and closes whichever opened: a start that failed, or was not used, leaves nothing running. */
    void closeQuietly() {
        Messaging started = broker.handle((opened, failure) -> opened).join();
        Database opened = database.handle((open, failure) -> open).join();
        try {
            if (started != null) {
                started.close();
            }
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private static <T> T timed(String what, Supplier<T> step) {
        long started = System.nanoTime();
        T result = step.get();
        LOG.info(what + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return result;
    }

    private static <T> T await(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.getCause() instanceof Error error) {
                throw error;
            }
            throw failure;
        }
    }
}
