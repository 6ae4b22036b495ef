package dev.billingportal.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The clock port: the system's UTC clock, ticking in milliseconds so that every instant the portal
 * records survives the database round trip unchanged. Tests replace it with a clock they control.
 */
@ApplicationScoped
public class SystemClock {
    @Produces
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
