package dev.billingportal.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        LoginThrottle throttle = LoginThrottle.fresh();
        for (int minute = 0; minute < 4; minute++) {
            throttle.failed(T0.plus(Duration.ofMinutes(minute * 3)));
            assertTrue(throttle.lockedFor(T0.plus(Duration.ofMinutes(minute * 3))).isEmpty(), "after " + (minute + 1));
        }
        Instant fifth = T0.plus(Duration.ofMinutes(14));
        throttle.failed(fifth);

        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor(fifth));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedFor(fifth.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertTrue(throttle.lockedFor(fifth.plus(Duration.ofMinutes(15))).isEmpty(), "free again after 15 minutes");
    }

    @Test
    void theWindowSlidesFailuresOlderThanFifteenMinutesDoNotCount() {
        LoginThrottle throttle = LoginThrottle.fresh();
        throttle.failed(T0);
        for (int i = 1; i <= 4; i++) {
            throttle.failed(T0.plus(Duration.ofMinutes(15)).plusSeconds(i));
        }
        assertTrue(throttle.lockedFor(T0.plus(Duration.ofMinutes(16))).isEmpty(),
                "the first failure is more than 15 minutes older than the fifth");

        throttle.failed(T0.plus(Duration.ofMinutes(16)));
        assertTrue(throttle.lockedFor(T0.plus(Duration.ofMinutes(16))).isPresent(), "five within the last 15 minutes");
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        LoginThrottle throttle = LoginThrottle.fresh();
        for (int i = 0; i < 4; i++) {
            throttle.failed(T0.plusSeconds(i));
        }
        throttle.succeeded();
        throttle.failed(T0.plusSeconds(10));

        assertTrue(throttle.lockedFor(T0.plusSeconds(10)).isEmpty());
        assertEquals(1, throttle.recentFailures().size());
    }
}
