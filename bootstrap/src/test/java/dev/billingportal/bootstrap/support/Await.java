package dev.billingportal.bootstrap.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for asynchronous outcomes (mail, relays), bounded in time. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Waits until {@code lookup} finds something, and returns it. */
    public static <T> T result(Duration timeout, java.util.function.Supplier<java.util.Optional<T>> lookup,
                               String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.util.Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Asserts that {@code condition} stays false for the whole {@code period}. */
    public static void never(Duration period, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                throw new AssertionError("Unexpectedly " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
