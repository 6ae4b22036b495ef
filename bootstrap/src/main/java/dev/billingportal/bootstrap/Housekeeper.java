package dev.billingportal.bootstrap;

import dev.billingportal.application.port.in.notification.ApplyRetentionUseCase;
import dev.billingportal.application.port.in.notification.SweepStalledDeliveriesUseCase;
import dev.billingportal.application.port.in.notification.TidyDeadLettersUseCase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the notification pipeline's chores in the processes that relay the outbox, one round every
 * {@code portal.housekeeping.interval}: sweep stalled deliveries, tidy the dead-letter queue, apply retention. A chore
 * that fails is logged and tried next round; the others still run. Several processes may run rounds at the same time:
 * each chore is safe for that (row locks, deletes by id).
 */
final class Housekeeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Housekeeper.class.getName());
    /** Batches of one chore per round: a backlog is worked off over a few rounds, not in one long burst. */
    private static final int MAX_BATCHES = 25;

    private final SweepStalledDeliveriesUseCase sweep;
    private final Optional<TidyDeadLettersUseCase> tidy;
    private final ApplyRetentionUseCase retention;
    private final Duration interval;
    private final int batchSize;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("housekeeping").daemon(true).unstarted(task));

    Housekeeper(SweepStalledDeliveriesUseCase sweep, Optional<TidyDeadLettersUseCase> tidy,
                ApplyRetentionUseCase retention, Duration interval, int batchSize) {
        this.sweep = sweep;
        this.tidy = tidy;
        this.retention = retention;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round of every chore. */
    void round() {
        chore("Sweeping stalled deliveries", () -> {
            int swept = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int count = sweep.sweepBatch();
                swept += count;
                if (count < batchSize) {
                    break;
                }
            }
            return swept;
        });
        tidy.ifPresent(deadLetters -> chore("Tidying the dead-letter queue", deadLetters::tidy));
        chore("Applying retention", retention::purge);
    }

    private static void chore(String what, IntSupplier chore) {
        try {
            int count = chore.getAsInt();
            if (count > 0) {
                LOG.info(what + ": " + count);
            }
        } catch (RuntimeException failure) {
            // The database or the broker is away: the next round tries again, and nothing waits on this one.
            LOG.log(Level.WARNING, what + " failed; trying again next round: " + failure.getMessage());
            LOG.log(Level.FINE, what + " failed", failure);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
