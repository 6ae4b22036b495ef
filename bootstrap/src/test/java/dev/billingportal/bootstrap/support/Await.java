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
