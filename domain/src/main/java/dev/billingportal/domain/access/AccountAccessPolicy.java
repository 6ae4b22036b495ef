package dev.billingportal.domain.access;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;

/**
 * Tenant isolation: the provider's side reaches every account (every role may read them, spec §11), portal users only
 * their own. A portal user naming another account is told it does not exist, so that the existence of other accounts
 * is never revealed.
 */
public final class AccountAccessPolicy {
    private AccountAccessPolicy() {
    }

    /** Reading the account: its portal users, or the provider's side. */
    public static void require(Actor actor, AccountId account) {
        requireToAct(actor, account, Permission.READ_ACCOUNTS);
    }

    /**
     * Acting on the account where both sides may (re-inviting a user): its own portal users, or the provider's side
     * with {@code permission}.
     */
    public static void requireToAct(Actor actor, AccountId account, Permission permission) {
        switch (actor) {
            case Actor.ProviderActor provider -> ProviderAccessPolicy.require(provider, permission);
            case Actor.PortalUserActor user -> requireOwn(user, account);
            case Actor.System system -> throw new NotFound("The account");
        }
    }

    /**
     * What only the account's own portal users do (adding, editing, deleting users, spec §3): the provider's side has
     * no such permission (spec §11's table).
     */
    public static void requireCustomer(Actor actor, AccountId account) {
        switch (actor) {
            case Actor.ProviderActor provider -> throw new AccessDenied(
                    "The account's own portal users manage its users; the provider's side may restore or re-invite.");
            case Actor.PortalUserActor user -> requireOwn(user, account);
            case Actor.System system -> throw new NotFound("The account");
        }
    }

    private static void requireOwn(Actor.PortalUserActor user, AccountId account) {
        if (!user.belongsTo(account)) {
            throw new NotFound("The account");
        }
    }
}
