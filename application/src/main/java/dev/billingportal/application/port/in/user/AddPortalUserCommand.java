package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.PortalUserProfile;
import java.util.Objects;

/** A portal user adds another user to their account (spec §3 rule 1). */
public record AddPortalUserCommand(Actor actor, AccountId account, PortalUserProfile profile) {
    public AddPortalUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(profile, "profile");
    }

    /** From what was typed; every invalid field is reported at once ({@code InvalidInput}). */
    public static AddPortalUserCommand of(Actor actor, AccountId account, NewPortalUserInput input) {
        FieldChecks checks = FieldChecks.start();
        PortalUserProfile profile = input.profile(checks);
        checks.orThrow();
        return new AddPortalUserCommand(actor, account, profile);
    }
}
