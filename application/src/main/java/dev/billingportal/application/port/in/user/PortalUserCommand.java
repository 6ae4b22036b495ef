package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.util.Objects;

/**
 * An action on one existing portal user that needs nothing more than who asks and about whom: deleting,
 * re-inviting or restoring them.
 */
public record PortalUserCommand(Actor actor, AccountId account, PortalUserId user) {
    public PortalUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
    }
}
