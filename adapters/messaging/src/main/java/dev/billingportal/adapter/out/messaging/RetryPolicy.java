package dev.billingportal.adapter.out.messaging;

import java.time.Duration;

/**
 * How a notification whose mail failed temporarily is retried: the broker redelivers it after
 * {@code initialDelay}, then {@code multiplier} times longer each time, at most {@code maxDelay},
 * until {@code maxAttempts} deliveries; then the delivery is FAILED and the message dead-lettered.
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts) {
    /** Spec §6: at least 5 attempts over at least 10 minutes, the first retry within 30 s (here ~23 min). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(20), 3.0, Duration.ofMinutes(10), 6);

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The total time from the first delivery to the last one. */
    public Duration retryWindow() {
        return windowOver(maxAttempts);
    }

    /**
     * How many times the broker delivers a message before it dead-letters it itself: the listener gives up a
     * delivery after {@code maxAttempts} mail failures; the broker's limit is the safety net for messages whose
     * handling keeps crashing (the database down...).
     */
    public int brokerDeliveryAttempts() {
        return maxAttempts * 2;
    }

    /** The longest a message can stay with the broker before it is settled or dead-lettered: all its redeliveries. */
    public Duration longestInFlight() {
        return windowOver(brokerDeliveryAttempts());
    }

    private Duration windowOver(int attempts) {
        Duration total = Duration.ZERO;
        double delay = initialDelay.toMillis();
        for (int retry = 1; retry < attempts; retry++) {
            total = total.plusMillis((long) Math.min(delay, maxDelay.toMillis()));
            delay *= multiplier;
        }
        return total;
    }
}
