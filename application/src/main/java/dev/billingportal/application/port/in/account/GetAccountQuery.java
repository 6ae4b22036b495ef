package dev.billingportal.application.port.in.account;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;

public interface GetAccountQuery {

    /** The account, if {@code actor} may see it: operators see all, portal users only their own. */
    Account get(Actor actor, AccountId id);
}
