package dev.billingportal.domain.access;

import java.time.Duration;

/**
 * How far an operator's console session has come (spec §11): the password proved and the second factor still to give,
 * or — for an operator who has none yet — to enrol; or both done. Only a {@code FULL} session opens the console; a
 * session half-way is good for its next step only, for {@link #HALF_WAY_LIFETIME}.
 */
public enum ConsoleStage {
    SECOND_FACTOR, ENROLMENT, FULL;

    public static final Duration HALF_WAY_LIFETIME = Duration.ofMinutes(10);
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
}
