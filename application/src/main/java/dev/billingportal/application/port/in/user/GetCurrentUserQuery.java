package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.user.PortalUser;

public interface GetCurrentUserQuery {

    /** The signed-in user and their account. */
    record Me(PortalUser user, Account account) {
    }

    Me me(Actor.PortalUserActor actor);
}
