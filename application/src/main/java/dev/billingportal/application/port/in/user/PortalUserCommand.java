package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.PortalUserId;
import java.util.Objects;
import java.util.Optional;

/**
 * An action on one existing portal user that needs nothing more than who asks and about whom: deleting,
 * re-inviting, restoring them or ending their sessions — with the reason someone on the provider's side gave, which
 * the audit keeps (spec §11).
 */
public record PortalUserCommand(Actor actor, AccountId account, PortalUserId user, Optional<Reason> reason) {
    public PortalUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
    }

    public PortalUserCommand(Actor actor, AccountId account, PortalUserId user) {
        this(actor, account, user, Optional.empty());
    }

    /** The same with the reason as sent ({@code null} for none): 3–500 characters. */
    public static PortalUserCommand of(Actor actor, AccountId account, PortalUserId user, String reason) {
        FieldChecks checks = FieldChecks.start();
        Optional<Reason> why = checks.optional("reason", reason, Reason::new);
        checks.orThrow();
        return new PortalUserCommand(actor, account, user, why);
    }
}
