package dev.billingportal.domain.access;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.util.Objects;

/** Who performs an action: the provider's operators, a signed-in portal user, or the portal itself. */
public sealed interface Actor {

    /** A short label for the audit log. */
    String label();

    /** The provider's billing team ("support") or the billing system feeding the portal. */
    record Operator() implements Actor {
        @Override
        public String label() {
            return "support";
        }
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

        public boolean belongsTo(AccountId account) {
            return accountId.equals(account);
        }
    }

    /** The portal acting on its own (a user signing in, a token being used). */
    record System() implements Actor {
        @Override
        public String label() {
            return "system";
        }
    }

    Actor OPERATOR = new Operator();
    Actor SYSTEM = new System();
}
