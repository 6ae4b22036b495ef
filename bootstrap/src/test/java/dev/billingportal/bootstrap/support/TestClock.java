package dev.billingportal.bootstrap.support;

import dev.billingportal.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Replaces the system clock in a portal under test ({@code @AddBean(TestClock.class)}), so tests move time. */
@ApplicationScoped
@Alternative
@Priority(1)
public class TestClock {
    public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Produces
    Clock clock() {
        return CLOCK;
    }
}
