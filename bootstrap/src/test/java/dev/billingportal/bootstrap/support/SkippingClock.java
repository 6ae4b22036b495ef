package dev.billingportal.bootstrap.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces the system clock in a portal under test ({@code @AddBean(SkippingClock.class)}) with one that runs with it
 * and that the test moves ahead: a retry's minutes pass without waiting for them, while what is measured in seconds
 * (leases, a deferral) still passes on its own — which a stopped clock ({@link TestClock}) would hold forever.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SkippingClock {
    private static final AtomicLong SKIPPED_MILLIS = new AtomicLong();
    public static final Clock CLOCK = new Clock() {
        @Override
        public Instant instant() {
            return Instant.now().plusMillis(SKIPPED_MILLIS.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the portal's clock is in UTC");
        }
    };

    public static void skip(Duration duration) {
        SKIPPED_MILLIS.addAndGet(duration.toMillis());
    }

    @Produces
    Clock clock() {
        return CLOCK;
    }
}
