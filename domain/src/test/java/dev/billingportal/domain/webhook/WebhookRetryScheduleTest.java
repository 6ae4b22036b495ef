package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Spec §13's schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, ±20 %; then FAILED. */
class WebhookRetryScheduleTest {

    private static Duration wait(int attempts, double random) {
        return WebhookRetrySchedule.nextWait(attempts, Optional.empty(), () -> random).orElseThrow();
    }

    @Test
    void eachFailedAttemptWaitsItsStepThenTheMessageFailsAfterTheEighth() {
        List<Duration> middle = IntStream.rangeClosed(1, 7).mapToObj(attempts -> wait(attempts, 0.5)).toList();
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), middle);
        assertEquals(8, WebhookRetrySchedule.MAX_ATTEMPTS);
        assertEquals(Optional.empty(), WebhookRetrySchedule.nextWait(8, Optional.empty(), () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> WebhookRetrySchedule.nextWait(0, Optional.empty(),
                () -> 0.5));
    }

    @Test
    void theJitterIsTwentyPercentEitherWay() {
        assertEquals(Duration.ofSeconds(4), wait(1, 0.0));
        assertEquals(Duration.ofMinutes(36), wait(3, 1.0));
        assertEquals(Duration.ofMinutes(24), wait(3, 0.0));
    }

    @Test
    void aRetryAfterIsHonouredUpToTwiceTheStep() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), WebhookRetrySchedule.nextWait(1,
                Optional.of(Duration.ofSeconds(7)), () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(10)), WebhookRetrySchedule.nextWait(1,
                Optional.of(Duration.ofHours(1)), () -> 0.5), "never beyond twice the step");
        assertEquals(Optional.of(Duration.ZERO), WebhookRetrySchedule.nextWait(2, Optional.of(Duration.ZERO),
                () -> 0.5));
        assertEquals(Optional.empty(), WebhookRetrySchedule.nextWait(8, Optional.of(Duration.ofSeconds(1)),
                () -> 0.5), "nor beyond the last attempt");
    }
}
