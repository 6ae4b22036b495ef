package dev.billingportal.domain.access;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who performs an action: a signed-in portal user, someone on the provider's side (an operator signed in to the
 * console, a named API key, the installation key), or the portal itself.
 */
public sealed interface Actor {

    /** A short label for the audit log: a username, an operator's or a key's name. */
    String label();

    /** How a record keeps this actor: kind, id and name. */
    ActorRef ref();

    /** Whether this actor holds {@code permission} (spec §11); portal users and the portal hold none of them. */
    default boolean may(Permission permission) {
        return false;
    }

    /** A signed-in portal user; may act only within their own account. */
    record PortalUserActor(PortalUserId userId, AccountId accountId, String username) implements Actor {
        public PortalUserActor {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(username, "username");
        }

        @Override
        public String label() {
            return username;
        }

        @Override
        public ActorRef ref() {
            return new ActorRef(ActorKind.PORTAL_USER, Optional.of(userId.value()), username);
        }

        public boolean belongsTo(AccountId account) {
            return accountId.equals(account);
        }
    }

    /** The provider's side: whoever it is acts with a role, and the role decides what they may do. */
    sealed interface ProviderActor extends Actor {
        OperatorRole role();

        @Override
        default boolean may(Permission permission) {
            return role().may(permission);
        }
    }

    /**
     * A person of the billing team, signed in to the console with a second factor; {@code secondFactorAt} is when
     * they last proved it (sign-in or step-up), which the sensitive actions ask to be recent.
     */
    record OperatorActor(OperatorId id, String name, OperatorRole role, Instant secondFactorAt)
            implements ProviderActor {
        public OperatorActor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(secondFactorAt, "secondFactorAt");
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public ActorRef ref() {
            return new ActorRef(ActorKind.OPERATOR, Optional.of(id.value()), name);
        }
    }

    /** An integration calling the operator API with its named key. */
    record ApiKeyActor(ApiKeyId id, String name, OperatorRole role) implements ProviderActor {
        public ApiKeyActor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public ActorRef ref() {
            return new ActorRef(ActorKind.API_KEY, Optional.of(id.value()), name);
        }
    }

    /** The installation key (spec §8): an administrator's powers, for setting up the first administrator. */
    record Installation() implements ProviderActor {
        public static final String NAME = "Installation key";

        @Override
        public OperatorRole role() {
            return OperatorRole.ADMIN;
        }

        @Override
        public String label() {
            return NAME;
        }

        @Override
        public ActorRef ref() {
            return new ActorRef(ActorKind.INSTALLATION, Optional.empty(), NAME);
        }
    }

    /** The portal acting on its own (a user signing in, a token being used). */
    record System() implements Actor {
        @Override
        public String label() {
            return "system";
        }

        @Override
        public ActorRef ref() {
            return new ActorRef(ActorKind.SYSTEM, Optional.empty(), label());
        }
    }

    Actor INSTALLATION = new Installation();
    Actor SYSTEM = new System();
}
