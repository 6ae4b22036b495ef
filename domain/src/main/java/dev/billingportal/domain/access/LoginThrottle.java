package dev.billingportal.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in throttling for one username (spec §4): after {@value #MAX_FAILURES} failed attempts within
 * 15 minutes, further attempts are refused for 15 minutes. The window slides: it counts the failures of
 * the last 15 minutes, whenever they began. Unknown usernames are throttled exactly like real ones, so
 * throttling reveals nothing about which usernames exist.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final List<Instant> recentFailures;
    private Instant lockedUntil;

    private LoginThrottle(List<Instant> recentFailures, Instant lockedUntil) {
        this.recentFailures = new ArrayList<>(recentFailures);
        this.lockedUntil = lockedUntil;
    }

    public static LoginThrottle fresh() {
        return new LoginThrottle(List.of(), null);
    }

    public static LoginThrottle reconstitute(List<Instant> recentFailures, Instant lockedUntil) {
        return new LoginThrottle(recentFailures, lockedUntil);
    }

    /** How long attempts are still refused, if they are. */
    public Optional<Duration> lockedFor(Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return Optional.of(Duration.between(now, lockedUntil));
        }
        return Optional.empty();
    }

    public void failed(Instant now) {
        recentFailures.removeIf(failure -> !failure.isAfter(now.minus(WINDOW)));
        recentFailures.add(now);
        if (recentFailures.size() >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCKOUT);
            recentFailures.clear();
        }
    }

    public void succeeded() {
        recentFailures.clear();
        lockedUntil = null;
    }

    public List<Instant> recentFailures() {
        return List.copyOf(recentFailures);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
