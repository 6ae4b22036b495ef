package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.ProfileEdit;
import java.util.Objects;
import java.util.Optional;

/**
 * A portal user edits a user of their account (spec §3 rule 3).
 *
 * @param expectedVersion the version the editor last saw, if they say: a stale one is refused
 * @param username        the username the editor sent, if any: it must be the user's own (immutable)
 */
public record EditPortalUserCommand(Actor actor, AccountId account, PortalUserId user, Optional<Long> expectedVersion,
                                    Optional<String> username, ProfileEdit edit) {
    public EditPortalUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(edit, "edit");
    }

    /** From what was typed; every invalid field is reported at once ({@code InvalidInput}). */
    public static EditPortalUserCommand of(Actor actor, AccountId account, PortalUserId user,
                                           Optional<Long> expectedVersion, ProfileEditInput input) {
        FieldChecks checks = FieldChecks.start();
        ProfileEdit edit = input.edit(checks);
        checks.orThrow();
        return new EditPortalUserCommand(actor, account, user, expectedVersion, Optional.ofNullable(input.username()),
                edit);
    }
}
