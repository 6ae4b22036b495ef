package dev.billingportal.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a session lives: at most {@code absolute} after sign-in, and no longer than {@code idle} after its
 * last use. Use is recorded at most once a {@link #TOUCH_INTERVAL}, so that reading pages does not write on
 * every request; the idle limit is therefore exact to within that interval.
 */
public record SessionTimeouts(Duration absolute, Duration idle) {
    public static final Duration ABSOLUTE = Duration.ofHours(8);
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    public SessionTimeouts {
        Objects.requireNonNull(absolute, "absolute");
        Objects.requireNonNull(idle, "idle");
        if (absolute.isNegative() || absolute.isZero() || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("session timeouts are positive");
        }
        if (idle.compareTo(TOUCH_INTERVAL.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the idle timeout must be at least " + TOUCH_INTERVAL.multipliedBy(2));
        }
    }

    public static SessionTimeouts withIdle(Duration idle) {
        return new SessionTimeouts(ABSOLUTE, idle);
    }

    public Instant expiresAt(Instant signedInAt) {
        return signedInAt.plus(absolute);
    }

    /** Whether a session signed in at {@code expiresAt - absolute} and last used at {@code lastUsedAt} still works. */
    public boolean isLive(Instant expiresAt, Instant lastUsedAt, Instant now) {
        return now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idle));
    }

    /** Whether a use now should be recorded: the last recorded one is older than the touch interval. */
    public boolean shouldTouch(Instant lastUsedAt, Instant now) {
        return !now.isBefore(lastUsedAt.plus(TOUCH_INTERVAL));
    }
}
