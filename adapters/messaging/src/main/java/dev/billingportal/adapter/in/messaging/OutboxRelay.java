package dev.billingportal.adapter.in.messaging;

import dev.billingportal.application.port.in.notification.RelayOutboxUseCase;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the outbox relay: publishes committed outbox entries as soon as a commit signals them
 * ({@link #wakeUp()}), and polls as well, which covers entries written by other processes and those left
 * behind by a crash. When the broker or the database is down it backs off and keeps trying — the
 * entries wait safely in the database meanwhile.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final RelayOutboxUseCase relay;
    private final Duration pollInterval;
    private final int batchSize;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private volatile long lastSuccessNanos = System.nanoTime();
    private Thread thread;

    public OutboxRelay(RelayOutboxUseCase relay, Duration pollInterval, int batchSize) {
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::run);
    }

    /** Called after a commit that wrote outbox entries: relay now rather than at the next poll. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** How long since the relay last completed a round without error; readiness reports a stuck relay. */
    public Duration sinceLastSuccess() {
        return Duration.ofNanos(System.nanoTime() - lastSuccessNanos);
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        long backoff = 0;
        boolean failing = false;
        while (running) {
            try {
                int published = relay.relayBatch();
                lastSuccessNanos = System.nanoTime();
                if (failing) {
                    LOG.info("Outbox relay recovered");
                    failing = false;
                }
                backoff = 0;
                if (published >= batchSize) {
                    continue; // more may be waiting
                }
                await(pollInterval.toMillis(), true);
            } catch (RuntimeException failure) {
                if (!failing) {
                    LOG.log(Level.WARNING, "Outbox relay cannot publish now; entries stay in the outbox and are "
                            + "retried: " + failure.getMessage());
                    failing = true;
                } else {
                    LOG.log(Level.FINE, "Outbox relay still failing", failure);
                }
                backoff = backoff == 0 ? 250 : Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                await(backoff, false); // a wake-up does not cut a backoff short
            }
        }
    }

    private void await(long millis, boolean wakeable) {
        synchronized (signal) {
            if (!(wakeable && woken) && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
