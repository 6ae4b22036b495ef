package dev.billingportal.domain.access;

import java.time.Duration;

/** What a one-time token e-mailed to a user is good for, and for how long (spec §4). */
public enum TokenPurpose {
    INVITATION(Duration.ofDays(7)),
    PASSWORD_RESET(Duration.ofHours(1));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
