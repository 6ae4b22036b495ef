package dev.billingportal.domain.access;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;

/**
 * Tenant isolation: operators reach every account, portal users only their own. Anything else is
 * reported as not found, so that the existence of other accounts is never revealed.
 */
public final class AccountAccessPolicy {
    private AccountAccessPolicy() {
    }

    public static void require(Actor actor, AccountId account) {
        boolean allowed = switch (actor) {
            case Actor.Operator operator -> true;
            case Actor.PortalUserActor user -> user.belongsTo(account);
            case Actor.System system -> false;
        };
        if (!allowed) {
            throw new NotFound("The account");
        }
    }
}
