package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;

public interface DeletePortalUserUseCase {

    /**
     * Deletes another user of the account (spec §3 rules 4 and 5): their sessions end at once, they vanish from
     * the list, their username stays reserved.
     */
    void delete(Actor actor, AccountId account, PortalUserId user);
}
