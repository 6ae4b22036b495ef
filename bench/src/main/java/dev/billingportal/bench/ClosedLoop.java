package dev.billingportal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A closed-loop load: {@code threads} workers each repeat an operation back to back until the time is up,
 * (or a number of operations is made), then stop by themselves. Throughput is what completed divided by the time it took.
 */
final class ClosedLoop {
    /** One operation; {@code worker} numbers the thread (0 … threads − 1), {@code n} counts its own calls. */
    interface Operation {
        void run(int worker, long n) throws Exception;
    }

    record Result(long completed, Duration elapsed, Latencies latencies) {
        double perSecond() {
            return completed / (elapsed.toNanos() / 1e9);
        }
    }

    private ClosedLoop() {
    }

    /** Repeats the operation until {@code duration} is up. */
    static Result run(int threads, Duration duration, Operation operation) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        return run(threads, () -> System.nanoTime() < deadline, operation);
    }

    /** Makes {@code total} operations in all, whatever time they take. */
    static Result times(int threads, long total, Operation operation) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        return run(threads, () -> started.incrementAndGet() <= total, operation);
    }

    private static Result run(int threads, BooleanSupplier another, Operation operation) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Latencies latencies = new Latencies();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(Thread.ofPlatform().name("load-" + t).start(() -> {
                long n = 0;
                while (failure.get() == null && another.getAsBoolean()) {
                    long before = System.nanoTime();
                    try {
                        operation.run(worker, n++);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    latencies.record(System.nanoTime() - before);
                    completed.incrementAndGet();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - started;
        if (failure.get() != null) {
            throw new IllegalStateException("the load failed", failure.get());
        }
        return new Result(completed.get(), Duration.ofNanos(elapsed), latencies);
    }
}
