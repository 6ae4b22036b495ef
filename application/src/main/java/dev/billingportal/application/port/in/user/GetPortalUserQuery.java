package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;

public interface GetPortalUserQuery {

    /** One user of the account; a deleted user, or one of another account, is not found. */
    PortalUser get(Actor actor, AccountId account, PortalUserId user);
}
