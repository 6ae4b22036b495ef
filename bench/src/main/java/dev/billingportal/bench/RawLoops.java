package dev.billingportal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the raw loops share: {@code threads} platform threads, each on connections of its own, taking message numbers
 * until at least {@code count} were sent and {@code minimum} has passed — a few thousand messages take well under a
 * second here, too short to measure on a shared machine.
 */
final class RawLoops {
    private RawLoops() {
    }

    /** How many messages were sent, in how long. */
    record Result(long sent, Duration took) {
        double perSecond() {
            return sent / (took.toNanos() / 1e9);
        }
    }

    /** One thread's sending, on connections it opened and closes. */
    interface Sender extends AutoCloseable {
        void send(long n) throws Exception;
    }

    /** Opens one thread's {@link Sender}. */
    interface Senders {
        Sender open() throws Exception;
    }

    /** Runs the loops; their threads are named {@code name-0}, {@code name-1}… */
    static Result run(String name, int threads, long count, Duration minimum, Senders senders)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        List<Thread> loops = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long started = System.nanoTime();
        long earliestEnd = started + minimum.toNanos();
        for (int t = 0; t < threads; t++) {
            loops.add(Thread.ofPlatform().name(name + "-" + t).start(() -> {
                try (Sender sender = senders.open()) {
                    long n;
                    while ((n = next.getAndIncrement()) < count || System.nanoTime() < earliestEnd) {
                        sender.send(n);
                    }
                } catch (Exception failure) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            }));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + " loop failed", failures.get(0));
        }
        // Each loop stopped after taking a number it did not send.
        return new Result(next.get() - threads, Duration.ofNanos(System.nanoTime() - started));
    }
}
