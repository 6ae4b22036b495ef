package dev.billingportal.bootstrap;

import dev.billingportal.application.port.in.webhook.QueueDueWebhooksUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each worker process's webhook scheduler: every interval, queues the webhook messages that are due (a retry's step
 * passed, a deferral's second, a lease that ran out), batch after batch while batches come full. Schedulers of several
 * processes may run at once; each message is queued by one of them ({@code WebhookMessages.queueDue}).
 */
final class WebhookScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookScheduler.class.getName());
    /** Batches per round: a backlog is worked off over a few rounds, not in one burst. */
    private static final int MAX_BATCHES = 10;

    private final QueueDueWebhooksUseCase queueDue;
    private final Duration interval;
    private final int batchSize;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("webhook-scheduler").daemon(true).unstarted(task));

    WebhookScheduler(QueueDueWebhooksUseCase queueDue, Duration interval, int batchSize) {
        this.queueDue = queueDue;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void round() {
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                if (queueDue.queueDue() < batchSize) {
                    return;
                }
            }
        } catch (RuntimeException failure) {
            // The database is away: the next round tries again; nothing is lost meanwhile, only later.
            LOG.log(Level.WARNING, "Queueing due webhook messages failed; trying again next round: "
                    + failure.getMessage());
            LOG.log(Level.FINE, "Queueing due webhook messages failed", failure);
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
