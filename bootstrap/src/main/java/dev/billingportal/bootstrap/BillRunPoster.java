package dev.billingportal.bootstrap;

import dev.billingportal.application.port.in.billrun.PostBillRunsUseCase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each process's bill-run poster (spec §14: a run resumes in any {@code api} or {@code worker} process): at start, on
 * every interval and whenever a file has been checked, it posts the runs waiting — its own, or one whose process died
 * once that process's lease ran out. Rounds run on one thread, so a process posts one run at a time; a run's chunks go
 * side by side on the chunk pool.
 */
final class BillRunPoster implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BillRunPoster.class.getName());
    /** Runs posted per round before the timer's next turn. */
    private static final int MAX_RUNS_PER_ROUND = 10;

    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("bill-run-poster").daemon(true).unstarted(task));
    private final ExecutorService chunks;
    private volatile PostBillRunsUseCase posting;

    BillRunPoster(int workers, Duration interval) {
        this.interval = interval;
        AtomicInteger number = new AtomicInteger();
        this.chunks = Executors.newFixedThreadPool(workers, task -> Thread.ofPlatform()
                .name("bill-run-chunk-" + number.incrementAndGet()).daemon(true).unstarted(task));
    }

    /** Where a run's chunks are posted. */
    ExecutorService chunks() {
        return chunks;
    }

    void start(PostBillRunsUseCase posting) {
        this.posting = posting;
        timer.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A file was checked: post it now rather than at the next interval. */
    void wakeUp() {
        if (posting != null && !timer.isShutdown()) {
            try {
                timer.execute(this::round);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The process is stopping: the run waits for the next process to start.
            }
        }
    }

    private void round() {
        try {
            for (int run = 0; run < MAX_RUNS_PER_ROUND && posting.postNext(); run++) {
                LOG.fine("A bill run was posted");
            }
        } catch (RuntimeException failure) {
            // The database is away, or the lease was lost: the run stays POSTING and is taken up again.
            LOG.log(Level.WARNING, "Posting a bill run stopped; it is taken up again later: " + failure.getMessage());
            LOG.log(Level.FINE, "Posting a bill run stopped", failure);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        chunks.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            chunks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
