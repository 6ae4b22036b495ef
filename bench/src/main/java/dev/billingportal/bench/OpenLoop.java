package dev.billingportal.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An open-loop load: {@code count} posts leave on schedule, {@code intervalNanos} apart, each on a virtual thread of
 * its own, whatever the portal's pace — a closed loop would slow down with the portal and hide its queueing.
 */
final class OpenLoop {
    private OpenLoop() {
    }

    /** Sends them all and waits for their answers; the first failure fails the run. */
    static void run(long count, long intervalNanos, Runnable post) throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                senders.submit(() -> {
                    try {
                        post.run();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a post failed", failure.get());
        }
    }
}
