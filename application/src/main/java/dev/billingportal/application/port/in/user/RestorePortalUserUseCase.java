package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;

public interface RestorePortalUserUseCase {

    /**
     * Support restores a deleted user (spec §3 rule 6): {@code ACTIVE} if they had a password, else
     * {@code INVITED} with a fresh invitation.
     */
    PortalUser restore(Actor actor, AccountId account, PortalUserId user);
}
