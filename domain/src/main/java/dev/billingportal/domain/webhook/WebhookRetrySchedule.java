package dev.billingportal.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a message is tried again (spec §13): at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — each
 * wait ±20 % at random so that an endpoint's failures do not come back in step — then the message is FAILED. A
 * receiver's {@code Retry-After} is honoured, but never beyond twice the step it replaces.
 */
public final class WebhookRetrySchedule {
    /** The wait before each retry: the n-th entry follows the n-th failed attempt. */
    static final List<Duration> STEPS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    /** The first attempt and a retry for each step. */
    public static final int MAX_ATTEMPTS = STEPS.size() + 1;
    private static final double JITTER = 0.2;

    private WebhookRetrySchedule() {
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} attempts that all failed, or empty when none is
     * left (the message is FAILED).
     *
     * @param retryAfter the last answer's {@code Retry-After}, if it had one
     * @param random     a uniform number in [0, 1), for the jitter
     */
    public static Optional<Duration> nextWait(int attemptsMade, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("no attempt was made");
        }
        if (attemptsMade >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration step = STEPS.get(attemptsMade - 1);
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            Duration cap = step.multipliedBy(2);
            return Optional.of(retryAfter.get().compareTo(cap) > 0 ? cap : retryAfter.get());
        }
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.round(step.toMillis() * factor)));
    }
}
