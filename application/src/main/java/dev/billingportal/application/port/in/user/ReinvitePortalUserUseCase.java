package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;

public interface ReinvitePortalUserUseCase {

    /** Sends an {@code INVITED} user a new invitation; the old link stops working at once. */
    void reinvite(Actor actor, AccountId account, PortalUserId user);
}
