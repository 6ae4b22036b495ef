package dev.billingportal.domain.access;

import dev.billingportal.domain.failure.StepUpRequired;
import java.time.Duration;
import java.time.Instant;

/**
 * The sensitive actions of spec §11 — inviting or re-roling an operator, resetting someone's second factor, creating
 * or rotating an API key — ask a person for a fresh second factor when their last one is older than
 * {@link #FRESHNESS}. Keys have no second factor to give: their role is all they have.
 */
public final class StepUpPolicy {
    public static final Duration FRESHNESS = Duration.ofMinutes(5);

    private StepUpPolicy() {
    }

    public static void require(Actor actor, Instant now) {
        if (actor instanceof Actor.OperatorActor operator && !isFresh(operator.secondFactorAt(), now)) {
            throw new StepUpRequired();
        }
    }

    public static boolean isFresh(Instant secondFactorAt, Instant now) {
        return !now.isAfter(secondFactorAt.plus(FRESHNESS));
    }
}
