package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import java.util.List;

public interface ListPortalUsersQuery {

    /** The account's users, oldest first; deleted ones only for operators who ask for them. */
    List<PortalUser> list(Actor actor, AccountId account, boolean includeDeleted);
}
